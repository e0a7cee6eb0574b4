import { Injectable, Logger } from '@nestjs/common';
import { PaymentsError } from '../errors/payments.error.js';
import type { EntityManager } from 'typeorm';
import type { NotificationOutcome } from '../entities/notification.entity.js';
import { SqlParams, type Param } from '../lifecycle/payment-row.js';
import { PaymentEntity } from '../entities/payment.entity.js';
import { OrdersGateway, type GatewayOrder } from '../gateway/orders.gateway.js';
import type { TransitionOutcome } from '../lifecycle/payment-lifecycle.service.js';
import { TransactionRunner } from '../lifecycle/transaction-runner.js';
import { isLegalTransition } from '../lifecycle/transition-table.js';
import { statusOf } from '../payments/gateway-order.mapper.js';
import { PaymentsObserver } from '../observability/payments.observer.js';
import { PaymentsService } from '../payments/payments.service.js';
import { GroupWriter } from './group-writer.js';

export class InvalidNotificationError extends PaymentsError {
  readonly code = 'INVALID_NOTIFICATION';

  constructor(reason: string) {
    super(`The notification body is not a MultiSafepay order: ${reason}`);
  }
}

export interface ReceivedNotification {
  method: 'GET' | 'POST';
  /** The `transactionid` query parameter: our order id. */
  orderId: string | null;
  signatureOk: boolean | null;
  payloadDigest: string | null;
}

/** The audit row of one delivery. */
interface AuditRow {
  received: ReceivedNotification;
  paymentId: string | null;
  outcome: NotificationOutcome;
  note: string | null;
}

