import {
  createPaymentsClient,
  idempotentCreate,
  paginate,
  PaymentsApiError,
  PaymentsConnectionError,
  unwrap,
  type CreatePaymentRequest,
  type Payment,
  type PaymentsClient,
  type RetryInfo,
} from '@app/client';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARDS, DEV_KEY } from './support/api.js';
import { startApp, type RunningApp } from './support/app.js';
import { sandboxAdmin, submit3ds } from './support/sandbox.js';

describe('the typed client (libs/client) against the service', () => {
  let sut: RunningApp;
  let client: PaymentsClient;
  /** Idempotency-Key of every request the client sent, in order. */
  const sentKeys: (string | null)[] = [];

  beforeAll(async () => {
    sut = await startApp({ RECONCILE_INTERVAL_MS: '0', MSP_TIMEOUT_MS: '500' });
    client = createPaymentsClient({
      baseUrl: sut.url,
      apiKey: DEV_KEY,
      fetch: (request) => {
        sentKeys.push(request.headers.get('idempotency-key'));
        return fetch(request);
      },
    });
  });

  afterAll(async () => {
    await sandboxAdmin(sut.url, 'DELETE', '/sandbox-admin/faults').catch(() => undefined);
    await sut?.close();
  });

  const paymentRequest = (number: string, amount = 1000): CreatePaymentRequest => ({
    orderId: `cli-${randomUUID()}`,
    amount,
    currency: 'EUR',
    description: 'Order through the typed client',
    card: { number, holder: 'J. Jansen', expiryMonth: 12, expiryYear: 2030, cvc: '123' },
    customer: { email: 'j@example.com', ipAddress: '203.0.113.7' },
    redirectUrl: 'https://shop.example/thanks',
    cancelUrl: 'https://shop.example/cancel',
    metadata: { cartId: 'c-9' },
  });
  const createPayment = (body: CreatePaymentRequest) =>
    idempotentCreate((idempotencyKey) =>
      client.POST('/v1/payments', {
        params: { header: { 'Idempotency-Key': idempotencyKey } },
        body,
      }),
    );
  const getPayment = (id: string) =>
    unwrap(client.GET('/v1/payments/{id}', { params: { path: { id } } }));
  const settledAtSandbox = async (orderId: string) => {
    const res = await fetch(`${sut.url}/sandbox/v1/json/orders/${orderId}`, {
      headers: { api_key: 'sandbox-api-key' },
    });
    return ((await res.json()) as { data: { related_transactions: unknown[] } }).data
      .related_transactions;
  };

  it('should create a payment without 3-D Secure: completed at once, nextAction null', async () => {
    const payment = await createPayment(paymentRequest(CARDS.noThreeDs));
    expect(payment).toMatchObject({
      status: 'completed',
      nextAction: null,
      amount: 1000,
      currency: 'EUR',
      card: { brand: 'VISA', last4: '3335' },
      metadata: { cartId: 'c-9' },
    });
    expect(await getPayment(payment.id)).toEqual(payment);
  });

  it('should create a 3-D Secure payment, then read it completed by the webhook, with its history', async () => {
    const payment = await createPayment(paymentRequest(CARDS.threeDs, 2500));
    expect(payment.status).toBe('initialized');
    const url = payment.nextAction?.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sandbox\/connect\//);
    expect((await submit3ds(url ?? '', 'success')).status).toBe(303);

    let read: Payment = payment;
    for (let i = 0; i < 100 && read.status === 'initialized'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      read = await getPayment(payment.id);
    }
    expect(read).toMatchObject({ status: 'completed', nextAction: null });
    const history = await unwrap(
      client.GET('/v1/payments/{id}/events', { params: { path: { id: payment.id } } }),
    );
    expect(history.data.map((e) => [e.from, e.to, e.source])).toContainEqual([
      'initialized',
      'completed',
      'notification',
    ]);
  });

  it('should list every payment through the cursor iterator, page by page, newest first', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const created: string[] = [];
    for (let i = 0; i < 5; i++)
      created.push((await createPayment(paymentRequest(CARDS.noThreeDs))).id);
    let pages = 0;
    const listed: string[] = [];
    for await (const p of paginate((cursor) => {
      pages++;
      return client.GET('/v1/payments', {
        params: { query: { createdFrom: since, status: 'completed', limit: 2, cursor } },
      });
    }))
      listed.push(p.id);
    // Other test files may add payments to a shared database meanwhile: ours are in there, in order.
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.filter((id) => created.includes(id))).toEqual([...created].reverse());
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('should settle a refund whose answer timed out at the gateway with one retry of the same key', async () => {
    const payment = await createPayment(paymentRequest(CARDS.noThreeDs));
    // The sandbox refunds, then never answers: the service answers 504 GATEWAY_TIMEOUT.
    await sandboxAdmin(sut.url, 'POST', '/sandbox-admin/faults', {
      mode: 'hang_after',
      count: 1,
      method: 'POST',
    });
    const retries: RetryInfo[] = [];
    const before = sentKeys.length;
    const refund = await idempotentCreate(
      (idempotencyKey) =>
        client.POST('/v1/payments/{id}/refunds', {
          params: { path: { id: payment.id }, header: { 'Idempotency-Key': idempotencyKey } },
          body: { amount: 600, description: 'Returned two items' },
        }),
      { onRetry: (r) => retries.push(r) },
    );
    expect(refund).toMatchObject({ paymentId: payment.id, amount: 600, status: 'reserved' });
    expect(
      retries.map((r) => [r.attempt, r.error instanceof PaymentsApiError && r.error.code]),
    ).toEqual([[1, 'GATEWAY_TIMEOUT']]);
    const keys = sentKeys.slice(before);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[0]).toBe(retries[0]?.idempotencyKey);
    expect(await settledAtSandbox(payment.orderId)).toHaveLength(1);
    expect(await getPayment(payment.id)).toMatchObject({
      status: 'partial_refunded',
      refundedAmount: 600,
    });
  });

  it('should get the first answer again when the connection drops after the service refunded', async () => {
    const payment = await createPayment(paymentRequest(CARDS.noThreeDs));
    let dropped = 0;
    const lossy = createPaymentsClient({
      baseUrl: sut.url,
      apiKey: DEV_KEY,
      // The request reaches the service and is done; its answer is lost on the way back.
      fetch: async (request) => {
        const response = await fetch(request);
        if (dropped++ > 0) return response;
        await response.arrayBuffer();
        throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
      },
    });
    const retries: RetryInfo[] = [];
    const refund = await idempotentCreate(
      (idempotencyKey) =>
        lossy.POST('/v1/payments/{id}/refunds', {
          params: { path: { id: payment.id }, header: { 'Idempotency-Key': idempotencyKey } },
          body: { amount: 1000 },
        }),
      { idempotencyKey: `refund-${payment.orderId}`, onRetry: (r) => retries.push(r) },
    );
    expect(retries).toHaveLength(1);
    expect(retries[0]?.error).toBeInstanceOf(PaymentsConnectionError);
    expect(refund).toMatchObject({ amount: 1000, status: 'reserved' });
    expect(await settledAtSandbox(payment.orderId)).toHaveLength(1);
    expect(await getPayment(payment.id)).toMatchObject({
      status: 'refunded',
      refundedAmount: 1000,
    });
  });

  it("should type the API's errors and not retry them", async () => {
    const before = sentKeys.length;
    const invalid = await createPayment({ ...paymentRequest(CARDS.noThreeDs), amount: 10.5 }).catch(
      (e: unknown) => e,
    );
    expect(invalid).toBeInstanceOf(PaymentsApiError);
    expect(invalid).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      outcomeUnknown: false,
      details: [{ field: 'amount', messages: expect.any(Array) as unknown }],
    });
    expect((invalid as PaymentsApiError).requestId).toMatch(/.+/);
    expect((invalid as PaymentsApiError).body?.requestId).toBe(
      (invalid as PaymentsApiError).requestId,
    );
    expect(sentKeys.length - before).toBe(1);

    const body = paymentRequest(CARDS.noThreeDs);
    await createPayment(body);
    await expect(createPayment(body)).rejects.toMatchObject({
      status: 409,
      code: 'ORDER_ID_EXISTS',
    });

    const missing = await getPayment(randomUUID()).catch((e: unknown) => e);
    expect(missing).toMatchObject({ status: 404, code: 'PAYMENT_NOT_FOUND' });

    const stranger = createPaymentsClient({ baseUrl: sut.url, apiKey: 'not-a-key' });
    await expect(unwrap(stranger.GET('/v1/payments'))).rejects.toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
  });

  it('should replay a create sent again with the same key', async () => {
    const body = paymentRequest(CARDS.noThreeDs);
    const key = `create-${body.orderId}`;
    const send = (idempotencyKey: string) =>
      client.POST('/v1/payments', {
        params: { header: { 'Idempotency-Key': idempotencyKey } },
        body,
      });
    const first = await idempotentCreate(send, { idempotencyKey: key });
    const again = await send(key);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.data).toEqual(first);
  });
});
