// over-400: the sandbox's flows over real HTTP: one suite sharing one sandbox.
import { parse } from 'lossless-json';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signNotification } from './notifier.js';
import {
  api,
  eventually,
  KEY,
  order,
  Receiver,
  startSandbox,
  verifyAuth as verify,
  type Sandbox,
} from './testing/harness.js';

async function submit(
  url: string,
  form: Record<string, string>,
): Promise<{ status: number; location: string | null; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

describe('sandbox flows over real HTTP', () => {
  let sut: Sandbox;
  const hook = new Receiver();

  beforeAll(async () => {
    await hook.start();
    // Orders nobody authenticates expire after 2 s: short for the expiry test, and long enough
    // for the 3-D Secure page tests to open and submit the page on a busy machine.
    sut = await startSandbox({ expireAfterMs: 2_000, unclearedResolveMs: 300, maxOrders: 50 });
  });

  afterEach(async () => {
    hook.answer = () => ({ status: 200, body: 'OK' });
    await api(sut.url, 'DELETE', '/sandbox-admin/faults');
    await api(sut.url, 'POST', '/sandbox-admin/notifications/mode', { mode: 'normal' });
  });

  afterAll(async () => {
    await sut?.close();
    await hook.close();
  });

  const withHook = (method: 'GET' | 'POST', card: Record<string, unknown> = {}, url = hook.url) =>
    order(
      {
        payment_options: {
          notification_url: url,
          notification_method: method,
          redirect_url: 'https://shop.example/thanks',
          cancel_url: 'https://shop.example/cancel',
        },
      },
      card,
    );

  async function create(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const res = await api(sut.url, 'POST', '/v1/json/orders', body);
    expect(res.json.success).toBe(true);
    return res.json.data ?? {};
  }

  const statusOf = async (orderId: string) =>
    (await api(sut.url, 'GET', `/v1/json/orders/${orderId}`)).json.data?.status;

  describe('3-D Secure page', () => {
    it('should serve a page with the three choices in one form posting to itself', async () => {
      const data = await create(withHook('POST', { card_number: '4111111111111111' }));
      const page = await fetch(String(data.payment_url));
      const html = await page.text();
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(html.match(/<form/g)).toHaveLength(1);
      expect(html).toContain(`action="${String(data.payment_url).replace(/&/g, '&#38;')}"`);
      for (const [value, label] of [
        ['success', 'Authenticated (Y)'],
        ['failure', 'Failed (N)'],
        ['cancel', 'Cancel'],
      ]) {
        expect(html).toContain(`name="result" value="${value}"`);
        expect(html).toContain(label);
      }
      expect(html).not.toContain('4111111111111111');
    });

    it('should land the customer_verification form (PaReq, MD) on the same page', async () => {
      const data = await create(withHook('POST', { card_number: '4111111111111111' }));
      const html = (data.customer_verification as { html: string }).html;
      const form = Object.fromEntries(
        [...html.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
      );
      expect(Object.keys(form)).toEqual(['PaReq', 'MD', 'TermUrl']);
      const landing = await submit(String(data.payment_url), form);
      expect(landing.status).toBe(200);
      expect(landing.text).toContain('Authenticated (Y)');
    });

    it.each([
      ['success', 'completed', 'https://shop.example/thanks'],
      ['failure', 'declined', 'https://shop.example/cancel'],
      ['cancel', 'void', 'https://shop.example/cancel'],
    ])('should apply %s: status %s, 303 to %s, and notify', async (result, status, target) => {
      const data = await create(withHook('POST', { card_number: '4111111111111111' }));
      const orderId = String(data.order_id);
      const landing = await submit(String(data.payment_url), { result });
      expect(landing.status).toBe(303);
      expect(landing.location).toBe(`${target}?transactionid=${orderId}`);
      expect(await statusOf(orderId)).toBe(status);
      await eventually(() =>
        hook.for(orderId).some((r) => r.body.includes(`"status":"${status}"`)),
      );
      const again = await submit(String(data.payment_url), { result: 'success' });
      expect(again.status).toBe(404);
    });

    it('should refuse a made-up choice and an unknown session', async () => {
      const data = await create(withHook('POST', { card_number: '4111111111111111' }));
      expect((await submit(String(data.payment_url), { result: 'maybe' })).status).toBe(400);
      expect((await fetch(`${sut.url}/connect/3ds-unknown`)).status).toBe(404);
    });

    it('should expire an order nobody authenticates', async () => {
      const data = await create(withHook('GET', { card_number: '4111111111111111' }));
      await eventually(async () => (await statusOf(String(data.order_id))) === 'expired', 10_000);
      expect((await fetch(String(data.payment_url))).status).toBe(404);
    });
  });

  describe('timers', () => {
    it.each([
      ['4917300000000008', 'void'],
      ['4462000000000003', 'completed'],
    ])('should resolve uncleared card %s to %s', async (pan, final) => {
      const data = await create(withHook('GET', { card_number: pan }));
      expect(data.status).toBe('uncleared');
      await eventually(async () => (await statusOf(String(data.order_id))) === final);
    });
  });

  describe('notifications', () => {
    it('should GET the notification_url with transactionid and timestamp, keeping its query', async () => {
      const data = await create(withHook('GET', {}, `${hook.url}?shop=1`));
      const orderId = String(data.order_id);
      await eventually(() => hook.for(orderId).length > 0);
      const [r] = hook.for(orderId);
      expect(r?.method).toBe('GET');
      expect(r?.body).toBe('');
      expect(r?.url.searchParams.get('shop')).toBe('1');
      expect(Number(r?.url.searchParams.get('timestamp'))).toBeGreaterThan(1_700_000_000);
    });

    it('should POST the order, sorted and compact, signed with the order key', async () => {
      const data = await create(withHook('POST'));
      const orderId = String(data.order_id);
      await eventually(() => hook.for(orderId).length > 0);
      const [r] = hook.for(orderId);
      expect(r?.headers['content-type']).toBe('application/json');
      expect(verify(r, KEY)).toBe(true);
      expect(verify(r, 'another-key')).toBe(false);
      const body = r?.body ?? '';
      const parsed = parse(body) as Record<string, unknown>;
      expect(Object.keys(parsed)).toEqual([...Object.keys(parsed)].sort());
      expect(body).not.toMatch(/\s"|":\s/);
      expect(String(parsed.transaction_id)).toMatch(/^\d{16,}$/);
      const get = await api(sut.url, 'GET', `/v1/json/orders/${orderId}`);
      expect(Object.keys(parsed).sort()).toEqual(Object.keys(get.json.data ?? {}).sort());
    });

    it('should sign like the test vector of docs/multisafepay.md#signature', () => {
      const payload =
        '{"amount":1000,"currency":"EUR","financial_status":"completed","order_id":"ord-0001","payment_details":{"card_expiry_date":"3012","last4":"1111","type":"VISA"},"status":"completed","transaction_id":4680345}';
      expect(signNotification(payload, 'sim-test-api-key-0001', 1700000000)).toBe(
        'MTcwMDAwMDAwMDo0NDlmMGY0ZGVjNDE5YWMwZDQ5Y2Q2MDA5ZDY4YThhYjE1MjJjOThjMmIwYjNhOTgxODE5NTEwNjZiMzk5OTM1NmFiOTk4MGZkOWNiMjQwNjI0ZmExZDM3MjA4ODY2Yjg3ZDE0ZDVmM2EwYzFlYjEyZWFlM2NlODIyYzk1YzMzMA==',
      );
    });

    it('should retry until the merchant answers 200 OK, each time newly signed', async () => {
      let calls = 0;
      hook.answer = () =>
        ++calls < 3 ? { status: 500, body: 'not yet' } : { status: 200, body: 'OK' };
      const data = await create(withHook('POST'));
      const orderId = String(data.order_id);
      await eventually(() => hook.for(orderId).length === 3);
      const log = (await api(sut.url, 'GET', `/sandbox-admin/notifications?order_id=${orderId}`))
        .json as unknown as { attempt: number; acknowledged: boolean }[];
      expect(log.map((d) => [d.attempt, d.acknowledged])).toEqual([
        [1, false],
        [2, false],
        [3, true],
      ]);
      expect(hook.for(orderId).every((r) => verify(r, KEY))).toBe(true);
    });

    it('should treat 200 without OK as unacknowledged', async () => {
      hook.answer = () => ({ status: 200, body: 'thanks' });
      const data = await create(withHook('GET'));
      const orderId = String(data.order_id);
      await eventually(() => hook.for(orderId).length === 3);
    });
  });

  describe('refunds and cancel', () => {
    it('should refund partially twice, then refuse more than remains', async () => {
      const data = await create(withHook('POST'));
      const orderId = String(data.order_id);
      const first = await api(sut.url, 'POST', `/v1/json/orders/${orderId}/refunds`, {
        currency: 'EUR',
        amount: 300,
      });
      expect(first.json.success).toBe(true);
      expect(first.text).toMatch(/"refund_id":\d{16,}/);
      expect(first.text).toMatch(/"transaction_id":\d{16,}/);
      expect((await api(sut.url, 'GET', `/v1/json/orders/${orderId}`)).json.data).toMatchObject({
        status: 'partial_refunded',
        amount_refunded: 300,
      });
      const same = await api(sut.url, 'POST', `/v1/json/orders/${orderId}/refunds`, {
        currency: 'EUR',
        amount: 300,
      });
      expect(same.json.error_code).toBe(1034);
      expect(
        (
          await api(sut.url, 'POST', `/v1/json/orders/${orderId}/refunds`, {
            currency: 'EUR',
            amount: 200,
          })
        ).json.success,
      ).toBe(true);
      const over = await api(sut.url, 'POST', `/v1/json/orders/${orderId}/refunds`, {
        currency: 'EUR',
        amount: 600,
      });
      expect(over.json).toMatchObject({ success: false, error_code: 1034 });
      const rest = await api(sut.url, 'POST', `/v1/json/orders/${orderId}/refunds`, {
        currency: 'EUR',
      });
      expect(rest.json.success).toBe(true);
      const after = (await api(sut.url, 'GET', `/v1/json/orders/${orderId}`)).json.data ?? {};
      expect(after).toMatchObject({
        status: 'refunded',
        amount_refunded: 1000,
        financial_status: 'completed',
      });
      const related = after.related_transactions as {
        type: string;
        status: string;
        amount: number;
      }[];
      expect(related.map((t) => [t.type, t.status, t.amount])).toEqual([
        ['refund', 'reserved', 300],
        ['refund', 'reserved', 200],
        ['refund', 'reserved', 500],
      ]);
      await api(sut.url, 'POST', '/sandbox-admin/refunds/settle');
      const settled = (await api(sut.url, 'GET', `/v1/json/orders/${orderId}`)).json.data
        ?.related_transactions as { status: string }[];
      expect(settled.every((t) => t.status === 'completed')).toBe(true);
      await eventually(() => hook.for(orderId).some((r) => r.body.includes('"status":"refunded"')));
    });

    it('should refuse to refund an unpaid order and another currency', async () => {
      const data = await create(withHook('POST', { card_number: '4111111111111111' }));
      const orderId = String(data.order_id);
      expect(
        (
          await api(sut.url, 'POST', `/v1/json/orders/${orderId}/refunds`, {
            currency: 'EUR',
            amount: 100,
          })
        ).json.error_code,
      ).toBe(1034);
      const paid = await create(withHook('POST'));
      expect(
        (
          await api(sut.url, 'POST', `/v1/json/orders/${String(paid.order_id)}/refunds`, {
            currency: 'USD',
            amount: 100,
          })
        ).json.error_code,
      ).toBe(1002);
    });

    it('should cancel an order awaiting the shopper (void) and refuse a paid one', async () => {
      const data = await create(withHook('POST', { card_number: '4111111111111111' }));
      const orderId = String(data.order_id);
      const cancel = await api(sut.url, 'PATCH', `/v1/json/orders/${orderId}`, {
        status: 'cancelled',
        exclude_order: true,
      });
      expect(cancel.json).toEqual({ success: true, data: {} });
      expect(await statusOf(orderId)).toBe('void');
      await eventually(() => hook.for(orderId).some((r) => r.body.includes('"status":"void"')));
      const paid = await create(withHook('POST'));
      expect(
        (
          await api(sut.url, 'PATCH', `/v1/json/orders/${String(paid.order_id)}`, {
            status: 'cancelled',
          })
        ).json.success,
      ).toBe(false);
      const unknown = await api(sut.url, 'PATCH', '/v1/json/orders/nope', { status: 'cancelled' });
      expect(unknown.status).toBe(404);
      expect(unknown.json.error_code).toBe(1000);
    });
  });

  describe('control surface', () => {
    it('should fail the next N calls with the given 5xx, then recover', async () => {
      await api(sut.url, 'POST', '/sandbox-admin/faults', { mode: 'error', count: 2, status: 502 });
      const statuses = [];
      for (let i = 0; i < 3; i += 1)
        statuses.push((await api(sut.url, 'POST', '/v1/json/orders', order())).status);
      expect(statuses).toEqual([502, 502, 200]);
    });

    it('should keep a fault limited to one method for the first call with that method', async () => {
      const id = String((await create(order())).order_id);
      await api(sut.url, 'POST', '/sandbox-admin/faults', {
        mode: 'error',
        count: 1,
        status: 503,
        method: 'POST',
      });
      // A read passes untouched; the next create takes the fault; the one after succeeds.
      expect((await api(sut.url, 'GET', `/v1/json/orders/${id}`)).status).toBe(200);
      expect((await api(sut.url, 'POST', '/v1/json/orders', order())).status).toBe(503);
      expect((await api(sut.url, 'POST', '/v1/json/orders', order())).status).toBe(200);
      const refused = await api(sut.url, 'POST', '/sandbox-admin/faults', {
        mode: 'error',
        method: 'TRACE',
      });
      expect(refused.status).toBe(400);
    });

    it('should hang without creating the order, or create it and hang (hang_after)', async () => {
      for (const [mode, exists] of [
        ['hang', false],
        ['hang_after', true],
      ] as const) {
        await api(sut.url, 'POST', '/sandbox-admin/faults', { mode, count: 1 });
        const body = order();
        await expect(
          fetch(`${sut.url}/v1/json/orders`, {
            method: 'POST',
            headers: { api_key: KEY, 'content-type': 'application/json' },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(300),
          }),
        ).rejects.toThrow();
        const found = await api(sut.url, 'GET', `/v1/json/orders/${String(body.order_id)}`);
        expect(found.json.success).toBe(exists);
      }
    });

    it('should add latency to API calls', async () => {
      await api(sut.url, 'POST', '/sandbox-admin/latency', { ms: 200 });
      const started = Date.now();
      await api(sut.url, 'GET', '/v1/json/orders/nope');
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    });

    it('should answer a read made before a change with the order as it was (stage after_read)', async () => {
      const data = await create(withHook('GET'));
      const orderId = String(data.order_id);
      const set = await api(sut.url, 'POST', '/sandbox-admin/latency', {
        ms: 1000,
        stage: 'after_read',
      });
      expect(set.json).toEqual({ latency_ms: 1000, stage: 'after_read' });
      let answered = false;
      const inFlight = api(sut.url, 'GET', `/v1/json/orders/${orderId}`).then((res) => {
        answered = true;
        return res;
      });
      // The read shows in the request log at once; its answer waits. Change the order meanwhile.
      await eventually(async () =>
        (await api(sut.url, 'GET', '/sandbox-admin/requests')).text.includes(
          `/v1/json/orders/${orderId}"`,
        ),
      );
      await api(sut.url, 'POST', `/sandbox-admin/orders/${orderId}/status`, {
        status: 'chargedback',
      });
      expect(answered).toBe(false);
      expect((await inFlight).json.data?.status).toBe('completed');
      expect(await statusOf(orderId)).toBe('chargedback');
    });

    it('should refuse an unknown latency stage and default to before', async () => {
      const wrong = await api(sut.url, 'POST', '/sandbox-admin/latency', {
        ms: 10,
        stage: 'during',
      });
      expect(wrong.status).toBe(400);
      expect(wrong.json.error_code).toBe(1016);
      expect((await api(sut.url, 'POST', '/sandbox-admin/latency', { ms: 10 })).json).toEqual({
        latency_ms: 10,
        stage: 'before',
      });
    });

    it('should drop and duplicate notifications on demand', async () => {
      await api(sut.url, 'POST', '/sandbox-admin/notifications/mode', { mode: 'drop', count: 1 });
      const dropped = String((await create(withHook('POST'))).order_id);
      const duplicated = String(
        (
          await (async () => {
            await api(sut.url, 'POST', '/sandbox-admin/notifications/mode', {
              mode: 'duplicate',
              count: 1,
            });
            return create(withHook('POST'));
          })()
        ).order_id,
      );
      await eventually(() => hook.for(duplicated).length === 2);
      expect(hook.for(dropped)).toHaveLength(0);
      const log = (await api(sut.url, 'GET', `/sandbox-admin/notifications?order_id=${dropped}`))
        .json as unknown as { response_body: string }[];
      expect(log[0]?.response_body).toBe('dropped by the sandbox');
    });

    it('should hold notifications and deliver them newest first on release (reorder)', async () => {
      await api(sut.url, 'POST', '/sandbox-admin/notifications/mode', { mode: 'reorder' });
      const data = await create(withHook('POST', { card_number: '4111111111111111' }));
      const orderId = String(data.order_id);
      await api(sut.url, 'POST', `/sandbox-admin/orders/${orderId}/status`, {
        status: 'uncleared',
      });
      await api(sut.url, 'POST', `/sandbox-admin/orders/${orderId}/status`, {
        status: 'completed',
      });
      expect(hook.for(orderId)).toHaveLength(0);
      await api(sut.url, 'POST', '/sandbox-admin/notifications/mode', { mode: 'normal' });
      expect((await api(sut.url, 'POST', '/sandbox-admin/notifications/release')).json).toEqual({
        released: 2,
      });
      await eventually(() => hook.for(orderId).length === 2);
      const statuses = hook.for(orderId).map((r) => /"status":"(\w+)"/.exec(r.body)?.[1]);
      // Both bodies show the order as it is at delivery time: completed.
      expect(statuses).toEqual(['completed', 'completed']);
    });

    it('should force a status (chargeback) and notify it', async () => {
      const data = await create(withHook('GET'));
      const orderId = String(data.order_id);
      await api(sut.url, 'POST', `/sandbox-admin/orders/${orderId}/status`, {
        status: 'chargeback',
      });
      expect(await statusOf(orderId)).toBe('chargedback');
      expect(
        (await api(sut.url, 'POST', `/sandbox-admin/orders/${orderId}/status`, { status: 'paid' }))
          .status,
      ).toBe(400);
    });

    it('should fire pending timers on demand', async () => {
      const data = await create(withHook('GET', { card_number: '4462000000000003' }));
      const orderId = String(data.order_id);
      expect(
        (await api(sut.url, 'POST', `/sandbox-admin/orders/${orderId}/timers/fire`)).json,
      ).toEqual({ fired: ['uncleared'] });
      expect(await statusOf(orderId)).toBe('completed');
    });

    it('should log received requests with the PAN masked and no CVC', async () => {
      const body = order({}, { card_number: '4012001038443335', card_cvc: '987' });
      await api(sut.url, 'POST', '/v1/json/orders', body);
      const log = await api(sut.url, 'GET', '/sandbox-admin/requests');
      expect(log.text).toContain('401200******3335');
      expect(log.text).not.toContain('4012001038443335');
      expect(log.text).not.toContain('"987"');
      const orders = await api(
        sut.url,
        'GET',
        `/sandbox-admin/orders?order_id=${String(body.order_id)}`,
      );
      expect(orders.json).toEqual([
        expect.objectContaining({
          order_id: body.order_id,
          status: 'completed',
          card: '401200******3335',
        }),
      ]);
    });
  });
});

describe('sandbox store bounds', () => {
  it('should forget the oldest orders past maxOrders', async () => {
    const sut = await startSandbox({ maxOrders: 2 });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        const body = order();
        ids.push(String(body.order_id));
        await api(sut.url, 'POST', '/v1/json/orders', body);
      }
      expect((await api(sut.url, 'GET', `/v1/json/orders/${ids[0]}`)).json.error_code).toBe(1006);
      expect((await api(sut.url, 'GET', `/v1/json/orders/${ids[2]}`)).json.success).toBe(true);
    } finally {
      await sut.close();
    }
  });
});
