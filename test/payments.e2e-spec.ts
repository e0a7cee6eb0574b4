import type { PaymentHistoryEntry } from '@app/client';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  CARDS,
  createPayment,
  paymentRequest,
  type ErrorResponse,
  type PaymentBody,
} from './support/api.js';
import { startApp, type RunningApp } from './support/app.js';
import { sandboxOrders, submit3ds } from './support/sandbox.js';

const KEYS = {
  API_KEYS: [
    'dev:dev-secret',
    'other:other-secret:payments:write+payments:read',
    'reader:reader-secret:payments:read',
  ].join(','),
};

describe('direct card payments end to end (sandbox gateway over real HTTP)', () => {
  let sut: RunningApp;

  beforeAll(async () => {
    // The reconciler stays out of the way here; webhooks and refresh settle payments.
    sut = await startApp({ ...KEYS, RECONCILE_INTERVAL_MS: '0' });
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should complete a non-3-D Secure card at once', async () => {
    const request = paymentRequest(
      {},
      { number: CARDS.noThreeDs, expiryMonth: 3, expiryYear: 2031 },
    );
    const res = await createPayment<PaymentBody>(sut.url, request);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      orderId: request.orderId,
      status: 'completed',
      amount: 1000,
      currency: 'EUR',
      nextAction: null,
      card: { brand: 'VISA', last4: '3335', expiryMonth: 3, expiryYear: 2031 },
      refundedAmount: 0,
      metadata: { cartId: 'c-9' },
      gateway: { status: 'completed' },
    });
    // MultiSafepay's transaction ids exceed 2^53: the digits must survive exactly.
    expect(res.body.gateway.transactionId).toMatch(/^\d{16,}$/);
    expect(BigInt(res.body.gateway.transactionId ?? '0')).toBeGreaterThan(2n ** 53n);
    expect(res.text).not.toContain(CARDS.noThreeDs);
    expect(res.text).not.toContain('"cvc"');
  });

  it('should hand back the 3-D Secure redirect and form, then complete after the shopper authenticates', async () => {
    const request = paymentRequest({}, { number: CARDS.threeDs });
    const created = await createPayment<PaymentBody>(sut.url, request);
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('initialized');
    expect(created.body.nextAction?.type).toBe('redirect');
    expect(created.body.nextAction?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sandbox\/connect\//);
    expect(created.body.nextAction?.form?.html).toMatch(/<form[^>]+method="post"/i);

    const landing = await submit3ds(created.body.nextAction?.url ?? '', 'success');
    expect(landing.status).toBe(303);
    expect(landing.location).toBe(`https://shop.example/thanks?transactionid=${request.orderId}`);

    const settled = await waitForStatus(sut.url, created.body.id, 'completed');
    expect(settled.nextAction).toBeNull();
    const events = await call<{ data: PaymentHistoryEntry[] }>(
      sut.url,
      'GET',
      `/v1/payments/${created.body.id}/events`,
    );
    expect(events.body.data.map((e) => e.to)).toEqual(['created', 'initialized', 'completed']);
    expect(events.body.data[1]?.source).toBe('api');
  });

  it('should end declined when the shopper fails 3-D Secure', async () => {
    const created = await createPayment<PaymentBody>(
      sut.url,
      paymentRequest({}, { number: CARDS.threeDs }),
    );
    const landing = await submit3ds(created.body.nextAction?.url ?? '', 'failure');
    expect(landing.status).toBe(303);
    expect(landing.location).toMatch(/^https:\/\/shop\.example\/cancel\?transactionid=/);
    await waitForStatus(sut.url, created.body.id, 'declined');
  });

  it.each([
    ['a card that fails 3-D Secure', CARDS.declined3ds],
    ['insufficient funds', CARDS.insufficientFunds],
    ['a card MultiSafepay declines with error 1024', CARDS.notATestCard],
  ])('should answer 201 declined for %s', async (_name, number) => {
    const res = await createPayment<PaymentBody>(sut.url, paymentRequest({}, { number }));
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('declined');
    expect(res.body.nextAction).toBeNull();
  });

  it('should give 20 concurrent duplicates one order and 20 identical answers', async () => {
    const request = paymentRequest({}, { number: CARDS.threeDs });
    const idempotencyKey = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        createPayment<PaymentBody>(sut.url, request, { idempotencyKey }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(await sandboxOrders(sut.url, request.orderId)).toBe(1);

    const replay = await createPayment<PaymentBody>(sut.url, request, { idempotencyKey });
    expect(replay.status).toBe(201);
    expect(replay.text).toBe(answers[0]?.text);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('should replay the same body after the payment moved on', async () => {
    const request = paymentRequest({}, { number: CARDS.threeDs });
    const idempotencyKey = randomUUID();
    const first = await createPayment<PaymentBody>(sut.url, request, { idempotencyKey });
    await submit3ds(first.body.nextAction?.url ?? '', 'success');
    await waitForStatus(sut.url, first.body.id, 'completed');
    const replay = await createPayment<PaymentBody>(sut.url, request, { idempotencyKey });
    expect(replay.text).toBe(first.text);
  });

  it('should refuse the same key with another body (422) and the same orderId under another key (409)', async () => {
    const request = paymentRequest();
    const idempotencyKey = randomUUID();
    expect((await createPayment(sut.url, request, { idempotencyKey })).status).toBe(201);

    const reused = await createPayment<ErrorResponse>(
      sut.url,
      { ...request, amount: 2000 },
      { idempotencyKey },
    );
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const sameOrder = await createPayment<ErrorResponse>(sut.url, request);
    expect(sameOrder.status).toBe(409);
    expect(sameOrder.body.error.code).toBe('ORDER_ID_EXISTS');
    expect(await sandboxOrders(sut.url, request.orderId)).toBe(1);
  });

  it('should keep idempotency keys per caller', async () => {
    const idempotencyKey = randomUUID();
    const mine = await createPayment<PaymentBody>(sut.url, paymentRequest(), { idempotencyKey });
    const theirs = await createPayment<PaymentBody>(sut.url, paymentRequest(), {
      idempotencyKey,
      key: 'other-secret',
    });
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('should answer 401 without or with a wrong key, and 403 without the scope', async () => {
    const none = await createPayment<ErrorResponse>(sut.url, paymentRequest(), { key: null });
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('UNAUTHENTICATED');
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    const wrong = await call<ErrorResponse>(sut.url, 'GET', '/v1/payments', undefined, {
      key: 'nope',
    });
    expect(wrong.status).toBe(401);
    const reader = await createPayment<ErrorResponse>(sut.url, paymentRequest(), {
      key: 'reader-secret',
    });
    expect(reader.status).toBe(403);
    expect(reader.body.error.code).toBe('FORBIDDEN');
    expect(
      (await call(sut.url, 'GET', '/v1/payments?limit=1', undefined, { key: 'reader-secret' }))
        .status,
    ).toBe(200);
  });

  it('should read one payment and find it by orderId', async () => {
    const created = await createPayment<PaymentBody>(sut.url, paymentRequest());
    const one = await call<PaymentBody>(sut.url, 'GET', `/v1/payments/${created.body.id}`);
    expect(one.body).toEqual(created.body);
    const found = await call<{ data: PaymentBody[]; nextCursor: string | null }>(
      sut.url,
      'GET',
      `/v1/payments?orderId=${created.body.orderId}`,
    );
    expect(found.body.data.map((p) => p.id)).toEqual([created.body.id]);
    expect(found.body.nextCursor).toBeNull();
  });

  it('should page through a list newest first without gaps or repeats', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1)
      ids.push((await createPayment<PaymentBody>(sut.url, paymentRequest())).body.id);
    const seen: PaymentBody[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `createdFrom=${encodeURIComponent(since)}&status=completed&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { body: { data: PaymentBody[]; nextCursor: string | null }; status: number } =
        await call<{ data: PaymentBody[]; nextCursor: string | null }>(
          sut.url,
          'GET',
          `/v1/payments?${query}`,
        );
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data);
      cursor = page.body.nextCursor;
    } while (cursor);
    const seenIds = seen.map((p) => p.id);
    expect(new Set(seenIds).size).toBe(seenIds.length);
    expect(seenIds).toEqual(expect.arrayContaining(ids));
    const order = ids.map((id) => seenIds.indexOf(id));
    expect(order).toEqual([...order].sort((a, b) => b - a));
  });

  it('should not skip payments created within the same millisecond when paging', async () => {
    // Three payments 100 µs apart: one millisecond for a JS Date, three instants for PostgreSQL.
    // A random second in 2001 (the test database may be reused), then its 5th millisecond.
    const second = Date.UTC(2001, 0, 1) + Math.floor(Math.random() * 365 * 86_400) * 1000;
    const at = new Date(second + 5).toISOString();
    const orderIds = [1, 2, 3].map(() => `same-ms-${randomUUID()}`);
    for (const [i, orderId] of orderIds.entries()) {
      await sut.dataSource.query(
        `INSERT INTO payments (order_id, client_id, amount, currency, description, status, version, created_at, updated_at)
         VALUES ($1, 'test', 100, 'EUR', 'same ms', 'completed', 1,
                 $2::timestamptz + make_interval(secs => $3 * 0.0001), now())`,
        [orderId, at, i + 1],
      );
    }
    const window = `createdFrom=${encodeURIComponent(at)}&createdTo=${encodeURIComponent(new Date(second + 1000).toISOString())}`;
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const page: { body: { data: PaymentBody[]; nextCursor: string | null } } = await call<{
        data: PaymentBody[];
        nextCursor: string | null;
      }>(sut.url, 'GET', `/v1/payments?${window}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.data.map((p) => p.orderId));
      cursor = page.body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual([...orderIds].reverse());
  });
});

/** Polls the payment (refreshing it from MultiSafepay) until it reaches `status`. */
export async function waitForStatus(
  base: string,
  id: string,
  status: string,
  timeoutMs = 10_000,
): Promise<PaymentBody> {
  const deadline = Date.now() + timeoutMs;
  let last: PaymentBody | undefined;
  while (Date.now() < deadline) {
    const res = await call<PaymentBody>(base, 'GET', `/v1/payments/${id}`);
    last = res.body;
    if (last.status === status) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`payment ${id} stayed ${last?.status ?? '?'} instead of becoming ${status}`);
}
