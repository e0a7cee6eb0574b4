import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, CARDS, createPayment, paymentRequest, type ErrorResponse } from './support/api.js';
import { startApp, type RunningApp } from './support/app.js';

type Mutation = [string, (body: ReturnType<typeof paymentRequest>) => unknown, string];

const set =
  (path: string, value: unknown) =>
  (body: ReturnType<typeof paymentRequest>): unknown => {
    const copy = structuredClone(body) as Record<string, unknown>;
    const keys = path.split('.');
    let target = copy;
    for (const k of keys.slice(0, -1)) target = target[k] as Record<string, unknown>;
    const last = keys.at(-1) as string;
    if (value === undefined) delete target[last];
    else target[last] = value;
    return copy;
  };

// Every rule of POST /v1/payments: the mutation and the field the error must name.
const RULES: Mutation[] = [
  ['missing orderId', set('orderId', undefined), 'orderId'],
  ['orderId with a space', set('orderId', 'has space'), 'orderId'],
  ['orderId of 51 characters', set('orderId', 'x'.repeat(51)), 'orderId'],
  ['amount 0', set('amount', 0), 'amount'],
  ['negative amount', set('amount', -5), 'amount'],
  ['fractional amount', set('amount', 10.5), 'amount'],
  ['amount as a string', set('amount', '1000'), 'amount'],
  ['amount over the limit', set('amount', 100_000_000), 'amount'],
  ['lower-case currency', set('currency', 'eur'), 'currency'],
  ['unknown currency', set('currency', 'ABC'), 'currency'],
  ['missing description', set('description', undefined), 'description'],
  ['description of 201 characters', set('description', 'd'.repeat(201)), 'description'],
  ['missing card', set('card', undefined), 'card'],
  ['card number failing Luhn', set('card.number', '4111111111111112'), 'card.number'],
  ['card number with letters', set('card.number', '4111abcd11111111'), 'card.number'],
  ['card number too short', set('card.number', '41111111'), 'card.number'],
  ['expiry month 13', set('card.expiryMonth', 13), 'card.expiryMonth'],
  ['expired card', set('card.expiryYear', 2020), 'card.expiryYear'],
  ['missing cvc on a Visa', set('card.cvc', undefined), 'card.cvc'],
  ['cvc with letters', set('card.cvc', '12a'), 'card.cvc'],
  ['missing holder', set('card.holder', undefined), 'card.holder'],
  ['unknown card property', set('card.pin', '1234'), 'card.pin'],
  ['missing customer', set('customer', undefined), 'customer'],
  ['bad email', set('customer.email', 'not-an-email'), 'customer.email'],
  ['bad IP address', set('customer.ipAddress', '999.1.1.1'), 'customer.ipAddress'],
  ['bad locale', set('customer.locale', 'dutch'), 'customer.locale'],
  ['bad country', set('customer.country', 'Netherlands'), 'customer.country'],
  [
    'browser screen width as text',
    set('customer.browser.screenWidth', 'wide'),
    'customer.browser.screenWidth',
  ],
  ['ftp redirectUrl', set('redirectUrl', 'ftp://shop.example/x'), 'redirectUrl'],
  ['relative cancelUrl', set('cancelUrl', '/cancel'), 'cancelUrl'],
  ['notificationMethod PUT', set('notificationMethod', 'PUT'), 'notificationMethod'],
  ['nested metadata', set('metadata', { nested: { a: 1 } }), 'metadata'],
  ['unknown top-level property', set('surprise', true), 'surprise'],
];

