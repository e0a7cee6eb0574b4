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
import { sandboxAdmin, sandboxOrders, submit3ds } from './support/sandbox.js';

const PERIOD_MS = 400;

describe('reconciler and unknown outcomes (sandbox faults, real database)', () => {
  let sut: RunningApp;

  beforeAll(async () => {
    sut = await startApp({
      RECONCILE_INTERVAL_MS: String(PERIOD_MS),
      // Past the gateway timeout, so the reconciler meets payments the API has given up on.
      RECONCILE_AFTER_MS: '700',
      ABANDON_AFTER_MS: '3600000',
      MSP_TIMEOUT_MS: '500',
    });
  });

  afterAll(async () => {
    await sandboxAdmin(sut.url, 'DELETE', '/sandbox-admin/faults').catch(() => undefined);
    await sut?.close();
  });

  const payment = async (id: string) =>
    (await call<PaymentBody>(sut.url, 'GET', `/v1/payments/${id}`)).body;
  const events = async (id: string) =>
    (await call<{ data: PaymentHistoryEntry[] }>(sut.url, 'GET', `/v1/payments/${id}/events`)).body
      .data;

  async function settles(id: string, status: string, periods: number): Promise<void> {
    const deadline = Date.now() + 700 + periods * PERIOD_MS + 1_000;
    while (Date.now() < deadline) {
      if ((await payment(id)).status === status) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`payment ${id} is ${(await payment(id)).status}, not ${status}`);
  }

  it('should settle a payment whose notification was dropped within one period', async () => {
    await sandboxAdmin(sut.url, 'POST', '/sandbox-admin/notifications/mode', { mode: 'drop' });
    try {
      const created = await createPayment<PaymentBody>(
        sut.url,
        paymentRequest({}, { number: CARDS.threeDs }),
      );
      await submit3ds(created.body.nextAction?.url ?? '', 'success');
      await settles(created.body.id, 'completed', 2);
      expect((await events(created.body.id)).at(-1)).toEqual(
        expect.objectContaining({ to: 'completed', source: 'reconciler' }),
      );
    } finally {
      await sandboxAdmin(sut.url, 'POST', '/sandbox-admin/notifications/mode', { mode: 'normal' });
    }
  });

  it('should answer 504 when MultiSafepay acts but never answers, then settle the unknown payment', async () => {
    await sandboxAdmin(sut.url, 'POST', '/sandbox-admin/faults', {
      mode: 'hang_after',
      count: 1,
      method: 'POST',
    });
    await sandboxAdmin(sut.url, 'POST', '/sandbox-admin/notifications/mode', {
      mode: 'drop',
      count: 1,
    });
    const request = paymentRequest({}, { number: CARDS.noThreeDs });
    const res = await createPayment<ErrorResponse>(sut.url, request);
    expect(res.status).toBe(504);
    expect(res.body.error.code).toBe('GATEWAY_TIMEOUT');
    const [row] = (
      await call<{ data: PaymentBody[] }>(sut.url, 'GET', `/v1/payments?orderId=${request.orderId}`)
    ).body.data;
    await settles(row?.id ?? '', 'completed', 2);
    expect((await events(row?.id ?? '')).map((e) => [e.to, e.source])).toEqual([
      ['created', 'api'],
      ['unknown', 'api'],
      ['completed', 'reconciler'],
    ]);
    expect(await sandboxOrders(sut.url, request.orderId)).toBe(1);
  });

  it('should retry a timed-out create with the same order id, never a second order', async () => {
    await sandboxAdmin(sut.url, 'POST', '/sandbox-admin/faults', {
      mode: 'hang',
      count: 1,
      method: 'POST',
    });
    const request = paymentRequest({}, { number: CARDS.noThreeDs });
    const idempotencyKey = randomUUID();
    const first = await createPayment<ErrorResponse>(sut.url, request, { idempotencyKey });
    expect(first.status).toBe(504);
    expect(await sandboxOrders(sut.url, request.orderId)).toBe(0);
    const retry = await createPayment<PaymentBody>(sut.url, request, { idempotencyKey });
    expect(retry.status).toBe(201);
    expect(retry.body.status).toBe('completed');
    expect(await sandboxOrders(sut.url, request.orderId)).toBe(1);
    const again = await createPayment<PaymentBody>(sut.url, request, { idempotencyKey });
    expect(again.text).toBe(retry.text);
  });

  it('should answer 503 when MultiSafepay fails, and settle the payment on retry', async () => {
    await sandboxAdmin(sut.url, 'POST', '/sandbox-admin/faults', {
      mode: 'error',
      count: 1,
      status: 503,
      method: 'POST',
    });
    const request = paymentRequest({}, { number: CARDS.noThreeDs });
    const idempotencyKey = randomUUID();
    const failed = await createPayment<ErrorResponse>(sut.url, request, { idempotencyKey });
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe('GATEWAY_UNAVAILABLE');
    const retry = await createPayment<PaymentBody>(sut.url, request, { idempotencyKey });
    expect(retry.body.status).toBe('completed');
    expect(await sandboxOrders(sut.url, request.orderId)).toBe(1);
  });

  it('should refresh on demand from MultiSafepay', async () => {
    await sandboxAdmin(sut.url, 'POST', '/sandbox-admin/notifications/mode', {
      mode: 'drop',
      count: 1,
    });
    const created = await createPayment<PaymentBody>(
      sut.url,
      paymentRequest({}, { number: CARDS.unclearedThenCompleted }),
    );
    expect(created.body.status).toBe('uncleared');
    await sandboxAdmin(
      sut.url,
      'POST',
      `/sandbox-admin/orders/${created.body.orderId}/timers/fire`,
    );
    const refreshed = await call<PaymentBody>(
      sut.url,
      'POST',
      `/v1/payments/${created.body.id}/refresh`,
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.status).toBe('completed');
  });
});
