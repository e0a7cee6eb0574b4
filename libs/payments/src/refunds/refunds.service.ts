import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { PaymentNotFoundError } from '../errors/common.errors.js';
import { PaymentEntity } from '../entities/payment.entity.js';
import { RefundEntity, type RefundStatus } from '../entities/refund.entity.js';
import { gatewayCallFailure } from '../gateway/gateway.errors.js';
import { OrdersGateway, readOrderIfExists, type GatewayRefund } from '../gateway/orders.gateway.js';
import { TransactionRunner } from '../lifecycle/transaction-runner.js';
import type { RefundEventType } from '../events/event-types.js';
import { OutboxWriter } from '../events/outbox-writer.js';
import { CapturesService } from '../captures/captures.service.js';
import { IdempotencyKeyReusedError } from '../payments/payments.errors.js';
import { PaymentsService } from '../payments/payments.service.js';
import {
  NotCancellableError,
  NotRefundableError,
  RefundExceedsRemainingError,
  RefundInProgressError,
} from './refunds.errors.js';

export interface RefundView {
  id: string;
  paymentId: string;
  amount: number;
  currency: string;
  description: string | null;
  status: RefundStatus;
  gateway: { transactionId: string | null; refundId: string | null };
  error: { code: string; message: string } | null;
  createdAt: string;
  updatedAt: string;
}

