import { RetentionService } from '@app/payments';
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
import { sandboxOrders } from './support/sandbox.js';

describe('retention and expired Idempotency-Keys', () => {
  let sut: RunningApp;

  beforeAll(async () => {
    // The scheduler is off: each test runs retention itself, to count what it deletes.
    sut = await startApp({
      RECONCILE_INTERVAL_MS: '0',
      IDEMPOTENCY_KEY_TTL_HOURS: '24',
      NOTIFICATIONS_RETENTION_DAYS: '30',
    });
  });

  afterAll(async () => {
    await sut?.close();
  });

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> =>
    sut.dataSource.query<T[]>(sql, params);
  const age = (key: string, interval: string) =>
    q(`UPDATE idempotency_keys SET created_at = now() - $2::interval WHERE key = $1`, [
      key,
      interval,
    ]);

  it('should prune keys, notifications and refusal counts past their age, and keep the rest and every payment history', async () => {
    const tag = randomUUID().slice(0, 8);
    const created = await createPayment<PaymentBody>(
      sut.url,
      paymentRequest({}, { number: CARDS.noThreeDs }),
      { idempotencyKey: `old-${tag}` },
    );
    await createPayment(sut.url, paymentRequest({}, { number: CARDS.noThreeDs }), {
      idempotencyKey: `new-${tag}`,
    });
    await age(`old-${tag}`, '25 hours');
    await age(`new-${tag}`, '23 hours');
    await q(
      `INSERT INTO notifications (received_at, method, order_id, payment_id, outcome)
       SELECT now() - interval '31 days', 'GET', $1, $2::uuid, 'noop' FROM generate_series(1, 1200)
       UNION ALL SELECT now() - interval '29 days', 'GET', $1, $2::uuid, 'noop'`,
      [`orders-${tag}`, created.body.id],
    );
    await q(
      `INSERT INTO notification_refusals (minute, source, reason, refused) VALUES
         (date_trunc('minute', now() - interval '31 days'), $1, 'bad_signature', 7),
         (date_trunc('minute', now() - interval '1 day'), $1, 'bad_signature', 3)`,
      [`src-${tag}`],
    );
    const history = await call<{ data: unknown[] }>(
      sut.url,
      'GET',
      `/v1/payments/${created.body.id}/events`,
    );

    const report = await sut.app.get(RetentionService).runOnce();

    expect(report.notifications).toBeGreaterThanOrEqual(1200);
    expect(report.idempotency_keys).toBeGreaterThanOrEqual(1);
    const left = await q<{ key: string }>(
      `SELECT key FROM idempotency_keys WHERE key IN ($1, $2)`,
      [`old-${tag}`, `new-${tag}`],
    );
    expect(left.map((r) => r.key)).toEqual([`new-${tag}`]);
    const notifications = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications WHERE order_id = $1`,
      [`orders-${tag}`],
    );
    expect(notifications[0]?.n).toBe(1);
    const refusals = await q<{ refused: number }>(
      `SELECT refused FROM notification_refusals WHERE source = $1`,
      [`src-${tag}`],
    );
    expect(refusals).toEqual([{ refused: 3 }]);
    const after = await call<{ data: unknown[] }>(
      sut.url,
      'GET',
      `/v1/payments/${created.body.id}/events`,
    );
    expect(after.body.data).toEqual(history.body.data);
    expect(after.body.data.length).toBeGreaterThan(0);
  });

  it('should prune delivered events past EVENTS_RETENTION_DAYS, never one a destination still waits for', async () => {
    const paid = async () =>
      (await createPayment<PaymentBody>(sut.url, paymentRequest({}, { number: CARDS.noThreeDs })))
        .body;
    const [old, waiting, recent] = [await paid(), await paid(), await paid()];
    const eventOf = async (paymentId: string) => {
      const rows = await q<{ id: string }>(`SELECT id FROM events WHERE payment_id = $1`, [
        paymentId,
      ]);
      if (!rows[0]) throw new Error(`no event for ${paymentId}`);
      return rows[0].id;
    };
    const [oldEvent, waitingEvent, recentEvent] = [
      await eventOf(old.id),
      await eventOf(waiting.id),
      await eventOf(recent.id),
    ];
    await q(`UPDATE events SET created_at = now() - interval '31 days' WHERE id = ANY($1)`, [
      [oldEvent, waitingEvent],
    ]);
    await q(`UPDATE events SET created_at = now() - interval '29 days' WHERE id = $1`, [
      recentEvent,
    ]);
    // Other files' subscribers (one shared database) may have got the first one: it was delivered.
    await q(`UPDATE event_deliveries SET status = 'succeeded' WHERE event_id = $1`, [oldEvent]);
    // An endpoint that has not had the second one yet.
    const [endpoint] = await q<{ id: string }>(
      `INSERT INTO webhook_endpoints (url, event_types, status, secret, client_id)
       VALUES ('http://127.0.0.1:1/hook', '{payment.completed}', 'disabled', 'whsec_x', 'test')
       RETURNING id`,
    );
    await q(
      `INSERT INTO event_deliveries (event_id, channel, endpoint_id, status, next_attempt_at)
       VALUES ($1, 'webhook', $2, 'pending', now())`,
      [waitingEvent, endpoint?.id],
    );
    const history = await call<{ data: unknown[] }>(
      sut.url,
      'GET',
      `/v1/payments/${old.id}/events`,
    );

    const report = await sut.app.get(RetentionService).runOnce();

    expect(report.events).toBeGreaterThanOrEqual(1);
    const left = await q<{ id: string }>(`SELECT id FROM events WHERE id = ANY($1)`, [
      [oldEvent, waitingEvent, recentEvent],
    ]);
    expect(left.map((r) => r.id).sort()).toEqual([waitingEvent, recentEvent].sort());
    const after = await call<{ data: unknown[] }>(sut.url, 'GET', `/v1/payments/${old.id}/events`);
    expect(after.body.data).toEqual(history.body.data);
    await q(`DELETE FROM webhook_endpoints WHERE id = $1`, [endpoint?.id]);
  });

  it('should treat an expired key as a fresh one, even before retention deletes it', async () => {
    const key = randomUUID();
    const first = paymentRequest({}, { number: CARDS.noThreeDs });
    const res1 = await createPayment<PaymentBody>(sut.url, first, { idempotencyKey: key });
    expect(res1.status).toBe(201);
    const other = paymentRequest({ amount: 2500 }, { number: CARDS.noThreeDs });
    // Still within its TTL: another body with the same key is refused.
    const reused = await createPayment<ErrorResponse>(sut.url, other, { idempotencyKey: key });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    await age(key, '25 hours');
    const res2 = await createPayment<PaymentBody>(sut.url, other, { idempotencyKey: key });

    expect(res2.status).toBe(201);
    expect(res2.headers.get('idempotent-replayed')).not.toBe('true');
    expect(res2.body.id).not.toBe(res1.body.id);
    expect(res2.body.amount).toBe(2500);
    // The key is young again: it replays the new answer.
    const replay = await createPayment<PaymentBody>(sut.url, other, { idempotencyKey: key });
    expect(replay.text).toBe(res2.text);
  });

  it('should let one of many requests racing on an expired key create the payment, the others replay it', async () => {
    const key = randomUUID();
    await createPayment(sut.url, paymentRequest({}, { number: CARDS.noThreeDs }), {
      idempotencyKey: key,
    });
    await age(key, '25 hours');
    const request = paymentRequest({}, { number: CARDS.noThreeDs });

    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        createPayment<PaymentBody>(sut.url, request, { idempotencyKey: key }),
      ),
    );

    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((r) => r.text)).size).toBe(1);
    expect(await sandboxOrders(sut.url, request.orderId)).toBe(1);
  });
});