describe('POST /v1/payments validation', () => {
  let sut: RunningApp;

  beforeAll(async () => {
    sut = await startApp();
  });

  afterAll(async () => {
    await sut?.close();
  });

  it.each(RULES)('should answer 400 naming the field for %s', async (_name, mutate, field) => {
    const body = mutate(paymentRequest());
    const res = await createPayment<ErrorResponse>(sut.url, body as Record<string, unknown>);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details?.map((d) => d.field)).toContain(field);
    expect(res.body.requestId).toEqual(expect.any(String));
    // Never echo card data back, not even in an error.
    expect(res.text).not.toContain(CARDS.noThreeDs);
    expect(res.text).not.toContain('4111111111111112');
  });

  it('should accept a Maestro card without a cvc', async () => {
    const res = await createPayment(
      sut.url,
      paymentRequest({}, { number: '6799990000000000011', cvc: undefined }),
    );
    expect(res.status).toBe(201);
  });

  it('should refuse a request without an Idempotency-Key', async () => {
    const res = await call<ErrorResponse>(sut.url, 'POST', '/v1/payments', paymentRequest());
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_MISSING');
  });

  it('should refuse a malformed Idempotency-Key on every route that takes one', async () => {
    const id = randomUUID();
    for (const [path, body] of [
      ['/v1/payments', paymentRequest()],
      [`/v1/payments/${id}/refunds`, {}],
      [`/v1/payments/${id}/captures`, {}],
    ] as const) {
      for (const idempotencyKey of ['has space', 'k'.repeat(256), 'caf\u00e9']) {
        const res = await call<ErrorResponse>(sut.url, 'POST', path, body, { idempotencyKey });
        expect([path, res.status, res.body.error]).toEqual([
          path,
          400,
          {
            code: 'IDEMPOTENCY_KEY_MISSING',
            message: 'The Idempotency-Key header is required: 1 to 255 visible ASCII characters',
          },
        ]);
      }
    }
  });

  it('should name a bad id or body before a missing Idempotency-Key', async () => {
    // Without a key and with something else wrong, the answer is about the something else.
    const bad = [
      ['/v1/payments', { ...paymentRequest(), amount: 0 }],
      ['/v1/payments/not-a-uuid/refunds', {}],
      ['/v1/payments/not-a-uuid/captures', {}],
      [`/v1/payments/${randomUUID()}/refunds`, { amount: 0 }],
      [`/v1/payments/${randomUUID()}/captures`, { amount: 0 }],
    ] as const;
    for (const [path, body] of bad) {
      const res = await call<ErrorResponse>(sut.url, 'POST', path, body);
      expect([path, res.status, res.body.error.code]).toEqual([path, 400, 'VALIDATION_FAILED']);
    }
  });

  it('should refuse malformed JSON with 400, not 500', async () => {
    const res = await createPayment<ErrorResponse>(sut.url, {}, { rawBody: '{"orderId": "x",' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_JSON');
  });

  it('should refuse a JSON array body with 400', async () => {
    const res = await createPayment<ErrorResponse>(sut.url, {}, { rawBody: '[1,2,3]' });
    expect(res.status).toBe(400);
  });

  it('should refuse a non-JSON content type with 415', async () => {
    const res = await createPayment<ErrorResponse>(
      sut.url,
      {},
      {
        rawBody: 'orderId=x',
        headers: { 'content-type': 'text/plain' },
      },
    );
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('should refuse a body over the size limit with 413', async () => {
    const res = await createPayment<ErrorResponse>(
      sut.url,
      paymentRequest({ description: 'x'.repeat(70_000) }),
    );
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('should answer 400 for an id that is not a UUID and 404 for an unknown one', async () => {
    const bad = await call<ErrorResponse>(sut.url, 'GET', '/v1/payments/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.[0]?.field).toBe('id');
    const missing = await call<ErrorResponse>(sut.url, 'GET', `/v1/payments/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('PAYMENT_NOT_FOUND');
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=101', 'limit'],
    ['status=paid', 'status'],
    ['createdFrom=yesterday', 'createdFrom'],
    ['cursor=%%%', 'cursor'],
    ['unknown=1', 'unknown'],
  ])('should answer 400 for the list query %s', async (query, field) => {
    const res = await call<ErrorResponse>(sut.url, 'GET', `/v1/payments?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details?.map((d) => d.field)).toContain(field);
  });
});
