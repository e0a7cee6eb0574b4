// over-400: the sandbox's manual capture: one suite, one sandbox, its helpers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  eventually,
  KEY,
  order,
  Receiver,
  startSandbox,
  verifyAuth,
  type Received,
  type Sandbox,
} from './testing/harness.js';

const DAY_MS = 86_400_000;
const VISA_DIRECT = '4012001038443335';

type Data = Record<string, unknown> & {
  payment_details: Record<string, unknown>;
  payment_methods: { status: string; amount: number }[];
  related_transactions: { type: string; status: string; amount: number; order_id: string }[] | null;
};

/** The wall time in Amsterdam, as `YYYY-MM-DDTHH:mm:ss`, worked out here and not by the sandbox. */
function amsterdam(ms: number): string {
  const text = new Date(ms).toLocaleString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  return text.replace(' ', 'T');
}

async function submit3ds(url: string, result: string): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ result }).toString(),
    redirect: 'manual',
  });
  await res.text();
  return res.status;
}

describe('sandbox: manual capture (docs/multisafepay.md#manual-capture)', () => {
  let sut: Sandbox;
  const hook = new Receiver();

  beforeAll(async () => {
    await hook.start();
    sut = await startSandbox();
  });

  afterAll(async () => {
    await sut?.close();
    await hook.close();
  });

  const manual = (card: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}) =>
    order(
      {
        capture: 'manual',
        payment_options: {
          notification_url: hook.url,
          notification_method: 'POST',
          redirect_url: 'https://shop.example/thanks',
          cancel_url: 'https://shop.example/cancel',
        },
        ...overrides,
      },
      { card_number: VISA_DIRECT, ...card },
    );

  async function authorize(card: Record<string, unknown> = {}): Promise<string> {
    const res = await api(sut.url, 'POST', '/v1/json/orders', manual(card));
    expect(res.json.success).toBe(true);
    return String(res.json.data?.order_id);
  }

  const get = async (orderId: string) =>
    (await api(sut.url, 'GET', `/v1/json/orders/${orderId}`)).json.data as Data;
  const capture = (orderId: string, body: Record<string, unknown>) =>
    api(sut.url, 'POST', `/v1/json/orders/${orderId}/capture`, body);
  const release = (orderId: string, body: Record<string, unknown>) =>
    api(sut.url, 'PATCH', `/v1/json/capture/${orderId}`, body);
  /** Notifications of an order, their bodies parsed; each signature checked on the way. */
  const notified = (orderId: string): Data[] =>
    hook.for(orderId).map((r: Received) => {
      expect(verifyAuth(r, KEY)).toBe(true);
      return JSON.parse(r.body) as Data;
    });

  describe('authorization', () => {
    it('should answer the authorized state MultiSafepay documents and notify it', async () => {
      const before = Date.now();
      const res = await api(sut.url, 'POST', '/v1/json/orders', manual({}, { amount: 9743 }));
      const after = Date.now();
      const data = res.json.data as Data;
      expect(data).toMatchObject({
        status: 'completed',
        financial_status: 'initialized',
        amount: 9743,
        related_transactions: null,
        payment_details: { capture: 'manual', capture_remain: 9743, type: 'VISA' },
      });
      expect(data.payment_methods[0]?.status).toBe('initialized');
      const expiry = String(data.payment_details.capture_expiry);
      expect(expiry).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
      // Visa: 7 days, written as Amsterdam wall time.
      expect(expiry >= amsterdam(before + 7 * DAY_MS - 1000)).toBe(true);
      expect(expiry <= amsterdam(after + 7 * DAY_MS + 1000)).toBe(true);
      expect(data.costs).toEqual([]);
      const orderId = String(data.order_id);
      expect(await get(orderId)).toMatchObject({
        status: 'completed',
        financial_status: 'initialized',
        payment_details: { capture: 'manual', capture_remain: 9743, capture_expiry: expiry },
      });
      await eventually(() => hook.for(orderId).length === 1);
      expect(notified(orderId)[0]).toMatchObject({
        status: 'completed',
        financial_status: 'initialized',
        payment_details: { capture: 'manual', capture_remain: 9743 },
      });
    });

    it('should leave capture fields out of an ordinary order', async () => {
      const res = await api(sut.url, 'POST', '/v1/json/orders', order());
      const details = (res.json.data as Data).payment_details;
      expect(res.json.data?.financial_status).toBe('completed');
      expect(details).not.toHaveProperty('capture');
      expect(details).not.toHaveProperty('capture_remain');
      expect(details).not.toHaveProperty('capture_expiry');
    });

    it.each([
      ['5500000000000004', 'MASTERCARD', 30],
      ['6759000000005', 'MAESTRO', 30],
      ['4111111111111111', 'VISA', 7],
    ])(
      'should authorize 3-D Secure card %s (%s) once the shopper authenticates, for %i days',
      async (pan, brand, days) => {
        const res = await api(sut.url, 'POST', '/v1/json/orders', manual({ card_number: pan }));
        const data = res.json.data as Data;
        expect(data).toMatchObject({
          status: 'initialized',
          financial_status: 'initialized',
          payment_details: { capture: 'manual', capture_expiry: null, capture_remain: 0 },
        });
        const orderId = String(data.order_id);
        expect((await capture(orderId, { new_order_status: 'completed' })).json).toMatchObject({
          success: false,
          error_code: 1021,
        });
        const before = Date.now();
        expect(await submit3ds(String(data.payment_url), 'success')).toBe(303);
        const authorized = await get(orderId);
        expect(authorized).toMatchObject({
          status: 'completed',
          financial_status: 'initialized',
          payment_details: { type: brand, capture: 'manual', capture_remain: 1000 },
        });
        const expiry = String(authorized.payment_details.capture_expiry);
        expect(expiry >= amsterdam(before + days * DAY_MS - 1000)).toBe(true);
        expect(expiry <= amsterdam(Date.now() + days * DAY_MS + 1000)).toBe(true);
        const captured = await capture(orderId, { amount: 1000, new_order_status: 'completed' });
        expect(captured.json.success).toBe(true);
        expect((await get(orderId)).financial_status).toBe('completed');
      },
    );

    it('should authorize an uncleared card once its review accepts it', async () => {
      const res = await api(
        sut.url,
        'POST',
        '/v1/json/orders',
        manual({ card_number: '4462000000000003' }),
      );
      const orderId = String(res.json.data?.order_id);
      expect(res.json.data?.status).toBe('uncleared');
      await api(sut.url, 'POST', `/sandbox-admin/orders/${orderId}/timers/fire`);
      expect(await get(orderId)).toMatchObject({
        status: 'completed',
        financial_status: 'initialized',
        payment_details: { capture_remain: 1000 },
      });
    });

    it.each([
      ['Amex', { card_number: '378282246310005', card_cvc: '1234' }, {}, 1023],
      ['a capture value other than manual', {}, { capture: 'automatic' }, 1016],
    ])('should refuse %s', async (_name, card, overrides, code) => {
      const res = await api(sut.url, 'POST', '/v1/json/orders', manual(card, overrides));
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ success: false, data: {}, error_code: code });
    });
  });

  describe('POST /orders/{id}/capture', () => {
    it('should capture in full: original completed/completed, a capture order, the original id answered', async () => {
      const orderId = await authorize();
      const res = await capture(orderId, {
        amount: 1000,
        new_order_id: `${orderId}-full`,
        new_order_status: 'completed',
        invoice_id: 'INV-1',
        reason: 'Shipped',
      });
      expect(res.status).toBe(200);
      // OBSERVED on MultiSafepay's test API: a full capture answers the original order_id.
      expect(res.json).toMatchObject({ success: true, data: { order_id: orderId } });
      expect(res.text).toMatch(/"transaction_id":\d{17}\b/);
      const original = await get(orderId);
      expect(original).toMatchObject({
        status: 'completed',
        financial_status: 'completed',
        payment_details: { capture: 'manual', capture_remain: 0 },
      });
      expect(original.payment_methods[0]?.status).toBe('completed');
      expect(original.related_transactions).toEqual([
        expect.objectContaining({
          type: 'capture',
          order_id: `${orderId}-full`,
          amount: 1000,
          status: 'completed',
        }),
      ]);
      const captureOrder = await get(`${orderId}-full`);
      expect(captureOrder).toMatchObject({
        status: 'completed',
        financial_status: 'completed',
        amount: 1000,
        auth_order_id: orderId,
        related_transactions: null,
      });
      expect(captureOrder.payment_details).not.toHaveProperty('capture');
      const admin = await api(sut.url, 'GET', `/sandbox-admin/orders?order_id=${orderId}`);
      expect((admin.json as unknown as { pending_timers: string[] }[])[0]?.pending_timers).toEqual(
        [],
      );
      await eventually(
        () => hook.for(orderId).length === 2 && hook.for(`${orderId}-full`).length === 1,
      );
      expect(notified(orderId).map((n) => [n.status, n.financial_status])).toEqual([
        ['completed', 'initialized'],
        ['completed', 'completed'],
      ]);
      expect(notified(`${orderId}-full`)[0]).toMatchObject({
        status: 'completed',
        auth_order_id: orderId,
      });
      expect(
        (await capture(orderId, { amount: 1, new_order_status: 'completed' })).json,
      ).toMatchObject({
        error_code: 1021,
      });
    });

    it('should capture twice in part, then release the rest: the order completes with an auth-cancellation', async () => {
      const orderId = await authorize();
      const first = await capture(orderId, {
        amount: 300,
        new_order_id: `${orderId}-c1`,
        new_order_status: 'completed',
      });
      expect(first.json.data).toMatchObject({ order_id: `${orderId}-c1` });
      const second = await capture(orderId, { amount: 200, new_order_status: 'shipped' });
      const secondId = String(second.json.data?.order_id);
      expect(secondId).not.toBe(orderId);
      expect((await get(secondId)).status).toBe('shipped');
      const open = await get(orderId);
      expect(open).toMatchObject({
        status: 'completed',
        financial_status: 'initialized',
        payment_details: { capture_remain: 500 },
      });
      expect(open.related_transactions?.map((t) => [t.type, t.amount, t.order_id])).toEqual([
        ['capture', 300, `${orderId}-c1`],
        ['capture', 200, secondId],
      ]);
      const released = await release(orderId, { status: 'cancelled', reason: 'Out of stock' });
      expect(released.json).toMatchObject({
        success: true,
        data: { order_id: orderId, success: true },
      });
      expect(released.text).toMatch(/"transaction_id":\d{17}\b/);
      const done = await get(orderId);
      expect(done).toMatchObject({
        status: 'completed',
        financial_status: 'completed',
        payment_details: { capture_remain: 0 },
      });
      expect(done.related_transactions?.at(-1)).toMatchObject({
        type: 'auth-cancellation',
        status: 'void',
        amount: 500,
      });
      // Authorization, each capture, the release: all "completed" notifications of one order.
      await eventually(() => hook.for(orderId).length === 4);
      const bodies = notified(orderId);
      expect(bodies.map((n) => n.status)).toEqual([
        'completed',
        'completed',
        'completed',
        'completed',
      ]);
      expect(bodies.map((n) => n.payment_details.capture_remain)).toEqual([1000, 700, 500, 0]);
      expect(bodies[3]?.related_transactions?.at(-1)?.type).toBe('auth-cancellation');
      expect((await capture(orderId, { amount: 100, new_order_status: 'completed' })).status).toBe(
        409,
      );
    });

    it.each([
      ['more than is left', { amount: 1001 }, 400, 1001],
      ['amount 0', { amount: 0 }, 400, 1001],
      ['a negative amount', { amount: -5 }, 400, 1001],
      ['a fractional amount', { amount: 10.5 }, 400, 1001],
      ['no new_order_status', { amount: 100, new_order_status: undefined }, 400, 1016],
      ['new_order_status paid', { amount: 100, new_order_status: 'paid' }, 400, 1016],
      ['a new_order_id of 51 characters', { amount: 100, new_order_id: 'x'.repeat(51) }, 400, 1006],
    ])('should refuse %s', async (_name, body, status, code) => {
      const orderId = await authorize();
      const res = await capture(orderId, { new_order_status: 'completed', ...body });
      expect(res.status).toBe(status);
      expect(res.json).toMatchObject({ success: false, data: {}, error_code: code });
      expect((await get(orderId)).payment_details.capture_remain).toBe(1000);
    });

    it('should refuse a new_order_id already in use, an automatic order and an unknown order', async () => {
      const orderId = await authorize();
      const taken = await authorize();
      const duplicate = await capture(orderId, {
        amount: 100,
        new_order_id: taken,
        new_order_status: 'completed',
      });
      expect(duplicate.json.error_code).toBe(1006);
      const automatic = String(
        (await api(sut.url, 'POST', '/v1/json/orders', order())).json.data?.order_id,
      );
      const notManual = await capture(automatic, { amount: 100, new_order_status: 'completed' });
      expect(notManual.status).toBe(409);
      expect(notManual.json).toMatchObject({ success: false, error_code: 1021 });
      const unknown = await capture('nope', { amount: 100, new_order_status: 'completed' });
      expect(unknown.status).toBe(404);
      expect(unknown.json.error_code).toBe(1006);
    });

    it('should capture what is left when amount is omitted', async () => {
      const orderId = await authorize();
      await capture(orderId, { amount: 400, new_order_status: 'completed' });
      const rest = await capture(orderId, { new_order_status: 'completed' });
      expect(rest.json.success).toBe(true);
      expect(await get(orderId)).toMatchObject({
        financial_status: 'completed',
        payment_details: { capture_remain: 0 },
      });
      expect((await get(String(rest.json.data?.order_id))).amount).toBe(600);
    });
  });

  describe('PATCH /capture/{id}', () => {
    it('should void an authorization nothing was captured from, and notify void', async () => {
      const orderId = await authorize();
      const res = await release(orderId, {
        status: 'cancelled',
        reason: 'Customer cancelled',
        new_order_status: 'completed',
      });
      expect(res.json).toMatchObject({ success: true, data: { order_id: orderId, success: true } });
      const voided = await get(orderId);
      expect(voided).toMatchObject({
        status: 'void',
        financial_status: 'void',
        payment_details: { capture_remain: 0 },
      });
      expect(voided.payment_methods[0]?.status).toBe('void');
      await eventually(() => hook.for(orderId).length === 2);
      expect(notified(orderId)[1]).toMatchObject({ status: 'void', financial_status: 'void' });
      const again = await release(orderId, { status: 'cancelled', reason: 'again' });
      expect(again.status).toBe(409);
      expect(again.json.error_code).toBe(1000);
      const late = await capture(orderId, { amount: 100, new_order_status: 'completed' });
      expect(late.json).toMatchObject({
        error_code: 1021,
        error_info: expect.stringMatching(/cancelled/),
      });
    });

    it.each([
      ['no reason', { status: 'cancelled' }, 1016],
      ['status void', { status: 'void', reason: 'x' }, 1016],
      ['no status', { reason: 'x' }, 1016],
    ])('should refuse %s', async (_name, body, code) => {
      const orderId = await authorize();
      const res = await release(orderId, body);
      expect(res.status).toBe(400);
      expect(res.json.error_code).toBe(code);
      expect((await get(orderId)).financial_status).toBe('initialized');
    });

    it('should answer 404/1000 for an unknown order and 409/1000 for an automatic one', async () => {
      const unknown = await release('nope', { status: 'cancelled', reason: 'x' });
      expect(unknown.status).toBe(404);
      expect(unknown.json).toMatchObject({ success: false, error_code: 1000 });
      const automatic = String(
        (await api(sut.url, 'POST', '/v1/json/orders', order())).json.data?.order_id,
      );
      const res = await release(automatic, { status: 'cancelled', reason: 'x' });
      expect(res.status).toBe(409);
      expect(res.json.error_code).toBe(1000);
    });
  });

  describe('expiry', () => {
    it('should void an uncaptured authorization when its timer fires; capture and release refused', async () => {
      const orderId = await authorize();
      const fired = await api(sut.url, 'POST', `/sandbox-admin/orders/${orderId}/timers/fire`);
      expect(fired.json).toEqual({ fired: ['capture-expiry'] });
      expect(await get(orderId)).toMatchObject({
        status: 'void',
        financial_status: 'void',
        payment_details: { capture_remain: 0 },
        related_transactions: [
          expect.objectContaining({ type: 'auth-cancellation', amount: 1000 }),
        ],
      });
      const late = await capture(orderId, { amount: 100, new_order_status: 'completed' });
      expect(late.status).toBe(409);
      expect(late.json).toMatchObject({
        error_code: 1021,
        error_info: expect.stringMatching(/expired/),
      });
      expect((await release(orderId, { status: 'cancelled', reason: 'x' })).json.error_code).toBe(
        1000,
      );
      await eventually(() => hook.for(orderId).some((r) => r.body.includes('"status":"void"')));
    });

    it('should end a partly captured authorization as completed with the rest released', async () => {
      const authorized = await authorize();
      await capture(authorized, { amount: 250, new_order_status: 'completed' });
      await api(sut.url, 'POST', `/sandbox-admin/orders/${authorized}/timers/fire`);
      const ended = await get(authorized);
      expect(ended).toMatchObject({ status: 'completed', financial_status: 'completed' });
      expect(ended.related_transactions?.map((t) => [t.type, t.amount])).toEqual([
        ['capture', 250],
        ['auth-cancellation', 750],
      ]);
    });

    it('should expire by itself after captureExpiryMs', async () => {
      const quick = await startSandbox({ captureExpiryMs: { VISA: 200 } });
      try {
        const res = await api(quick.url, 'POST', '/v1/json/orders', manual());
        const orderId = String(res.json.data?.order_id);
        await eventually(async () => {
          const now = await api(quick.url, 'GET', `/v1/json/orders/${orderId}`);
          return now.json.data?.status === 'void';
        });
      } finally {
        await quick.close();
      }
    });
  });

  describe('refunds of an authorization', () => {
    const refund = (orderId: string, amount?: number) =>
      api(sut.url, 'POST', `/v1/json/orders/${orderId}/refunds`, { currency: 'EUR', amount });

    it('should refuse to refund what was not captured', async () => {
      const orderId = await authorize();
      expect((await refund(orderId, 100)).json).toMatchObject({ success: false, error_code: 1034 });
      expect((await refund(orderId)).json.error_code).toBe(1034);
    });

    it('should refund at most the captured amount, through the order or its capture order', async () => {
      const orderId = await authorize();
      const captured = await capture(orderId, {
        amount: 600,
        new_order_id: `${orderId}-c`,
        new_order_status: 'completed',
      });
      expect(captured.json.success).toBe(true);
      expect((await refund(orderId, 700)).json.error_code).toBe(1034);
      expect((await refund(orderId, 200)).json.success).toBe(true);
      expect(await get(orderId)).toMatchObject({
        status: 'partial_refunded',
        financial_status: 'initialized',
        amount_refunded: 200,
        payment_details: { capture_remain: 400 },
      });
      // The capture order shares the limit: 400 of its 600 are left.
      expect((await refund(`${orderId}-c`, 500)).json.error_code).toBe(1034);
      expect((await refund(`${orderId}-c`, 400)).json.success).toBe(true);
      expect((await get(`${orderId}-c`)).amount_refunded).toBe(400);
      expect((await refund(orderId, 1)).json.error_code).toBe(1034);
      // Still open for the rest of the authorization.
      expect(
        (await capture(orderId, { amount: 400, new_order_status: 'completed' })).json.success,
      ).toBe(true);
      expect(await get(orderId)).toMatchObject({ financial_status: 'completed' });
    });
  });

  it('should log capture and release calls in the request log', async () => {
    const orderId = await authorize();
    await capture(orderId, { amount: 100, new_order_status: 'completed' });
    await release(orderId, { status: 'cancelled', reason: 'logged' });
    const log = (await api(sut.url, 'GET', '/sandbox-admin/requests')).json as unknown as {
      method: string;
      path: string;
      body: Record<string, unknown>;
      status: number;
    }[];
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          method: 'POST',
          path: `/v1/json/orders/${orderId}/capture`,
          body: { amount: 100, new_order_status: 'completed' },
          status: 200,
        }),
        expect.objectContaining({
          method: 'PATCH',
          path: `/v1/json/capture/${orderId}`,
          status: 200,
        }),
      ]),
    );
  });
});
