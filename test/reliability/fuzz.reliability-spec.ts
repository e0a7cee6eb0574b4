import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentRequest } from '../support/api.js';
import { startApp, type RunningApp } from '../support/app.js';
import { report } from '../support/report.js';

/**
 * Hostile input: property-based fuzzing of bodies, headers, query strings and webhook payloads.
 * 10,000 cases in all. Every answer must come within 5 s, be a 4xx/2xx (or 502-504 from the
 * gateway, never 500), and the service must stay healthy.
 */
const MSP_KEY = 'fuzz-msp-key';

describe('hostile input (fast-check)', () => {
  let sut: RunningApp;
  let requests = 0;
  let serverErrors = 0;
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    sut = await startApp({
      RATE_LIMIT_PER_SECOND: '0',
      // The edge's per-sender limit would answer 429 to the unsigned deliveries checked below.
      WEBHOOK_RATE_LIMIT_PER_SECOND: '0',
      RECONCILE_INTERVAL_MS: '0',
      MSP_ENV: 'sandbox',
      MSP_API_KEY: MSP_KEY,
      LOG_LEVEL: 'warn',
    });
  });

  afterAll(async () => {
    const orders = (await (await fetch(`${sut.url}/sandbox-admin/orders`)).json()) as {
      order_id: string;
    }[];
    report({
      scenario: 'hostile input',
      injected: 'fast-check bodies, headers, queries, paths, webhook payloads',
      attempted: requests,
      ordersAtSandbox: orders.length,
      duplicates: orders.length - new Set(orders.map((o) => o.order_id)).size,
      stuck: 0,
      serverErrors,
      notes: [...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' '),
    });
    await sut?.close();
  });

  async function send(path: string, init: RequestInit): Promise<number> {
    requests += 1;
    const res = await fetch(`${sut.url}${path}`, { ...init, signal: AbortSignal.timeout(5_000) });
    await res.arrayBuffer();
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.status === 500 || res.status > 504) serverErrors += 1;
    return res.status;
  }

  const fine = (status: number) => status < 500 || (status >= 502 && status <= 504);
  const auth = { authorization: 'Bearer dev-secret' };
  const header = fc.stringMatching(/^[\x21-\x7e]{0,40}$/);

  it('should survive arbitrary JSON bodies on POST /v1/payments', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json({ maxDepth: 4 }), header, async (body, key) => {
        const status = await send('/v1/payments', {
          method: 'POST',
          headers: {
            ...auth,
            'content-type': 'application/json',
            ...(key ? { 'idempotency-key': key } : {}),
          },
          body,
        });
        expect(fine(status)).toBe(true);
      }),
      { numRuns: 2500 },
    );
  });

  it('should survive mutated payment requests (typed fields of the wrong type, shape or size)', async () => {
    const anyValue = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.object({ maxDepth: 1 }),
    );
    const fields = [
      'orderId',
      'amount',
      'currency',
      'description',
      'card',
      'customer',
      'redirectUrl',
      'metadata',
      'notificationMethod',
    ];
    const cardFields = ['number', 'holder', 'expiryMonth', 'expiryYear', 'cvc'];
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...fields), anyValue, { maxKeys: 3 }),
        fc.dictionary(fc.constantFrom(...cardFields), anyValue, { maxKeys: 2 }),
        fc.uuid(),
        async (top, card, key) => {
          const base = paymentRequest();
          const body = { ...base, ...top, card: { ...base.card, ...card } };
          const status = await send('/v1/payments', {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': key },
            body: JSON.stringify(body),
          });
          expect(fine(status)).toBe(true);
        },
      ),
      { numRuns: 2500 },
    );
  });

  it('should survive saved card payments and routes with hostile savedCardId, customerReference and recurring.model', async () => {
    // A real saved card, so that some cases reach the gateway with its token.
    const owner = 'fuzz-owner';
    const first = await fetch(`${sut.url}/v1/payments`, {
      method: 'POST',
      headers: {
        ...auth,
        'content-type': 'application/json',
        'idempotency-key': `fuzz-first-${Date.now()}`,
      },
      body: JSON.stringify(
        paymentRequest({ recurring: { model: 'cardOnFile', customerReference: owner } }),
      ),
    });
    const savedCardId = ((await first.json()) as { savedCard: { id: string } | null }).savedCard
      ?.id;
    expect(savedCardId).toMatch(/^card_/);
    const anyValue = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }),
      fc.object({ maxDepth: 1 }),
    );
    const cardId = fc.oneof(
      fc.constant(savedCardId),
      fc.stringMatching(/^card_[a-z2-7]{26}$/),
      fc.string({ maxLength: 40 }).map((s) => `card_${s}`),
      anyValue,
    );
    const reference = fc.oneof(
      fc.constant(owner),
      fc.stringMatching(/^[A-Za-z0-9._:@-]{1,50}$/),
      fc.string({ maxLength: 60 }),
      anyValue,
    );
    const model = fc.oneof(
      fc.constantFrom('cardOnFile', 'subscription', 'unscheduled', 'cardonfile', ''),
      anyValue,
    );
    const recurring = fc.oneof(
      fc.record(
        { model, customerReference: reference },
        { requiredKeys: [] },
      ) as fc.Arbitrary<unknown>,
      anyValue,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            savedCardId: cardId,
            recurring,
            card: fc.constant(true),
            customer: fc.constant(true),
            captureMode: fc.constantFrom('manual', 'automatic', 42),
          },
          { requiredKeys: [] },
        ),
        fc.uuid(),
        async (parts, key) => {
          const base: Record<string, unknown> = paymentRequest();
          const body: Record<string, unknown> = { ...base, ...parts };
          if (parts.card === undefined) delete body.card;
          else body.card = base.card;
          if (parts.customer === undefined) delete body.customer;
          else body.customer = base.customer;
          const status = await send('/v1/payments', {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': key },
            body: JSON.stringify(body),
          });
          expect(fine(status)).toBe(true);
        },
      ),
      { numRuns: 1500 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'DELETE'),
        fc.oneof(fc.constant(owner), fc.stringMatching(/^[\w\-%.~!$&'()*+,;=:@]{0,60}$/)),
        fc.oneof(
          fc.constant(''),
          fc.stringMatching(/^card_[a-z2-7]{26}$/),
          fc.stringMatching(/^[\w\-%.~!$&'()*+,;=:@]{0,40}$/),
        ),
        async (method, ref, id) => {
          const status = await send(
            `/v1/customers/${ref}/saved-cards${method === 'DELETE' ? `/${id}` : ''}`,
            { method, headers: auth },
          );
          expect(fine(status)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('should survive arbitrary headers, content types and raw bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json; charset=latin1',
          'multipart/form-data',
          '',
        ),
        fc.uint8Array({ maxLength: 512 }),
        fc.stringMatching(/^[\x20-\x7e]{0,80}$/),
        async (contentType, bytes, authorization) => {
          const headers: Record<string, string> = { authorization, 'idempotency-key': 'fuzz' };
          if (contentType) headers['content-type'] = contentType;
          const status = await send('/v1/payments', { method: 'POST', headers, body: bytes });
          expect(fine(status)).toBe(true);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('should survive arbitrary paths and query strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/v1/payments',
          '/v1/payments/',
          '/webhooks/multisafepay',
          '/health/ready',
          '/sandbox/v1/json/orders/',
        ),
        fc.stringMatching(/^[\w\-%.~!$&'()*+,;=:@/?]{0,60}$/),
        async (prefix, rest) => {
          const status = await send(
            `${prefix}${rest.startsWith('?') || prefix.endsWith('/') ? '' : '?'}${rest}`,
            { headers: auth },
          );
          expect(fine(status)).toBe(true);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('should survive signed and unsigned webhook payloads of any shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.json({ maxDepth: 3 }),
        fc.boolean(),
        fc.stringMatching(/^[\w.:-]{1,50}$/),
        async (body, signed, orderId) => {
          const ts = Math.floor(Date.now() / 1000);
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (signed) {
            const mac = createHmac('sha512', MSP_KEY).update(`${ts}:${body}`).digest('hex');
            headers.auth = Buffer.from(`${ts}:${mac}`).toString('base64');
          }
          const status = await send(
            `/webhooks/multisafepay?transactionid=${encodeURIComponent(orderId)}&timestamp=${ts}`,
            {
              method: 'POST',
              headers,
              body,
            },
          );
          expect(fine(status)).toBe(true);
          // Fastify refuses prototype-poisoning JSON (400) before any handler, so before the
          // signature is checked; every other unsigned body is refused as unauthenticated.
          if (!signed) expect(status).toBe(poisoned(JSON.parse(body)) ? 400 : 401);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('should still be healthy, with no unexpected 5xx', async () => {
    expect((await fetch(`${sut.url}/health/ready`)).status).toBe(200);
    expect(requests).toBeGreaterThanOrEqual(10_000);
    expect(serverErrors).toBe(0);
  });
});

/**
 * What Fastify's JSON parser (secure-json-parse, `onProtoPoisoning`/`onConstructorPoisoning`
 * left at "error") refuses: an own `__proto__` key, or a `constructor` object with `prototype`.
 */
function poisoned(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(poisoned);
  const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);
  if (own(value, '__proto__')) return true;
  const ctor = (value as Record<string, unknown>).constructor;
  if (
    own(value, 'constructor') &&
    ctor !== null &&
    typeof ctor === 'object' &&
    own(ctor, 'prototype')
  ) {
    return true;
  }
  return Object.values(value).some(poisoned);
}
