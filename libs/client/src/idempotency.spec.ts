import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPaymentsClient, type PaymentsClient } from './client.js';
import { PaymentsApiError, PaymentsConnectionError } from './errors.js';
import { idempotentCreate, type IdempotentCreateOptions, type RetryInfo } from './idempotency.js';
import { apiError, ScriptedServer, type Answer } from './testing/scripted-server.js';

const refund = { id: 'r-1', paymentId: 'p-1', amount: 400, status: 'reserved' };

describe('idempotentCreate', () => {
  let server: ScriptedServer;
  let client: PaymentsClient;
  let retries: RetryInfo[];

  beforeEach(async () => {
    server = await new ScriptedServer().start();
    client = createPaymentsClient({ baseUrl: server.url, apiKey: 'k', timeoutMs: 2_000 });
    retries = [];
  });

  afterEach(async () => {
    await server.close();
  });

  const createRefund = (options: IdempotentCreateOptions = {}) =>
    idempotentCreate(
      (idempotencyKey) =>
        client.POST('/v1/payments/{id}/refunds', {
          params: { path: { id: 'p-1' }, header: { 'Idempotency-Key': idempotencyKey } },
          body: { amount: 400 },
        }),
      { initialDelayMs: 1, onRetry: (r) => retries.push(r), ...options },
    );
  const keys = () => server.received.map((r) => r.headers['idempotency-key']);

  it('should send one Idempotency-Key with the request and return the created resource', async () => {
    server.script({ status: 201, json: refund });
    await expect(createRefund()).resolves.toEqual(refund);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]).toMatchObject({
      method: 'POST',
      url: '/v1/payments/p-1/refunds',
      body: '{"amount":400}',
    });
    expect(keys()[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each<[string, Answer]>([
    ['GATEWAY_TIMEOUT', { status: 504, json: apiError('GATEWAY_TIMEOUT') }],
    ['GATEWAY_UNAVAILABLE', { status: 503, json: apiError('GATEWAY_UNAVAILABLE') }],
    ['IDEMPOTENCY_KEY_IN_USE', { status: 409, json: apiError('IDEMPOTENCY_KEY_IN_USE') }],
    ['a dropped connection', 'drop'],
    ["a proxy's 502 page", { status: 502, text: '<html>Bad Gateway</html>' }],
  ])('should retry after %s with the same key and body', async (_name, fault) => {
    server.script(fault, fault, { status: 201, json: refund });
    await expect(createRefund()).resolves.toEqual(refund);
    expect(server.received).toHaveLength(3);
    expect(new Set(keys()).size).toBe(1);
    expect(new Set(server.received.map((r) => r.body))).toEqual(new Set(['{"amount":400}']));
    expect(retries.map((r) => [r.attempt, r.idempotencyKey])).toEqual([
      [1, keys()[0]],
      [2, keys()[0]],
    ]);
  });

  it('should retry when no answer comes within the client timeout', async () => {
    client = createPaymentsClient({ baseUrl: server.url, apiKey: 'k', timeoutMs: 300 });
    server.script('hang', { status: 201, json: refund });
    await expect(createRefund()).resolves.toEqual(refund);
    expect(retries[0]?.error).toBeInstanceOf(PaymentsConnectionError);
    expect(retries[0]?.error.message).toContain('no answer within the client timeout');
    expect(keys()[0]).toBe(keys()[1]);
  });

  it.each<[string, number, string]>([
    ['the key reused with another body', 422, 'IDEMPOTENCY_KEY_REUSED'],
    ['an order id taken', 409, 'ORDER_ID_EXISTS'],
    ["MultiSafepay's refusal", 502, 'GATEWAY_REJECTED'],
    ['an over-refund', 422, 'REFUND_EXCEEDS_REMAINING'],
    ['a missing payment', 404, 'PAYMENT_NOT_FOUND'],
  ])('should never retry a definitive answer: %s', async (_name, status, code) => {
    const body = apiError(code, `it is ${code}`, [{ field: 'amount', messages: ['bad'] }]);
    server.script({ status, json: body, headers: { 'x-request-id': 'ignored' } });
    const error = await createRefund().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentsApiError);
    expect(error).toMatchObject({
      status,
      code,
      details: [{ field: 'amount', messages: ['bad'] }],
      requestId: `req-${code}`,
      body,
      outcomeUnknown: false,
      idempotencyKey: keys()[0],
    });
    expect((error as Error).message).toBe(`${code} (HTTP ${status}): it is ${code}`);
    expect(server.received).toHaveLength(1);
    expect(retries).toEqual([]);
  });

  it("should use the caller's key for every attempt", async () => {
    server.script(
      { status: 503, json: apiError('GATEWAY_UNAVAILABLE') },
      { status: 201, json: refund },
    );
    await createRefund({ idempotencyKey: 'order-1234-refund-1' });
    expect(keys()).toEqual(['order-1234-refund-1', 'order-1234-refund-1']);
  });

  it('should make a new key for each logical create', async () => {
    server.script({ status: 201, json: refund }, { status: 201, json: refund });
    await createRefund();
    await createRefund();
    expect(keys()[0]).not.toBe(keys()[1]);
  });

  it('should give up after maxAttempts with the outcome unknown and the key to retry later', async () => {
    server.script(...Array<Answer>(3).fill({ status: 504, json: apiError('GATEWAY_TIMEOUT') }));
    const error = await createRefund({ maxAttempts: 3 }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'GATEWAY_TIMEOUT',
      outcomeUnknown: true,
      idempotencyKey: keys()[0],
    });
    expect(server.received).toHaveLength(3);
  });

  it('should give up with a connection error when the service cannot be reached', async () => {
    await server.close();
    const error = await createRefund({ maxAttempts: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentsConnectionError);
    expect(error).toMatchObject({ outcomeUnknown: true });
    expect((error as Error).message).toMatch(/could not be reached: fetch failed \(.*ECONNREFUSED/);
    expect(retries).toHaveLength(1);
  });

  it('should wait at least Retry-After after RATE_LIMITED, within maxDelayMs', async () => {
    server.script(
      { status: 429, json: apiError('RATE_LIMITED'), headers: { 'retry-after': '1' } },
      { status: 201, json: refund },
    );
    await createRefund({ maxDelayMs: 40 });
    expect(retries.map((r) => r.delayMs)).toEqual([40]);
    expect(retries[0]?.error).toMatchObject({ retryAfterMs: 1000, outcomeUnknown: true });
  });

  it('should back off exponentially with jitter, capped', async () => {
    server.script(...Array<Answer>(4).fill({ status: 503, json: apiError('GATEWAY_UNAVAILABLE') }));
    await createRefund({ maxAttempts: 4, initialDelayMs: 8, maxDelayMs: 20 }).catch(
      () => undefined,
    );
    const delays = retries.map((r) => r.delayMs);
    expect(delays[0]).toBeGreaterThanOrEqual(4);
    expect(delays[0]).toBeLessThanOrEqual(8);
    expect(delays[1]).toBeGreaterThanOrEqual(8);
    expect(delays[1]).toBeLessThanOrEqual(16);
    expect(delays[2]).toBeGreaterThanOrEqual(10);
    expect(delays[2]).toBeLessThanOrEqual(20);
  });

  it("should stop retrying when the caller's signal aborts", async () => {
    const controller = new AbortController();
    server.script(
      { status: 503, json: apiError('GATEWAY_UNAVAILABLE') },
      { status: 201, json: refund },
    );
    const created = createRefund({
      initialDelayMs: 5_000,
      signal: controller.signal,
      onRetry: () => controller.abort(),
    });
    await expect(created).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.received).toHaveLength(1);
  });
});
