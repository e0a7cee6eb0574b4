import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CaptureEntity, type CaptureStatus } from '../entities/capture.entity.js';
import { PaymentEntity } from '../entities/payment.entity.js';
import { PaymentNotFoundError } from '../errors/common.errors.js';
import { OutboxWriter } from '../events/outbox-writer.js';
import type { CaptureEventType } from '../events/event-types.js';
import { gatewayCallFailure } from '../gateway/gateway.errors.js';
import {
  OrdersGateway,
  readOrderIfExists,
  type GatewayCapture,
  type GatewayOrder,
} from '../gateway/orders.gateway.js';
import { PaymentLifecycleService } from '../lifecycle/payment-lifecycle.service.js';
import { TransactionRunner } from '../lifecycle/transaction-runner.js';
import { IdempotencyKeyReusedError } from '../payments/payments.errors.js';
import { PaymentsService } from '../payments/payments.service.js';
import { toPaymentView } from '../payments/payment-view.js';
import {
  AuthorizationExpiredError,
  CaptureExceedsAuthorizedError,
  CaptureInProgressError,
  NotAuthorizedError,
} from './captures.errors.js';

export interface CaptureView {
  id: string;
  paymentId: string;
  amount: number;
  currency: string;
  description: string | null;
  status: CaptureStatus;
  gateway: { orderId: string | null; transactionId: string | null };
  error: { code: string; message: string } | null;
  createdAt: string;
  updatedAt: string;
}

