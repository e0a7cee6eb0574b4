import type { PaymentHistoryEntry } from '@app/client';
import { parse, stringify } from 'lossless-json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, CARDS, createPayment, paymentRequest, type PaymentBody } from './support/api.js';
import { NotificationsService } from '@app/payments';
import { startApp, type RunningApp } from './support/app.js';
import { signNotification } from './support/msp-signature.js';
import { sandboxAdmin, submit3ds } from './support/sandbox.js';

const MSP_KEY = 'webhook-test-api-key';

describe('webhooks: GET and POST notifications from the sandbox', () => {
  let sut: RunningApp;

  beforeAll(async () => {
    sut = await startApp({ MSP_ENV: 'sandbox', MSP_API_KEY: MSP_KEY, RECONCILE_INTERVAL_MS: '0' });
  });

  afterAll(async () => {
    await sut?.close();
  });

  const events = async (id: string): Promise<PaymentHistoryEntry[]> =>
    (await call<{ data: PaymentHistoryEntry[] }>(sut.url, 'GET', `/v1/payments/${id}/events`)).body
      .data;

  const statusOf = async (id: string): Promise<string> =>
    (await call<PaymentBody>(sut.url, 'GET', `/v1/payments/${id}`)).body.status;

  async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('condition not reached in time');
  }

  /** The order as MultiSafepay would POST it: compact, keys sorted, big integers intact. */
  async function orderJson(orderId: string, patch: Record<string, unknown> = {}): Promise<string> {
    const res = await fetch(`${sut.url}/sandbox/v1/json/orders/${orderId}`, {
      headers: { api_key: MSP_KEY },
    });
    const envelope = parse(await res.text()) as { data: Record<string, unknown> };
    return stringify(sortKeys({ ...envelope.data, ...patch })) ?? '';
  }

  function postNotification(orderId: string, body: string, auth: string | null) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth !== null) headers.auth = auth;
    return fetch(
      `${sut.url}/webhooks/multisafepay?transactionid=${orderId}&timestamp=${Math.floor(Date.now() / 1000)}`,
      {
        method: 'POST',
        headers,
        body,
      },
    );
  }

  async function threeDsPayment(method: 'GET' | 'POST'): Promise<PaymentBody> {
    const res = await createPayment<PaymentBody>(
      sut.url,
      paymentRequest({ notificationMethod: method }, { number: CARDS.threeDs }),
    );
    expect(res.body.status).toBe('initialized');
    return res.body;
  }

  it.each(['GET', 'POST'] as const)(
    'should complete 3-D Secure through a %s notification',
    async (method) => {
      const payment = await threeDsPayment(method);
      await submit3ds(payment.nextAction?.url ?? '', 'success');
      await eventually(async () => (await statusOf(payment.id)) === 'completed');
      const history = await events(payment.id);
      expect(history.at(-1)).toMatchObject({
        from: 'initialized',
        to: 'completed',
        source: 'notification',
      });
      const deliveries = await sandboxAdmin<
        { method: string; order_id: string; response_status: number; response_body: string }[]
      >(sut.url, 'GET', `/sandbox-admin/notifications?order_id=${payment.orderId}`);
      expect(
        deliveries.some(
          (d) => d.method === method && d.response_status === 200 && d.response_body === 'OK',
        ),
      ).toBe(true);
    },
  );

  describe('signature checks (nothing applied, 401)', () => {
    let payment: PaymentBody;
    let body: string;

    beforeAll(async () => {
      await sandboxAdmin(sut.url, 'POST', '/sandbox-admin/notifications/mode', { mode: 'drop' });
      payment = await threeDsPayment('POST');
      await submit3ds(payment.nextAction?.url ?? '', 'success');
      body = await orderJson(payment.orderId);
      expect(body).toContain('"status":"completed"');
    });

    afterAll(async () => {
      await sandboxAdmin(sut.url, 'POST', '/sandbox-admin/notifications/mode', { mode: 'normal' });
    });

    const now = () => Math.floor(Date.now() / 1000);

    it.each([
      ['a missing Auth header', () => null],
      ['a forged signature', () => Buffer.from(`${now()}:${'ab'.repeat(64)}`).toString('base64')],
      ['the wrong key', () => signNotification(body, 'not-the-key')],
      ['a stale timestamp', () => signNotification(body, MSP_KEY, now() - 3600)],
      ['a timestamp far in the future', () => signNotification(body, MSP_KEY, now() + 3600)],
      ['garbage', () => 'not base64 at all!'],
    ])('should refuse %s', async (_name, auth) => {
      const res = await postNotification(payment.orderId, body, auth());
      expect(res.status).toBe(401);
      expect(await statusOf(payment.id)).toBe('initialized');
    });

    it('should record every refused delivery for audit', async () => {
      const rows = await sut.dataSource.query<
        { signature_ok: boolean; outcome: string; note: string }[]
      >(
        `SELECT signature_ok, outcome, note FROM notifications WHERE order_id = $1 ORDER BY received_at`,
        [payment.orderId],
      );
      expect(rows.length).toBeGreaterThanOrEqual(6);
      expect(rows.every((r) => r.signature_ok === false && r.outcome === 'bad_signature')).toBe(
        true,
      );
      expect(new Set(rows.map((r) => r.note))).toEqual(
        new Set(['missing', 'mismatch', 'stale', 'future', 'malformed']),
      );
    });

    it('should refuse a tampered body signed for the original', async () => {
      const auth = signNotification(body, MSP_KEY);
      const tampered = body.replace('"amount":1000', '"amount":1');
      expect(tampered).not.toBe(body);
      const res = await postNotification(payment.orderId, tampered, auth);
      expect(res.status).toBe(401);
      expect(await statusOf(payment.id)).toBe('initialized');
    });

    it('should apply the genuine notification once, even delivered 50 times at once', async () => {
      const outcomes = async (): Promise<string[]> =>
        (
          await sut.dataSource.query<{ outcome: string }[]>(
            `SELECT outcome FROM notifications WHERE order_id = $1 AND signature_ok ORDER BY outcome`,
            [payment.orderId],
          )
        ).map((r) => r.outcome);
      const before = await outcomes();
      const auth = signNotification(body, MSP_KEY);
      const answers = await Promise.all(
        Array.from({ length: 50 }, () =>
          postNotification(payment.orderId, body, auth).then(async (r) => [
            r.status,
            await r.text(),
          ]),
        ),
      );
      expect(answers).toEqual(Array(50).fill([200, 'OK']));
      expect(await statusOf(payment.id)).toBe('completed');
      const completions = (await events(payment.id)).filter((e) => e.to === 'completed');
      expect(completions).toHaveLength(1);
      // Every delivery answered OK has its audit row (the no-ops' rows are group-committed).
      expect(before).toEqual([]);
      expect(await outcomes()).toEqual(['applied', ...Array<string>(49).fill('noop')]);
    });
  });

  it('should end in the right state when deliveries arrive out of order', async () => {
    await sandboxAdmin(sut.url, 'POST', '/sandbox-admin/notifications/mode', { mode: 'drop' });
    try {
      const payment = await threeDsPayment('POST');
      const initialized = await orderJson(payment.orderId);
      await submit3ds(payment.nextAction?.url ?? '', 'success');
      const completed = await orderJson(payment.orderId);
      // completed first, then the stale initialized one
      for (const body of [completed, initialized, completed]) {
        const res = await postNotification(payment.orderId, body, signNotification(body, MSP_KEY));
        expect(res.status).toBe(200);
      }
      expect(await statusOf(payment.id)).toBe('completed');
      const history = await events(payment.id);
      expect(history.map((e) => e.to)).toEqual(['created', 'initialized', 'completed']);
      expect(history.some((e) => e.anomaly)).toBe(false);
    } finally {
      await sandboxAdmin(sut.url, 'POST', '/sandbox-admin/notifications/mode', { mode: 'normal' });
    }
  });

  it('should note an amount MultiSafepay reports differently on the move it applies', async () => {
    await sandboxAdmin(sut.url, 'POST', '/sandbox-admin/notifications/mode', { mode: 'drop' });
    try {
      const payment = await threeDsPayment('POST');
      await submit3ds(payment.nextAction?.url ?? '', 'success');
      const body = await orderJson(payment.orderId, { amount: payment.amount + 1 });
      const res = await postNotification(payment.orderId, body, signNotification(body, MSP_KEY));
      expect(res.status).toBe(200);
      expect(await statusOf(payment.id)).toBe('completed');
      const completion = (await events(payment.id)).find((e) => e.to === 'completed');
      expect(completion?.note).toBe(
        `MultiSafepay reports ${payment.amount + 1} ${payment.currency}, we hold ${payment.amount} ${payment.currency}`,
      );
    } finally {
      await sandboxAdmin(sut.url, 'POST', '/sandbox-admin/notifications/mode', { mode: 'normal' });
    }
  });

  it('should record a real conflict (completed after void) as an anomaly, not apply it', async () => {
    const payment = await threeDsPayment('POST');
    await submit3ds(payment.nextAction?.url ?? '', 'cancel');
    await eventually(async () => ['void', 'cancelled'].includes(await statusOf(payment.id)));
    const before = await statusOf(payment.id);
    await sandboxAdmin(sut.url, 'POST', `/sandbox-admin/orders/${payment.orderId}/status`, {
      status: 'completed',
    });
    await eventually(async () => (await events(payment.id)).some((e) => e.anomaly));
    expect(await statusOf(payment.id)).toBe(before);
    expect((await events(payment.id)).find((e) => e.anomaly)).toMatchObject({
      from: before,
      to: 'completed',
    });
  });

  it('should answer OK to a notification for an unknown order id', async () => {
    const body = JSON.stringify({ order_id: 'never-ours', status: 'completed' });
    const res = await postNotification('never-ours', body, signNotification(body, MSP_KEY));
    expect(res.status).toBe(200);
    const get = await fetch(
      `${sut.url}/webhooks/multisafepay?transactionid=never-ours&timestamp=1`,
    );
    expect(get.status).toBe(200);
    expect(await get.text()).toBe('OK');
  });

  it('should record deliveries that change nothing together, a note with a NUL not failing the others', async () => {
    const notifications = sut.app.get(NotificationsService);
    const orderId = `grouped-${Date.now()}`;
    const received = {
      method: 'POST' as const,
      orderId,
      signatureOk: false,
      payloadDigest: null,
      source: '192.0.2.1',
    };
    const outcomes = await Promise.all(
      ['plain', 'with a NUL \0 inside', 'another'].map((note) =>
        notifications.recordAlone(received, null, 'bad_signature', note),
      ),
    );
    expect(outcomes).toEqual(Array(3).fill('bad_signature'));
    const rows = await sut.dataSource.query<{ note: string }[]>(
      `SELECT note FROM notifications WHERE order_id = $1 ORDER BY note`,
      [orderId],
    );
    expect(rows.map((r) => r.note)).toEqual(['another', 'plain', 'with a NUL  inside']);
  });
});

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object' && value.constructor === Object) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
