import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CancellationService } from '../cancellation/cancellation.service.js';
import {
  AuthorizationExpiredError,
  CaptureExceedsAuthorizedError,
  NotAuthorizedError,
} from '../captures/captures.errors.js';
import { CapturesService } from '../captures/captures.service.js';
import { EventEntity } from '../entities/event.entity.js';
import { RefundEntity } from '../entities/refund.entity.js';
import { GatewayRejectedError, GatewayTimeoutError } from '../gateway/gateway.errors.js';
import type { CaptureMode, GatewayOrder } from '../gateway/orders.gateway.js';
import { PaymentsRepository } from '../lifecycle/payments.repository.js';
import { PaymentCreationService } from '../payments/payment-creation.service.js';
import { IdempotencyKeyReusedError } from '../payments/payments.errors.js';
import {
  NotCancellableError,
  NotRefundableError,
  RefundExceedsRemainingError,
  RefundInProgressError,
} from '../refunds/refunds.errors.js';
import { RefundsService } from '../refunds/refunds.service.js';
import { startDomain, type TestDomain } from '../testing/domain.js';
import { gatewayOrder, ScriptedGateway } from '../testing/scripted-gateway.js';

/**
 * Refunds and captures, the twins of one flow (claim and hold under the row lock, the gateway
 * call, the settling read, the move), and cancel and release: against the real schema on the
 * embedded PostgreSQL, with MultiSafepay's side of the port played by a small in-memory book
 * of orders that answers as MultiSafepay does.
 */
