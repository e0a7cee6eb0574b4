import type { Refund } from '@app/client';
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
import { sandboxAdmin, sandboxOrders } from './support/sandbox.js';

describe('refunds and cancellation (sandbox gateway, real database)', () => {
  let sut: RunningApp;

  beforeAll(async () => {
    sut = await startApp({ RECONCILE_INTERVAL_MS: '0', MSP_TIMEOUT_MS: '500' });
  });

  afterAll(async () => {
    await sandboxAdmin(sut.url, 'DELETE', '/sandbox-admin/faults').catch(() => undefined);
    await sut?.close();
  });

  const paid = async (amount = 1000): Promise<PaymentBody> => {
    const res = await createPayment<PaymentBody>(
      sut.url,
      paymentRequest({ amount }, { number: CARDS.noThreeDs }),
    );
    expect(res.body.status).toBe('completed');
    return res.body;
  };
  const refund = (
    paymentId: string,
    body: Record<string, unknown>,
    idempotencyKey: string = randomUUID(),
  ) =>
    call<Refund & ErrorResponse>(sut.url, 'POST', `/v1/payments/${paymentId}/refunds`, body, {
      idempotencyKey,
    });
  const payment = async (id: string) =>
    (await call<PaymentBody>(sut.url, 'GET', `/v1/payments/${id}`)).body;

  it('should refund in full', async () => {
    const p = await paid();
    const res = await refund(p.id, {});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ paymentId: p.id, amount: 1000, status: 'reserved' });
    expect(res.body.gateway.transactionId).toMatch(/^\d{16,}$/);
    expect(await payment(p.id)).toMatchObject({ status: 'refunded', refundedAmount: 1000 });
  });

  it('should refund partially twice, then refuse an over-refund', async () => {
    const p = await paid(1000);
    expect((await refund(p.id, { amount: 300, description: 'one item' })).status).toBe(201);
    expect(await payment(p.id)).toMatchObject({ status: 'partial_refunded', refundedAmount: 300 });
    expect((await refund(p.id, { amount: 200 })).status).toBe(201);
    expect(await payment(p.id)).toMatchObject({ status: 'partial_refunded', refundedAmount: 500 });
    const over = await refund(p.id, { amount: 501 });
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('REFUND_EXCEEDS_REMAINING');
    expect((await refund(p.id, { amount: 500 })).status).toBe(201);
    expect(await payment(p.id)).toMatchObject({ status: 'refunded', refundedAmount: 1000 });
    const list = await call<{ data: Refund[] }>(sut.url, 'GET', `/v1/payments/${p.id}/refunds`);
    expect(list.body.data.map((r) => r.amount)).toEqual([300, 200, 500]);
  });

  it('should replay the same refund for the same key, and refuse the key with another body', async () => {
    const p = await paid();
    const key = randomUUID();
    const first = await refund(p.id, { amount: 250 }, key);
    const replay = await refund(p.id, { amount: 250 }, key);
    expect(replay.status).toBe(201);
    expect(replay.text).toBe(first.text);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await payment(p.id)).refundedAmount).toBe(250);
    const other = await refund(p.id, { amount: 300 }, key);
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('should never exceed the payment with concurrent refunds', async () => {
    const p = await paid(1000);
    // Any two fit in 1000, all three do not (and MultiSafepay refuses equal amounts within 5 min).
    const answers = await Promise.all([400, 350, 300].map((amount) => refund(p.id, { amount })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 422]);
    const refunded = answers
      .filter((a) => a.status === 201)
      .reduce((sum, a) => sum + a.body.amount, 0);
    expect((await payment(p.id)).refundedAmount).toBe(refunded);
    expect(refunded).toBeLessThanOrEqual(1000);
  });

  it('should refuse to refund a payment that is not paid', async () => {
    const pending = await createPayment<PaymentBody>(
      sut.url,
      paymentRequest({}, { number: CARDS.threeDs }),
    );
    const res = await refund(pending.body.id, { amount: 100 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('NOT_REFUNDABLE');
  });

  it('should settle a refund whose answer was lost without refunding twice', async () => {
    const p = await paid(1000);
    const key = randomUUID();
    await sandboxAdmin(sut.url, 'POST', '/sandbox-admin/faults', {
      mode: 'hang_after',
      count: 1,
      method: 'POST',
    });
    const lost = await refund(p.id, { amount: 600 }, key);
    expect(lost.status).toBe(504);
    const retry = await refund(p.id, { amount: 600 }, key);
    expect(retry.status).toBe(201);
    expect(retry.body.status).toBe('reserved');
    const order = await fetch(`${sut.url}/sandbox/v1/json/orders/${p.orderId}`, {
      headers: { api_key: 'sandbox-api-key' },
    });
    const related = ((await order.json()) as { data: { related_transactions: unknown[] } }).data
      .related_transactions;
    expect(related).toHaveLength(1);
    expect((await payment(p.id)).refundedAmount).toBe(600);
  });

  it('should cancel a payment awaiting the shopper, and refuse to cancel a paid one', async () => {
    const pending = await createPayment<PaymentBody>(
      sut.url,
      paymentRequest({}, { number: CARDS.threeDs }),
    );
    const cancelled = await call<PaymentBody>(
      sut.url,
      'POST',
      `/v1/payments/${pending.body.id}/cancel`,
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'void', nextAction: null });
    expect(await sandboxOrders(sut.url, pending.body.orderId)).toBe(1);
    const p = await paid();
    const refused = await call<ErrorResponse>(sut.url, 'POST', `/v1/payments/${p.id}/cancel`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('NOT_CANCELLABLE');
  });

  it('should require the refunds:write scope', async () => {
    const p = await paid();
    const res = await call<ErrorResponse>(
      sut.url,
      'POST',
      `/v1/payments/${p.id}/refunds`,
      {},
      {
        idempotencyKey: randomUUID(),
        key: 'nope',
      },
    );
    expect(res.status).toBe(401);
  });
});