export function toRefundView(r: RefundEntity): RefundView {
  return {
    id: r.id,
    paymentId: r.paymentId,
    amount: r.amount,
    currency: r.currency,
    description: r.description,
    status: r.status,
    gateway: { transactionId: r.gatewayTransactionId, refundId: r.gatewayRefundId },
    error: r.error ? { code: r.error.code, message: r.error.message } : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A refund as the API answers it: the view, and the API key (by name) that asked for it. */
export interface RefundResource extends RefundView {
  requestedBy: string;
}

export function toRefundResource(r: RefundEntity): RefundResource {
  return { ...toRefundView(r), requestedBy: r.clientId };
}

/** Refund outcomes other services hear about (docs/design.md#events). */
const REFUND_EVENTS: Partial<Record<RefundStatus, RefundEventType>> = {
  reserved: 'refund.succeeded',
  failed: 'refund.failed',
};

const REFUNDABLE = ['completed', 'partial_refunded', 'authorized'];
const CANCELLABLE = ['initialized', 'uncleared'];
/** Statuses whose amount counts as refunded or on its way. */
const HOLDING: RefundStatus[] = ['pending', 'unknown', 'reserved', 'completed'];

/**
 * Refunds and cancellation. A refund row holds its amount against the payment from before the
 * gateway call, so two concurrent refunds can never exceed the payment; each carries a
 * `refund_order_id` so a retry after a lost answer finds it instead of refunding twice.
 */
@Injectable()
export class RefundsService {
  private readonly logger = new Logger('Refunds');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly payments: PaymentsService,
    private readonly gateway: OrdersGateway,
    private readonly outbox: OutboxWriter,
    private readonly captures: CapturesService,
  ) {}

  async refund(
    clientId: string,
    key: string,
    paymentId: string,
    input: { amount?: number; description?: string },
  ): Promise<{ refund: RefundResource; replayed: boolean }> {
    const requestHash = createHash('sha256')
      .update(JSON.stringify([paymentId, input.amount ?? null, input.description ?? null]))
      .digest('hex');
    const claim = await this.tx.run((m) =>
      this.claim(m, clientId, key, paymentId, requestHash, input),
    );
    if (claim.replay) return { refund: toRefundResource(claim.refund), replayed: true };
    return {
      refund: toRefundResource(await this.drive(claim.refund, claim.fresh)),
      replayed: false,
    };
  }

  async list(paymentId: string): Promise<RefundResource[]> {
    const rows = await this.tx.run(async (m) => {
      if (!(await m.existsBy(PaymentEntity, { id: paymentId })))
        throw new PaymentNotFoundError(paymentId);
      return m.find(RefundEntity, { where: { paymentId }, order: { createdAt: 'ASC' } });
    });
    return rows.map(toRefundResource);
  }

  /**
   * Cancels a payment still awaiting the shopper (PATCH /orders/{id}), then applies the order;
   * an authorization is released instead (docs/design.md#manual-capture).
   */
  async cancel(paymentId: string): Promise<PaymentEntity> {
    const payment = await this.tx.run((m) => m.findOneBy(PaymentEntity, { id: paymentId }));
    if (!payment) throw new PaymentNotFoundError(paymentId);
    if (payment.status === 'authorized') return this.captures.release(payment);
    if (!CANCELLABLE.includes(payment.status)) throw new NotCancellableError(payment.status);
    await this.gateway.cancelOrder(payment.orderId);
    const order = await this.gateway.getOrder(payment.orderId);
    return (
      await this.tx.run((m) =>
        this.payments.applyIn(m, paymentId, order, 'api', 'cancelled through the API'),
      )
    ).payment;
  }

  private async claim(
    m: EntityManager,
    clientId: string,
    key: string,
    paymentId: string,
    requestHash: string,
    input: { amount?: number; description?: string },
  ): Promise<{ refund: RefundEntity; replay: boolean; fresh: boolean }> {
    const payment = await m.findOne(PaymentEntity, {
      where: { id: paymentId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!payment) throw new PaymentNotFoundError(paymentId);
    const existing = await m.findOneBy(RefundEntity, { clientId, idempotencyKey: key });
    if (existing) {
      if (existing.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
      // A pending refund belongs to a request still running (or one that died: then `unknown` is
      // reached by the next retry once its answer is known to be lost).
      if (existing.status === 'pending' && Date.now() - existing.updatedAt.getTime() < 30_000) {
        throw new RefundInProgressError();
      }
      const settled = existing.status !== 'unknown' && existing.status !== 'pending';
      return { refund: existing, replay: settled, fresh: false };
    }
    // Manual capture: only captured money can be refunded (an authorization is released instead).
    const refundable = payment.captureMode === 'manual' ? payment.capturedAmount : payment.amount;
    if (!REFUNDABLE.includes(payment.status) || refundable === 0) {
      throw new NotRefundableError(payment.status);
    }
    const held = await m
      .createQueryBuilder(RefundEntity, 'r')
      .select('COALESCE(SUM(r.amount), 0)', 'sum')
      .where('r.payment_id = :paymentId AND r.status IN (:...held)', { paymentId, held: HOLDING })
      .getRawOne<{ sum: string }>();
    const remaining = refundable - Math.max(payment.refundedAmount, Number(held?.sum ?? 0));
    const amount = input.amount ?? remaining;
    if (amount < 1 || amount > remaining) throw new RefundExceedsRemainingError(amount, remaining);
    const refund = await m.save(
      m.create(RefundEntity, {
        paymentId,
        clientId,
        idempotencyKey: key,
        requestHash,
        amount,
        currency: payment.currency,
        description: input.description ?? null,
        status: 'pending',
        refundOrderId: `rf-${randomBytes(12).toString('hex')}`,
        gatewayTransactionId: null,
        gatewayRefundId: null,
        error: null,
      }),
    );
    return { refund, replay: false, fresh: true };
  }

  private async drive(refund: RefundEntity, fresh: boolean): Promise<RefundEntity> {
    const payment = await this.tx.run((m) =>
      m.findOneByOrFail(PaymentEntity, { id: refund.paymentId }),
    );
    try {
      let done: GatewayRefund | undefined;
      // A retry first looks for the refund at MultiSafepay: the earlier attempt may have reached it.
      if (!fresh) done = await this.findAtGateway(payment.orderId, refund.refundOrderId);
      done ??= await this.gateway.refund(payment.orderId, {
        amount: refund.amount,
        currency: refund.currency,
        description: refund.description ?? undefined,
        refundOrderId: refund.refundOrderId,
      });
      const order = await this.gateway.getOrder(payment.orderId).catch(() => undefined);
      return await this.tx.run(async (m) => {
        if (order) await this.payments.applyIn(m, payment.id, order, 'api', `refund ${refund.id}`);
        return this.move(m, refund.id, {
          status: 'reserved',
          gatewayTransactionId: done.transactionId,
          gatewayRefundId: done.refundId,
        });
      });
    } catch (error) {
      const outcome = gatewayCallFailure(error);
      if (outcome.status === 'unknown') {
        this.logger.warn(
          { refundId: refund.id, err: error },
          'refund outcome unknown; a retry with the same key settles it',
        );
      }
      await this.tx.run((m) => this.move(m, refund.id, outcome));
      throw error;
    }
  }

  /** The one place a refund's status changes: the outcomes callers hear of write their event. */
  private async move(
    m: EntityManager,
    refundId: string,
    patch: Partial<RefundEntity> & { status: RefundStatus },
  ): Promise<RefundEntity> {
    await m.update(RefundEntity, { id: refundId }, patch);
    const refund = await m.findOneByOrFail(RefundEntity, { id: refundId });
    const type = REFUND_EVENTS[patch.status];
    if (type) await this.outbox.appendIn(m, refund.paymentId, type, toRefundView(refund));
    return refund;
  }

  /** After a lost answer: the refund is at MultiSafepay if the order lists our refund_order_id. */
  private async findAtGateway(
    orderId: string,
    refundOrderId: string,
  ): Promise<GatewayRefund | undefined> {
    const order = await readOrderIfExists(this.gateway, orderId);
    if (!order) return undefined;
    const found = order.relatedTransactions.find(
      (t) => t.type === 'refund' && t.refundOrderId === refundOrderId,
    );
    return found ? { transactionId: found.transactionId, refundId: null } : undefined;
  }
}