describe('refunds, captures, cancel and release (real database)', { timeout: 60_000 }, () => {
  const gateway = new ScriptedGateway();
  /** MultiSafepay's orders, by order id. */
  const orders = new Map<string, GatewayOrder>();
  let domain: TestDomain;
  let refunds: RefundsService;
  let captures: CapturesService;
  let cancellation: CancellationService;

  const order = (orderId: string): GatewayOrder => {
    const found = orders.get(orderId);
    if (!found) throw new Error(`no order ${orderId}`);
    return found;
  };

  /** MultiSafepay's refund and capture, as it does them. */
  const msp: Pick<ScriptedGateway, 'refund' | 'captureOrder'> = {
    refund: (orderId, request) => {
      const o = order(orderId);
      const transactionId = `rt-${o.relatedTransactions.length + 1}`;
      o.amountRefunded += request.amount;
      o.status = o.amountRefunded >= o.amount ? 'refunded' : 'partial_refunded';
      o.relatedTransactions.push({
        transactionId,
        type: 'refund',
        status: 'completed',
        amount: request.amount,
        currency: request.currency,
        orderId: null,
        refundOrderId: request.refundOrderId ?? null,
      });
      return Promise.resolve({ transactionId, refundId: `rid-${transactionId}` });
    },
    captureOrder: (orderId, request) => {
      const o = order(orderId);
      const transactionId = `ct-${o.relatedTransactions.length + 1}`;
      o.relatedTransactions.push({
        transactionId,
        type: 'capture',
        status: 'completed',
        amount: request.amount,
        currency: o.currency,
        orderId: request.newOrderId,
        refundOrderId: null,
      });
      const remaining = (o.capture?.remaining ?? 0) - request.amount;
      o.capture = { mode: 'manual', expiresAt: o.capture?.expiresAt ?? null, remaining };
      if (remaining === 0) o.financialStatus = 'completed';
      return Promise.resolve({ transactionId, orderId: request.newOrderId });
    },
  };

  /** The gateway as MultiSafepay behaves for refunds, captures, cancel and release. */
  function honest(): void {
    gateway
      .on('getOrder', (orderId) => Promise.resolve(structuredClone(order(orderId))))
      .on('refund', msp.refund)
      .on('captureOrder', msp.captureOrder)
      .on('cancelOrder', (orderId) => {
        order(orderId).status = 'cancelled';
        return Promise.resolve();
      })
      .on('releaseAuthorization', (orderId) => {
        const o = order(orderId);
        o.status = 'void';
        o.capture = { mode: 'manual', expiresAt: o.capture?.expiresAt ?? null, remaining: 0 };
        return Promise.resolve({ transactionId: null });
      });
  }

  beforeAll(async () => {
    domain = await startDomain(gateway);
    refunds = domain.get(RefundsService);
    captures = domain.get(CapturesService);
    cancellation = domain.get(CancellationService);
  }, 180_000);

  afterAll(async () => {
    await domain?.close();
  });

  beforeEach(() => {
    gateway.calls.length = 0;
    honest();
  });

  /**
   * A payment created through the domain, MultiSafepay answering `status` (an automatic payment
   * is paid; a manual one is authorized until `expiresAt`).
   */
  async function pay(
    captureMode: CaptureMode = 'automatic',
    status: GatewayOrder['status'] = 'completed',
    expiresAt: Date | null = new Date(Date.now() + 86_400_000),
  ): Promise<string> {
    const orderId = `order-${randomUUID()}`;
    gateway.on('createDirectCardOrder', (request) => {
      const created = gatewayOrder({
        orderId: request.orderId,
        transactionId: String(Math.floor(Math.random() * 1e15)),
        status,
        amount: request.amount,
        currency: request.currency,
        financialStatus: captureMode === 'manual' ? 'initialized' : 'completed',
        capture:
          captureMode === 'manual'
            ? { mode: 'manual', expiresAt, remaining: request.amount }
            : null,
      });
      orders.set(request.orderId, created);
      return Promise.resolve(structuredClone(created));
    });
    const result = await domain.get(PaymentCreationService).create('shop', randomUUID(), {
      orderId,
      amount: 1000,
      currency: 'EUR',
      description: 'Flow test',
      card: { number: '4111111111111111', holder: 'A. Shopper', expiryMonth: 12, expiryYear: 2030 },
      customer: { email: 'shopper@example.com' },
      captureMode,
    });
    return result.body.id;
  }

  const paymentOf = async (id: string) => (await domain.get(PaymentsRepository).findById(id))!;
  const eventTypes = async (paymentId: string): Promise<string[]> =>
    (
      await domain.dataSource
        .getRepository(EventEntity)
        .find({ where: { paymentId }, order: { sequence: 'ASC' } })
    ).map((e) => e.type);
  const called = (method: Parameters<ScriptedGateway['callsOf']>[0]) =>
    gateway.callsOf(method).length;

  describe('refunds', () => {
    it('should refund in full: the refund reserved, the payment refunded, both events', async () => {
      const id = await pay();
      const { refund, replayed } = await refunds.refund('shop', 'k1', id, {});
      expect(replayed).toBe(false);
      expect(refund).toMatchObject({ amount: 1000, status: 'reserved', requestedBy: 'shop' });
      expect(refund.gateway).toEqual({ transactionId: 'rt-1', refundId: 'rid-rt-1' });
      expect(await paymentOf(id)).toMatchObject({ status: 'refunded', refundedAmount: 1000 });
      expect(await eventTypes(id)).toEqual([
        'payment.completed',
        'payment.refunded',
        'refund.succeeded',
      ]);
    });

    it('should refund partially twice, then refuse what exceeds the rest', async () => {
      const id = await pay();
      await refunds.refund('shop', 'p1', id, { amount: 300 });
      await refunds.refund('shop', 'p2', id, { amount: 500 });
      const over = refunds.refund('shop', 'p3', id, { amount: 201 });
      await expect(over).rejects.toBeInstanceOf(RefundExceedsRemainingError);
      await expect(over).rejects.toMatchObject({ details: { requested: 201, remaining: 200 } });
      expect(called('refund')).toBe(2);
      expect((await refunds.list(id)).map((r) => [r.amount, r.status])).toEqual([
        [300, 'reserved'],
        [500, 'reserved'],
      ]);
    });

    it('should replay a key with its refund, and refuse the key with another request', async () => {
      const id = await pay();
      const first = await refunds.refund('shop', 'r1', id, { amount: 100 });
      const again = await refunds.refund('shop', 'r1', id, { amount: 100 });
      expect(again).toEqual({ refund: first.refund, replayed: true });
      expect(called('refund')).toBe(1);
      await expect(refunds.refund('shop', 'r1', id, { amount: 101 })).rejects.toBeInstanceOf(
        IdempotencyKeyReusedError,
      );
    });

    it('should never refund more than the payment with concurrent refunds', async () => {
      const id = await pay();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 5 }, (_, i) => refunds.refund('shop', `c${i}`, id, { amount: 300 })),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
      expect(called('refund')).toBe(3);
      expect((await paymentOf(id)).refundedAmount).toBe(900);
    });

    it('should refuse a payment that is not paid, without calling MultiSafepay', async () => {
      const id = await pay('automatic', 'initialized');
      await expect(refunds.refund('shop', 'n1', id, {})).rejects.toBeInstanceOf(NotRefundableError);
      expect(called('refund')).toBe(0);
    });

    it('should refund only captured money of a manual payment', async () => {
      const id = await pay('manual');
      await expect(refunds.refund('shop', 'm1', id, {})).rejects.toBeInstanceOf(NotRefundableError);
      await captures.capture('shop', 'm1-capture', id, { amount: 400 });
      const { refund } = await refunds.refund('shop', 'm2', id, {});
      expect(refund.amount).toBe(400);
    });

    it('should settle a lost answer with the same key without refunding twice', async () => {
      const id = await pay();
      // MultiSafepay refunds, but its answer is lost.
      gateway.on('refund', async (orderId, request) => {
        await msp.refund(orderId, request);
        throw new GatewayTimeoutError('POST /orders/{id}/refunds', 10);
      });
      await expect(refunds.refund('shop', 'lost', id, {})).rejects.toBeInstanceOf(
        GatewayTimeoutError,
      );
      expect((await refunds.list(id))[0]?.status).toBe('unknown');
      const retried = await refunds.refund('shop', 'lost', id, {});
      expect(retried.replayed).toBe(false);
      expect(retried.refund).toMatchObject({ status: 'reserved', amount: 1000 });
      expect(retried.refund.gateway.transactionId).toBe('rt-1');
      expect(called('refund')).toBe(1);
      expect(await eventTypes(id)).toEqual([
        'payment.completed',
        'payment.refunded',
        'refund.succeeded',
      ]);
    });

    it("should record MultiSafepay's refusal as failed, with its event, and replay it", async () => {
      const id = await pay();
      gateway.on('refund', () => Promise.reject(new GatewayRejectedError(1024, 'Declined')));
      await expect(refunds.refund('shop', 'no', id, {})).rejects.toBeInstanceOf(
        GatewayRejectedError,
      );
      const again = await refunds.refund('shop', 'no', id, {});
      expect(again.replayed).toBe(true);
      expect(again.refund).toMatchObject({
        status: 'failed',
        error: { code: 'GATEWAY_REJECTED' },
      });
      expect(await eventTypes(id)).toEqual(['payment.completed', 'refund.failed']);
      // A failed refund holds nothing: the whole amount is refundable still.
      gateway.on('refund', msp.refund);
      const { refund } = await refunds.refund('shop', 'yes', id, {});
      expect(refund.amount).toBe(1000);
    });

    it('should tell a retry to wait while the first request with its key is running', async () => {
      const id = await pay();
      let answer: () => void = () => undefined;
      gateway.on(
        'refund',
        () =>
          new Promise((resolve) => {
            answer = () => resolve({ transactionId: 'slow', refundId: null });
          }),
      );
      const first = refunds.refund('shop', 'slow', id, {});
      await expect.poll(() => called('refund')).toBe(1);
      await expect(refunds.refund('shop', 'slow', id, {})).rejects.toBeInstanceOf(
        RefundInProgressError,
      );
      answer();
      expect((await first).refund.status).toBe('reserved');
    });

    it('should let a retry settle a pending refund whose request died', async () => {
      const id = await pay();
      await refunds.refund('shop', 'died', id, { amount: 100 });
      // As a request that died after its claim leaves it: pending, older than the window.
      await domain.dataSource
        .getRepository(RefundEntity)
        .update(
          { idempotencyKey: 'died' },
          { status: 'pending', updatedAt: new Date(Date.now() - 60_000) },
        );
      const retried = await refunds.refund('shop', 'died', id, { amount: 100 });
      expect(retried.refund.status).toBe('reserved');
      expect(called('refund')).toBe(1);
    });
  });

  describe('captures', () => {
    it('should capture part, then the rest: authorized, then completed', async () => {
      const id = await pay('manual');
      expect((await paymentOf(id)).status).toBe('authorized');
      const part = await captures.capture('shop', 'c1', id, { amount: 400 });
      expect(part.capture).toMatchObject({ amount: 400, status: 'succeeded' });
      expect(part.capture.gateway.orderId).toMatch(/^cap-/);
      expect(await paymentOf(id)).toMatchObject({ status: 'authorized', capturedAmount: 400 });
      const rest = await captures.capture('shop', 'c2', id, {});
      expect(rest.capture.amount).toBe(600);
      expect(await paymentOf(id)).toMatchObject({ status: 'completed', capturedAmount: 1000 });
      expect(await eventTypes(id)).toEqual([
        'payment.authorized',
        'capture.succeeded',
        'payment.captured',
        'capture.succeeded',
        'payment.completed',
        'payment.captured',
      ]);
    });

    it('should refuse more than is left, an automatic payment, and a lapsed authorization', async () => {
      const id = await pay('manual');
      await expect(captures.capture('shop', 'x1', id, { amount: 1001 })).rejects.toBeInstanceOf(
        CaptureExceedsAuthorizedError,
      );
      const paid = await pay();
      await expect(captures.capture('shop', 'x2', paid, {})).rejects.toBeInstanceOf(
        NotAuthorizedError,
      );
      const lapsed = await pay('manual', 'completed', new Date(Date.now() + 500));
      await new Promise((resolve) => setTimeout(resolve, 600));
      await expect(captures.capture('shop', 'x3', lapsed, {})).rejects.toBeInstanceOf(
        AuthorizationExpiredError,
      );
      expect(called('captureOrder')).toBe(0);
    });

    it('should settle a lost answer by finding its capture order, without capturing twice', async () => {
      const id = await pay('manual');
      gateway.on('captureOrder', async (orderId, request) => {
        await msp.captureOrder(orderId, request);
        throw new GatewayTimeoutError('POST /orders/{id}/capture', 10);
      });
      await expect(captures.capture('shop', 'lost', id, {})).rejects.toBeInstanceOf(
        GatewayTimeoutError,
      );
      expect((await captures.list(id))[0]?.status).toBe('unknown');
      const retried = await captures.capture('shop', 'lost', id, {});
      expect(retried.capture).toMatchObject({ status: 'succeeded', amount: 1000 });
      expect(called('captureOrder')).toBe(1);
      expect(await paymentOf(id)).toMatchObject({ status: 'completed', capturedAmount: 1000 });
    });

    it("should lead a capture order's notification to its payment", async () => {
      const id = await pay('manual');
      const { capture } = await captures.capture('shop', 'n1', id, { amount: 100 });
      expect((await captures.paymentOfCaptureOrder(capture.gateway.orderId!))?.id).toBe(id);
      expect(await captures.paymentOfCaptureOrder('nobody')).toBeNull();
    });
  });

  describe('cancel and release', () => {
    it('should cancel a payment awaiting the shopper, and refuse a paid one', async () => {
      const waiting = await pay('automatic', 'initialized');
      expect((await cancellation.cancel(waiting)).status).toBe('cancelled');
      expect(gateway.callsOf('cancelOrder')).toHaveLength(1);
      const paid = await pay();
      await expect(cancellation.cancel(paid)).rejects.toBeInstanceOf(NotCancellableError);
      expect(gateway.callsOf('cancelOrder')).toHaveLength(1);
    });

    it('should release an authorization instead of cancelling it', async () => {
      const id = await pay('manual');
      expect((await cancellation.cancel(id)).status).toBe('void');
      expect(called('releaseAuthorization')).toBe(1);
      expect(called('cancelOrder')).toBe(0);
    });
  });
});
