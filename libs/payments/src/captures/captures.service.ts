import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CaptureEntity, CaptureStatus } from '../entities/capture.entity.js';
import type { PaymentEntity } from '../entities/payment.entity.js';
import type { CaptureEventType } from '../events/event-types.js';
import { OutboxWriter } from '../events/outbox-writer.js';
import {
  OrdersGateway,
  type GatewayCapture,
  type GatewayOrder,
} from '../gateway/orders.gateway.js';
import {
  HeldOperationFlow,
  type HeldInput,
  type HeldOperationPolicy,
} from '../held/held-operation.flow.js';
import { PaymentLifecycleService } from '../lifecycle/payment-lifecycle.service.js';
import { PaymentsRepository } from '../lifecycle/payments.repository.js';
import { TransactionRunner } from '../lifecycle/transaction-runner.js';
import { PaymentsService } from '../payments/payments.service.js';
import { toPaymentView } from '../payments/payment-view.js';
import {
  AuthorizationExpiredError,
  CaptureExceedsAuthorizedError,
  CaptureInProgressError,
  NotAuthorizedError,
} from './captures.errors.js';
import { CapturesRepository } from './captures.repository.js';

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

/**
 * The capture policy of the held-operation flow: what is left of an authorization, the capture
 * at MultiSafepay with our own `new_order_id`, then the capture moved and the payment settled
 * (`payment.captured`).
 */
export function capturePolicy(
  rows: CapturesRepository,
  gateway: OrdersGateway,
  payments: PaymentsService,
  lifecycle: PaymentLifecycleService,
  outbox: OutboxWriter,
): HeldOperationPolicy<CaptureEntity, GatewayCapture> {
  /**
   * After a capture: the order as MultiSafepay now reports it (completed after a full capture),
   * and at least what our own succeeded captures add up to, whatever the order lists; then the
   * `payment.captured` event with the payment as it now is.
   */
  const settlePayment = async (
    m: EntityManager,
    paymentId: string,
    order: GatewayOrder | undefined,
    capture: CaptureEntity,
  ): Promise<void> => {
    if (order) await payments.applyIn(m, paymentId, order, 'api', `capture ${capture.id}`);
    const captured = await rows.succeededSumIn(m, paymentId);
    const outcome = await lifecycle.transitionIn(m, paymentId, (current) => current.status, {
      source: 'api',
      patch: (current) => ({ capturedAmount: Math.max(current.capturedAmount, captured) }),
    });
    await outbox.appendIn(m, paymentId, 'payment.captured', toPaymentView(outcome.payment));
  };
  return {
    name: 'capture',
    rows,
    holding: HOLDING,
    events: CAPTURE_EVENTS,
    view: toCaptureView,
    fingerprint: (paymentId, input) => [
      'capture',
      paymentId,
      input.amount ?? null,
      input.description ?? null,
    ],
    inProgress: () => new CaptureInProgressError(),
    check: (payment) => {
      if (payment.status !== 'authorized') {
        if (payment.captureMode === 'manual' && payment.status === 'expired') {
          throw new AuthorizationExpiredError(payment.captureExpiresAt);
        }
        throw new NotAuthorizedError(payment.status, payment.captureMode, 'captured');
      }
      if (payment.captureExpiresAt && payment.captureExpiresAt.getTime() <= Date.now()) {
        throw new AuthorizationExpiredError(payment.captureExpiresAt);
      }
    },
    available: (payment, held) => payment.amount - Math.max(payment.capturedAmount, held),
    exceeds: (amount, capturable) => new CaptureExceedsAuthorizedError(amount, capturable),
    newRow: () => ({
      captureOrderId: `cap-${randomBytes(12).toString('hex')}`,
      gatewayOrderId: null,
      gatewayTransactionId: null,
    }),
    call: (payment, capture) =>
      gateway.captureOrder(payment.orderId, {
        amount: capture.amount,
        newOrderId: capture.captureOrderId,
        description: capture.description ?? undefined,
      }),
    // The capture is at MultiSafepay if the order lists our capture order.
    foundIn: (order, capture, payment) => {
      const found = order.relatedTransactions.find(
        (t) => t.type === 'capture' && t.orderId === capture.captureOrderId,
      );
      return found
        ? { transactionId: found.transactionId, orderId: found.orderId ?? payment.orderId }
        : undefined;
    },
    succeed: async (m, payment, _capture, done, order, move) => {
      const moved = await move({
        status: 'succeeded',
        gatewayOrderId: done.orderId,
        gatewayTransactionId: done.transactionId,
      });
      await settlePayment(m, payment.id, order, moved);
      return moved;
    },
  };
}

/**
 * Manual capture (docs/design.md#manual-capture): capturing all or part of an authorization,
 * through the held-operation flow. Like refunds, a capture row holds its amount against the
 * authorization from before the gateway call (taken under the payment's row lock), so
 * concurrent captures can never take more than was authorized; each carries its own
 * `new_order_id`, so a retry after a lost answer finds it instead of capturing twice. Status
 * moves go through the lifecycle service. Releasing the rest is `CancellationService`'s.
 */
@Injectable()
export class CapturesService {
  private readonly flow: HeldOperationFlow<CaptureEntity, GatewayCapture>;

  constructor(
    tx: TransactionRunner,
    private readonly payments: PaymentsService,
    repository: PaymentsRepository,
    lifecycle: PaymentLifecycleService,
    gateway: OrdersGateway,
    outbox: OutboxWriter,
    private readonly rows: CapturesRepository,
  ) {
    this.flow = new HeldOperationFlow(capturePolicy(rows, gateway, payments, lifecycle, outbox), {
      tx,
      payments: repository,
      gateway,
      outbox,
      logger: new Logger('Captures'),
    });
  }

  async capture(
    clientId: string,
    key: string,
    paymentId: string,
    input: HeldInput,
  ): Promise<{ capture: CaptureResource; replayed: boolean }> {
    const { row, replayed } = await this.flow.run(clientId, key, paymentId, input);
    return { capture: toCaptureResource(row), replayed };
  }

  async list(paymentId: string): Promise<CaptureResource[]> {
    return (await this.flow.list(paymentId)).map(toCaptureResource);
  }

  /** The payment a capture order (our `new_order_id`) belongs to: its notifications lead there. */
  async paymentOfCaptureOrder(orderId: string): Promise<PaymentEntity | null> {
    const paymentId = await this.rows.paymentIdOfOrder(orderId);
    return paymentId ? this.payments.findById(paymentId) : null;
  }
}
