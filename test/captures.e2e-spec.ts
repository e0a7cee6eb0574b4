import type { Capture, Event, Schema } from '@app/client';
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
import { sandboxAdmin, submit3ds } from './support/sandbox.js';

interface SandboxOrder {
  order_id: string;
  status: string;
}

describe('authorize now, capture later (sandbox over real HTTP, real database)', () => {
  let sut: RunningApp;

  beforeAll(async () => {
    sut = await startApp({ RECONCILE_INTERVAL_MS: '0', MSP_TIMEOUT_MS: '500' });
  });

  afterAll(async () => {
    await sandboxAdmin(sut.url, 'DELETE', '/sandbox-admin/faults').catch(() => undefined);
    await sut?.close();
  });

  const authorize = async (amount = 1000, card: string = CARDS.noThreeDs): Promise<PaymentBody> => {
    const res = await createPayment<PaymentBody>(
      sut.url,
      paymentRequest({ amount, captureMode: 'manual' }, { number: card }),
    );
    expect(res.status).toBe(201);
    return res.body;
  };
  const capture = (paymentId: string, body: Record<string, unknown>, key = randomUUID()) =>
    call<Capture & ErrorResponse>(sut.url, 'POST', `/v1/payments/${paymentId}/captures`, body, {
      idempotencyKey: key,
    });
  const payment = async (id: string) =>
    (await call<PaymentBody>(sut.url, 'GET', `/v1/payments/${id}`)).body;
  const release = (id: string) =>
    call<PaymentBody & ErrorResponse>(sut.url, 'POST', `/v1/payments/${id}/cancel`);
  const sandboxCaptures = async (orderId: string): Promise<SandboxOrder[]> => {
    const orders = await sandboxAdmin<(SandboxOrder & { auth_order_id?: string | null })[]>(
      sut.url,
      'GET',
      '/sandbox-admin/orders',
    );
    return orders.filter((o) => o.auth_order_id === orderId);
  };
  async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
    let value = await read();
    for (let i = 0; i < 100 && !ok(value); i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      value = await read();
    }
    return value;
  }

  it('should authorize without taking the money, then capture in full: completed', async () => {
    const p = await authorize();
    expect(p.status).toBe('authorized');
    expect(p.capture).toMatchObject({ mode: 'manual', capturableAmount: 1000, capturedAmount: 0 });
    const days = (Date.parse(p.capture?.expiresAt ?? '') - Date.now()) / 86_400_000;
    // Visa: 7 days (read as Amsterdam wall time: up to 2 h earlier than UTC).
    expect(days).toBeGreaterThan(6.8);
    expect(days).toBeLessThanOrEqual(7);
    const res = await capture(p.id, {});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ paymentId: p.id, amount: 1000, status: 'succeeded' });
    expect(res.body.gateway.transactionId).toMatch(/^\d{16,}$/);
    expect(await payment(p.id)).toMatchObject({
      status: 'completed',
      capture: { capturableAmount: 0, capturedAmount: 1000 },
    });
    expect(await sandboxCaptures(p.orderId)).toHaveLength(1);
  });

  it('should capture 30% and 30%, release the rest: completed with 600 captured', async () => {
    const p = await authorize(1000);
    expect((await capture(p.id, { amount: 300, description: 'shipment 1' })).body.status).toBe(
      'succeeded',
    );
    expect(await payment(p.id)).toMatchObject({
      status: 'authorized',
      capture: { capturableAmount: 700, capturedAmount: 300 },
    });
    expect((await capture(p.id, { amount: 300 })).body.status).toBe('succeeded');
    const released = await release(p.id);
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({
      status: 'completed',
      capture: { capturableAmount: 0, capturedAmount: 600 },
    });
    const list = await call<{ data: Capture[] }>(sut.url, 'GET', `/v1/payments/${p.id}/captures`);
    expect(list.body.data.map((c) => [c.amount, c.status])).toEqual([
      [300, 'succeeded'],
      [300, 'succeeded'],
    ]);
    const more = await capture(p.id, { amount: 100 });
    expect([more.status, more.body.error.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    // MultiSafepay notifies each capture order under its own id: they lead back to the payment.
    const captureOrders = list.body.data.map((c) => c.gateway.orderId);
    const seen = await eventually(
      () =>
        sut.dataSource.query<{ order_id: string; payment_id: string | null; outcome: string }[]>(
          'SELECT order_id, payment_id, outcome FROM notifications WHERE order_id = ANY($1)',
          [captureOrders],
        ),
      (rows) => new Set(rows.map((r) => r.order_id)).size === 2,
    );
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const row of seen) {
      expect(row.payment_id).toBe(p.id);
      expect(row.outcome).not.toBe('unknown_order');
    }
  });

  it('should release an authorization with nothing captured: void', async () => {
    const p = await authorize();
    const released = await release(p.id);
    expect(released.body).toMatchObject({
      status: 'void',
      capture: { capturableAmount: 0, capturedAmount: 0 },
    });
  });

  it('should turn an authorization the sandbox lets lapse into expired, and refuse a capture after it', async () => {
    const p = await authorize();
    await sandboxAdmin(sut.url, 'POST', `/sandbox-admin/orders/${p.orderId}/timers/fire`);
    const expired = await eventually(
      () => payment(p.id),
      (x) => x.status !== 'authorized',
    );
    expect(expired.status).toBe('expired');
    const late = await capture(p.id, { amount: 100 });
    expect([late.status, late.body.error.code]).toEqual([409, 'AUTHORIZATION_EXPIRED']);
    expect(late.body.error.message).toMatch(/lapsed/);
  });

  it('should authorize after 3-D Secure with manual capture', async () => {
    const p = await authorize(1500, CARDS.threeDs);
    expect(p.status).toBe('initialized');
    await submit3ds(p.nextAction?.url ?? '', 'success');
    const authorized = await eventually(
      () => payment(p.id),
      (x) => x.status === 'authorized',
    );
    expect(authorized.capture).toMatchObject({ capturableAmount: 1500, capturedAmount: 0 });
    expect((await capture(p.id, { amount: 1500 })).body.status).toBe('succeeded');
    expect((await payment(p.id)).status).toBe('completed');
  });

  it('should refund only what was captured', async () => {
    const p = await authorize(1000);
    const nothingYet = await call<ErrorResponse>(
      sut.url,
      'POST',
      `/v1/payments/${p.id}/refunds`,
      {},
      {
        idempotencyKey: randomUUID(),
      },
    );
    expect([nothingYet.status, nothingYet.body.error.code]).toEqual([409, 'NOT_REFUNDABLE']);
    await capture(p.id, { amount: 300 });
    const refund = (amount: number) =>
      call<{ status: string } & ErrorResponse>(
        sut.url,
        'POST',
        `/v1/payments/${p.id}/refunds`,
        { amount },
        {
          idempotencyKey: randomUUID(),
        },
      );
    const over = await refund(301);
    expect([over.status, over.body.error.code]).toEqual([422, 'REFUND_EXCEEDS_REMAINING']);
    const ok = await refund(300);
    expect(ok.status).toBe(201);
    expect(await payment(p.id)).toMatchObject({
      refundedAmount: 300,
      capture: { capturedAmount: 300 },
    });
  });

  it('should let exactly one of 10 concurrent 60% captures through', async () => {
    const p = await authorize(1000);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => capture(p.id, { amount: 600 })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(422)]);
    for (const a of answers.filter((x) => x.status === 422)) {
      expect(a.body.error.code).toBe('CAPTURE_EXCEEDS_AUTHORIZED');
    }
    const captured = (await sandboxCaptures(p.orderId)).length;
    expect(captured).toBe(1);
    expect(await payment(p.id)).toMatchObject({
      capture: { capturedAmount: 600, capturableAmount: 400 },
    });
  });

  it('should settle a capture whose answer was lost by its retry, without capturing twice', async () => {
    const p = await authorize(1000);
    const key = randomUUID();
    await sandboxAdmin(sut.url, 'POST', '/sandbox-admin/faults', {
      mode: 'hang_after',
      count: 1,
      method: 'POST',
    });
    const lost = await capture(p.id, { amount: 400 }, key);
    expect([lost.status, lost.body.error.code]).toEqual([504, 'GATEWAY_TIMEOUT']);
    const pending = await call<{ data: Capture[] }>(
      sut.url,
      'GET',
      `/v1/payments/${p.id}/captures`,
    );
    expect(pending.body.data.map((c) => c.status)).toEqual(['unknown']);
    const retry = await capture(p.id, { amount: 400 }, key);
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ status: 'succeeded', amount: 400 });
    expect(await sandboxCaptures(p.orderId)).toHaveLength(1);
    expect(await payment(p.id)).toMatchObject({
      status: 'authorized',
      capture: { capturedAmount: 400 },
    });
    const replay = await capture(p.id, { amount: 400 }, key);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(retry.body.id);
  });

  it('should refuse bad captures with a clear code', async () => {
    const automatic = (await createPayment<PaymentBody>(sut.url, paymentRequest())).body;
    const notManual = await capture(automatic.id, {});
    expect([notManual.status, notManual.body.error.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    expect(notManual.body.error.message).toMatch(/captureMode manual/);
    const p = await authorize(1000);
    const over = await capture(p.id, { amount: 1001 });
    expect([over.status, over.body.error.code]).toEqual([422, 'CAPTURE_EXCEEDS_AUTHORIZED']);
    for (const body of [
      { amount: 0 },
      { amount: 10.5 },
      { amount: '100' },
      { description: '' },
      { nope: 1 },
    ]) {
      const bad = await capture(p.id, body);
      expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const noKey = await call<ErrorResponse>(sut.url, 'POST', `/v1/payments/${p.id}/captures`, {});
    expect([noKey.status, noKey.body.error.code]).toEqual([400, 'IDEMPOTENCY_KEY_MISSING']);
    const amex = await createPayment<ErrorResponse>(
      sut.url,
      paymentRequest({ captureMode: 'manual' }, { number: CARDS.amexNoThreeDs }),
    );
    expect([amex.status, amex.body.error.code]).toEqual([502, 'GATEWAY_REJECTED']);
    const mode = await createPayment<ErrorResponse>(
      sut.url,
      paymentRequest({ captureMode: 'later' }),
    );
    expect([mode.status, mode.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('should tell other services: authorized, each capture, completed, numbered in order', async () => {
    const p = await authorize(1000);
    await capture(p.id, { amount: 400 });
    await capture(p.id, {});
    const feed = await eventually(
      async () =>
        (await call<{ data: Event[] }>(sut.url, 'GET', `/v1/events?paymentId=${p.id}`)).body.data,
      (d) => d.length >= 6,
    );
    // Whether MultiSafepay's notification or our own read applies "completed" first is a race,
    // and so is the feed position of two transactions that moved the payment at once (it follows
    // the transactions, docs/events.md); what each event says and how they are numbered is not.
    feed.sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0));
    expect(feed.map((e) => e.type).sort()).toEqual(
      [
        'payment.authorized',
        'capture.succeeded',
        'payment.captured',
        'capture.succeeded',
        'payment.captured',
        'payment.completed',
      ].sort(),
    );
    expect(feed.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(feed[0]).toMatchObject({
      type: 'payment.authorized',
      data: { object: { status: 'authorized' } },
    });
    const captured = feed
      .filter((e): e is Schema<'PaymentChangedEventDto'> => e.type === 'payment.captured')
      .map((e) => e.data.object.capture?.capturedAmount);
    expect(captured).toEqual([400, 1000]);
    const latest = feed.filter((e) => e.type.startsWith('payment.')).at(-1)?.data.object;
    expect(latest).toMatchObject({
      status: 'completed',
      capture: { capturedAmount: 1000, capturableAmount: 0 },
    });
  });
});