/**
 * Applies MultiSafepay's notifications (DESIGN §5). Every delivery is recorded with its outcome,
 * in the same transaction as the change it caused, so "answered OK" implies "committed".
 * Deliveries that change nothing (no-ops, bad signatures, unknown orders) are recorded by
 * group commit: several concurrent deliveries' rows in one INSERT, each answered once its row is
 * committed.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');
  private readonly audit = new GroupWriter<AuditRow>((rows) => this.insertAudit(rows));

  constructor(
    private readonly tx: TransactionRunner,
    private readonly payments: PaymentsService,
    private readonly gateway: OrdersGateway,
    private readonly observer: PaymentsObserver,
  ) {}

  /** GET carries no status: read the order from MultiSafepay, then apply it. */
  async handleGet(
    received: ReceivedNotification & { orderId: string },
  ): Promise<NotificationOutcome> {
    const payment = await this.payments.findByOrderId(received.orderId);
    if (!payment) return this.recordAlone(received, null, 'unknown_order');
    const order = await this.fetch(received, payment);
    return this.apply(received, payment, order, null);
  }

  /**
   * POST carries the order, already authenticated by the caller; `parse` reads it from the raw
   * body. A payload that would move the payment illegally may be stale (deliveries are retried
   * and can arrive out of order) or may conflict with what we hold: then the order is re-read and
   * the fresh copy is applied.
   */
  async handlePost(
    received: ReceivedNotification & { orderId: string },
    parse: () => GatewayOrder,
  ): Promise<NotificationOutcome> {
    const payment = await this.payments.findByOrderId(received.orderId);
    if (!payment) return this.recordAlone(received, null, 'unknown_order');
    let order: GatewayOrder;
    try {
      order = parse();
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unreadable';
      await this.recordAlone(received, payment.id, 'invalid', reason);
      throw new InvalidNotificationError(reason);
    }
    if (order.orderId !== received.orderId) {
      const reason = `order_id '${order.orderId}' differs from transactionid`;
      await this.recordAlone(received, payment.id, 'invalid', reason);
      throw new InvalidNotificationError(reason);
    }
    const to = statusOf(order, payment);
    if (payment.status === to || isLegalTransition(payment.status, to)) {
      return this.apply(received, payment, order, null);
    }
    const fresh = await this.fetch(received, payment);
    return this.apply(
      received,
      payment,
      fresh,
      `payload said '${order.status}'; re-read from MultiSafepay`,
    );
  }

  /** Records a delivery that changed nothing (bad signature, unknown order, invalid). */
  async recordAlone(
    received: ReceivedNotification,
    paymentId: string | null,
    outcome: NotificationOutcome,
    note: string | null = null,
  ): Promise<NotificationOutcome> {
    if (outcome === 'unknown_order') {
      this.logger.warn(
        { orderId: received.orderId },
        'notification for an unknown order id, answered OK',
      );
    }
    await this.audit.add({ received, paymentId, outcome, note });
    this.observer.notification(received.method, outcome);
    return outcome;
  }

  /** One statement for a batch of audit rows: atomic without a transaction of its own. */
  private async insertAudit(rows: AuditRow[]): Promise<void> {
    const sql = new SqlParams();
    await this.tx.statement(recordSql(sql.add, 'TRUE', rows), sql.values);
  }

  private async fetch(
    received: ReceivedNotification,
    payment: Pick<PaymentEntity, 'id' | 'orderId'>,
  ): Promise<GatewayOrder> {
    try {
      return await this.gateway.getOrder(payment.orderId);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await this.recordAlone(received, payment.id, 'failed', `could not read the order: ${reason}`);
      throw error;
    }
  }

  /**
   * Applies `order` and records the delivery in the same statement, from the row read on
   * arrival; if the payment moved since (or the move is an anomaly), again under the row lock.
   */
  private async apply(
    received: ReceivedNotification,
    current: PaymentEntity,
    order: GatewayOrder,
    note: string | null,
  ): Promise<NotificationOutcome> {
    const audit = (outcome: NotificationOutcome): AuditRow => ({
      received,
      paymentId: current.id,
      outcome,
      note,
    });
    const optimistic = await this.payments.tryApply(
      current,
      order,
      'notification',
      note ?? undefined,
      (p, guard, result) => recordSql(p, guard, [audit(result.kind)]),
      (result) => this.audit.add(audit(result.kind)),
    );
    const outcome =
      optimistic?.kind ??
      (await this.tx.run(async (m) => {
        const result: TransitionOutcome = await this.payments.applyIn(
          m,
          current.id,
          order,
          'notification',
          note ?? undefined,
        );
        await this.record(m, received, current.id, result.kind, note);
        return result.kind;
      }));
    this.observer.notification(received.method, outcome);
    return outcome;
  }

  private async record(
    m: EntityManager,
    received: ReceivedNotification,
    paymentId: string | null,
    outcome: NotificationOutcome,
    note: string | null,
  ): Promise<void> {
    const sql = new SqlParams();
    await m.query(recordSql(sql.add, 'TRUE', [{ received, paymentId, outcome, note }]), sql.values);
  }
}

/**
 * The audit rows of deliveries (one, or a group-committed batch), inserted only if `guard` holds.
 * Notes lose any NUL: PostgreSQL's text cannot hold one, and it must not fail the other rows.
 */
function recordSql(p: Param, guard: string, rows: AuditRow[]): string {
  const column = <V>(value: (row: AuditRow) => V): string => p(rows.map(value));
  return `INSERT INTO notifications (method, order_id, payment_id, signature_ok, payload_digest, outcome, note)
    SELECT * FROM unnest(${column((r) => r.received.method)}::varchar[],
      ${column((r) => r.received.orderId?.slice(0, 100) ?? null)}::varchar[],
      ${column((r) => r.paymentId)}::uuid[], ${column((r) => r.received.signatureOk)}::boolean[],
      ${column((r) => r.received.payloadDigest)}::char(64)[], ${column((r) => r.outcome)}::varchar[],
      ${column((r) => r.note?.replaceAll('\0', '') ?? null)}::text[])
    WHERE ${guard}`;
}
