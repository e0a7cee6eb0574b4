import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { PaymentEntity } from '../entities/payment.entity.js';
import type { RefundEntity, RefundStatus } from '../entities/refund.entity.js';
import type { RefundEventType } from '../events/event-types.js';
import { OutboxWriter } from '../events/outbox-writer.js';
import { OrdersGateway, type GatewayRefund } from '../gateway/orders.gateway.js';
import {
  HeldOperationFlow,
  type HeldInput,
  type HeldOperationPolicy,
} from '../held/held-operation.flow.js';
import { PaymentsRepository } from '../lifecycle/payments.repository.js';
import { TransactionRunner } from '../lifecycle/transaction-runner.js';
import { PaymentsService } from '../payments/payments.service.js';
import {
  NotRefundableError,
  RefundExceedsRemainingError,
  RefundInProgressError,
} from './refunds.errors.js';
import { RefundsRepository } from './refunds.repository.js';

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
/** Statuses whose amount counts as refunded or on its way. */
const HOLDING: RefundStatus[] = ['pending', 'unknown', 'reserved', 'completed'];

/**
 * The refund policy of the held-operation flow: what a payment allows to be refunded, the
 * refund at MultiSafepay with our `refund_order_id`, then the order applied and the refund moved.
 */
export function refundPolicy(
  rows: RefundsRepository,
  gateway: OrdersGateway,
  payments: PaymentsService,
): HeldOperationPolicy<RefundEntity, GatewayRefund> {
  return {
    name: 'refund',
    rows,
    holding: HOLDING,
    events: REFUND_EVENTS,
    view: toRefundView,
    fingerprint: (paymentId, input) => [paymentId, input.amount ?? null, input.description ?? null],
    inProgress: () => new RefundInProgressError(),
    check: (payment) => {
      if (!REFUNDABLE.includes(payment.status) || refundable(payment) === 0) {
        throw new NotRefundableError(payment.status);
      }
    },
    available: (payment, held) => refundable(payment) - Math.max(payment.refundedAmount, held),
    exceeds: (amount, remaining) => new RefundExceedsRemainingError(amount, remaining),
    newRow: () => ({
      refundOrderId: `rf-${randomBytes(12).toString('hex')}`,
      gatewayTransactionId: null,
      gatewayRefundId: null,
    }),
    call: (payment, refund) =>
      gateway.refund(payment.orderId, {
        amount: refund.amount,
        currency: refund.currency,
        description: refund.description ?? undefined,
        refundOrderId: refund.refundOrderId,
      }),
    // The refund is at MultiSafepay if the order lists our refund_order_id.
    foundIn: (order, refund) => {
      const found = order.relatedTransactions.find(
        (t) => t.type === 'refund' && t.refundOrderId === refund.refundOrderId,
      );
      return found ? { transactionId: found.transactionId, refundId: null } : undefined;
    },
    succeed: async (m, payment, refund, done, order, move) => {
      if (order) await payments.applyIn(m, payment.id, order, 'api', `refund ${refund.id}`);
      return move({
        status: 'reserved',
        gatewayTransactionId: done.transactionId,
        gatewayRefundId: done.refundId,
      });
    },
  };
}

/** Manual capture: only captured money can be refunded (an authorization is released instead). */
function refundable(payment: PaymentEntity): number {
  return payment.captureMode === 'manual' ? payment.capturedAmount : payment.amount;
}

/**
 * Refunds, through the held-operation flow: a refund row holds its amount against the payment
 * from before the gateway call, so two concurrent refunds can never exceed the payment; each
 * carries a `refund_order_id` so a retry after a lost answer finds it instead of refunding twice.
 */
@Injectable()
export class RefundsService {
  private readonly flow: HeldOperationFlow<RefundEntity, GatewayRefund>;

  constructor(
    tx: TransactionRunner,
    payments: PaymentsService,
    repository: PaymentsRepository,
    gateway: OrdersGateway,
    outbox: OutboxWriter,
    rows: RefundsRepository,
  ) {
    this.flow = new HeldOperationFlow(refundPolicy(rows, gateway, payments), {
      tx,
      payments: repository,
      gateway,
      outbox,
      logger: new Logger('Refunds'),
    });
  }

  async refund(
    clientId: string,
    key: string,
    paymentId: string,
    input: HeldInput,
  ): Promise<{ refund: RefundResource; replayed: boolean }> {
    const { row, replayed } = await this.flow.run(clientId, key, paymentId, input);
    return { refund: toRefundResource(row), replayed };
  }

  async list(paymentId: string): Promise<RefundResource[]> {
    return (await this.flow.list(paymentId)).map(toRefundResource);
  }
}