export function toCaptureView(c: CaptureEntity): CaptureView {
  return {
    id: c.id,
    paymentId: c.paymentId,
    amount: c.amount,
    currency: c.currency,
    description: c.description,
    status: c.status,
    gateway: { orderId: c.gatewayOrderId, transactionId: c.gatewayTransactionId },
    error: c.error ? { code: c.error.code, message: c.error.message } : null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** A capture as the API answers it: the view, and the API key (by name) that asked for it. */
export interface CaptureResource extends CaptureView {
  requestedBy: string;
}

export function toCaptureResource(c: CaptureEntity): CaptureResource {
  return { ...toCaptureView(c), requestedBy: c.clientId };
}

/** Capture outcomes other services hear about (docs/design.md#manual-capture). */
const CAPTURE_EVENTS: Partial<Record<CaptureStatus, CaptureEventType>> = {
  succeeded: 'capture.succeeded',
  failed: 'capture.failed',
};
/** Captures whose amount counts as taken or on its way. */
const HOLDING: CaptureStatus[] = ['pending', 'unknown', 'succeeded'];
/** A pending capture younger than this belongs to a request still running. */
const IN_PROGRESS_MS = 30_000;

/**
 * Manual capture (docs/design.md#manual-capture): capturing all or part of an authorization, and releasing what is
 * left. Like refunds, a capture row holds its amount against the authorization from before the
 * gateway call (taken under the payment's row lock), so concurrent captures can never take more
 * than was authorized; each carries its own `new_order_id`, so a retry after a lost answer finds
 * it instead of capturing twice. Status moves go through the lifecycle service.
 */
@Injectable()
export class CapturesService {
  private readonly logger = new Logger('Captures');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly payments: PaymentsService,
    private readonly lifecycle: PaymentLifecycleService,
    private readonly gateway: OrdersGateway,
    private readonly outbox: OutboxWriter,
  ) {}

  async capture(
    clientId: string,
    key: string,
    paymentId: string,
    input: { amount?: number; description?: string },
  ): Promise<{ capture: CaptureResource; replayed: boolean }> {
    const requestHash = createHash('sha256')
      .update(
        JSON.stringify(['capture', paymentId, input.amount ?? null, input.description ?? null]),
      )
      .digest('hex');
    const claim = await this.tx.run((m) =>
      this.claim(m, clientId, key, paymentId, requestHash, input),
    );
    if (claim.replay) return { capture: toCaptureResource(claim.capture), replayed: true };
    return {
      capture: toCaptureResource(await this.drive(claim.capture, claim.fresh)),
      replayed: false,
    };
  }

  async list(paymentId: string): Promise<CaptureResource[]> {
    const rows = await this.tx.run(async (m) => {
      if (!(await m.existsBy(PaymentEntity, { id: paymentId })))
        throw new PaymentNotFoundError(paymentId);
      return m.find(CaptureEntity, { where: { paymentId }, order: { createdAt: 'ASC' } });
    });
    return rows.map(toCaptureResource);
  }

  /**
   * Releases what is left of an authorization (PATCH /capture/{id} at MultiSafepay), then
   * applies the order: `void` when nothing was captured, `completed` otherwise.
   */
  async release(payment: PaymentEntity): Promise<PaymentEntity> {
    if (payment.status !== 'authorized') {
      throw new NotAuthorizedError(payment.status, payment.captureMode, 'released');
    }
    await this.gateway.releaseAuthorization(payment.orderId, {
      reason: 'released through the API',
    });
    const order = await this.gateway.getOrder(payment.orderId);
    return (
      await this.tx.run((m) =>
        this.payments.applyIn(
          m,
          payment.id,
          order,
          'api',
          'authorization released through the API',
        ),
      )
    ).payment;
  }

  /** The payment a capture order (our `new_order_id`) belongs to: its notifications lead there. */
  async paymentOfCaptureOrder(orderId: string): Promise<PaymentEntity | null> {
    const rows = await this.tx.statement<{ payment_id: string }>(
      'SELECT payment_id FROM captures WHERE capture_order_id = $1 OR gateway_order_id = $1 LIMIT 1',
      [orderId],
    );
    return rows[0] ? this.payments.findById(rows[0].payment_id) : null;
  }

  private async claim(
    m: EntityManager,
    clientId: string,
    key: string,
    paymentId: string,
    requestHash: string,
    input: { amount?: number; description?: string },
  ): Promise<{ capture: CaptureEntity; replay: boolean; fresh: boolean }> {
    const payment = await m.findOne(PaymentEntity, {
      where: { id: paymentId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!payment) throw new PaymentNotFoundError(paymentId);
    const existing = await m.findOneBy(CaptureEntity, { clientId, idempotencyKey: key });
    if (existing) {
      if (existing.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
      if (
        existing.status === 'pending' &&
        Date.now() - existing.updatedAt.getTime() < IN_PROGRESS_MS
      ) {
        throw new CaptureInProgressError();
      }
      const settled = existing.status !== 'unknown' && existing.status !== 'pending';
      return { capture: existing, replay: settled, fresh: false };
    }
    if (payment.status !== 'authorized') {
      if (payment.captureMode === 'manual' && payment.status === 'expired') {
        throw new AuthorizationExpiredError(payment.captureExpiresAt);
      }
      throw new NotAuthorizedError(payment.status, payment.captureMode, 'captured');
    }
    if (payment.captureExpiresAt && payment.captureExpiresAt.getTime() <= Date.now()) {
      throw new AuthorizationExpiredError(payment.captureExpiresAt);
    }
    const held = await m
      .createQueryBuilder(CaptureEntity, 'c')
      .select('COALESCE(SUM(c.amount), 0)', 'sum')
      .where('c.payment_id = :paymentId AND c.status IN (:...held)', { paymentId, held: HOLDING })
      .getRawOne<{ sum: string }>();
    const capturable = payment.amount - Math.max(payment.capturedAmount, Number(held?.sum ?? 0));
    const amount = input.amount ?? capturable;
    if (amount < 1 || amount > capturable) {
      throw new CaptureExceedsAuthorizedError(amount, capturable);
    }
    const capture = await m.save(
      m.create(CaptureEntity, {
        paymentId,
        clientId,
        idempotencyKey: key,
        requestHash,
        amount,
        currency: payment.currency,
        description: input.description ?? null,
        status: 'pending',
        captureOrderId: `cap-${randomBytes(12).toString('hex')}`,
        gatewayOrderId: null,
        gatewayTransactionId: null,
        error: null,
      }),
    );
    return { capture, replay: false, fresh: true };
  }

  private async drive(capture: CaptureEntity, fresh: boolean): Promise<CaptureEntity> {
    const payment = await this.payments.findById(capture.paymentId);
    if (!payment) throw new PaymentNotFoundError(capture.paymentId);
    try {
      let done: GatewayCapture | undefined;
      // A retry first looks for the capture at MultiSafepay: the earlier attempt may have reached it.
      if (!fresh) done = await this.findAtGateway(payment.orderId, capture);
      done ??= await this.gateway.captureOrder(payment.orderId, {
        amount: capture.amount,
        newOrderId: capture.captureOrderId,
        description: capture.description ?? undefined,
      });
      const order = await this.gateway.getOrder(payment.orderId).catch(() => undefined);
      return await this.tx.run(async (m) => {
        const moved = await this.move(m, capture.id, {
          status: 'succeeded',
          gatewayOrderId: done.orderId,
          gatewayTransactionId: done.transactionId,
        });
        await this.settlePayment(m, payment.id, order, moved);
        return moved;
      });
    } catch (error) {
      const outcome = gatewayCallFailure(error);
      if (outcome.status === 'unknown') {
        this.logger.warn(
          { captureId: capture.id, err: error },
          'capture outcome unknown; a retry with the same key settles it',
        );
      }
      await this.tx.run((m) => this.move(m, capture.id, outcome));
      throw error;
    }
  }

  /**
   * After a capture: the order as MultiSafepay now reports it (completed after a full capture),
   * and at least what our own succeeded captures add up to, whatever the order lists; then the
   * `payment.captured` event with the payment as it now is.
   */
  private async settlePayment(
    m: EntityManager,
    paymentId: string,
    order: GatewayOrder | undefined,
    capture: CaptureEntity,
  ): Promise<void> {
    if (order) await this.payments.applyIn(m, paymentId, order, 'api', `capture ${capture.id}`);
    const sums = await m.query<{ sum: string }[]>(
      `SELECT COALESCE(SUM(amount), 0) AS sum FROM captures
       WHERE payment_id = $1 AND status = 'succeeded'`,
      [paymentId],
    );
    const captured = Number(sums[0]?.sum ?? 0);
    const outcome = await this.lifecycle.transitionIn(m, paymentId, (current) => current.status, {
      source: 'api',
      patch: (current) => ({ capturedAmount: Math.max(current.capturedAmount, captured) }),
    });
    await this.outbox.appendIn(m, paymentId, 'payment.captured', toPaymentView(outcome.payment));
  }

  /** The one place a capture's status changes: the outcomes callers hear of write their event. */
  private async move(
    m: EntityManager,
    captureId: string,
    patch: Partial<CaptureEntity> & { status: CaptureStatus },
  ): Promise<CaptureEntity> {
    await m.update(CaptureEntity, { id: captureId }, patch);
    const capture = await m.findOneByOrFail(CaptureEntity, { id: captureId });
    const type = CAPTURE_EVENTS[patch.status];
    if (type) await this.outbox.appendIn(m, capture.paymentId, type, toCaptureView(capture));
    return capture;
  }

  /** After a lost answer: the capture is at MultiSafepay if the order lists our capture order. */
  private async findAtGateway(
    orderId: string,
    capture: CaptureEntity,
  ): Promise<GatewayCapture | undefined> {
    const order = await readOrderIfExists(this.gateway, orderId);
    if (!order) return undefined;
    const found = order.relatedTransactions.find(
      (t) => t.type === 'capture' && t.orderId === capture.captureOrderId,
    );
    return found
      ? { transactionId: found.transactionId, orderId: found.orderId ?? orderId }
      : undefined;
  }
}
