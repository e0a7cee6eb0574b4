import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { PaymentsError } from '../errors/payments.error.js';
import type { EntityManager } from 'typeorm';
import type { NotificationOutcome } from '../entities/notification.entity.js';
import type { RefusalReason } from '../entities/notification-refusal.entity.js';
import { SqlParams, type Param } from '../sql/sql.js';
import { PaymentEntity } from '../entities/payment.entity.js';
import { OrdersGateway, type GatewayOrder } from '../gateway/orders.gateway.js';
import type { TransitionOutcome } from '../lifecycle/payment-lifecycle.service.js';
import { TransactionRunner } from '../lifecycle/transaction-runner.js';
import { isLegalTransition } from '../lifecycle/transition-table.js';
import { statusOf } from '../payments/gateway-order.mapper.js';
import { PaymentsObserver } from '../observability/payments.observer.js';
import { PaymentsOptions } from '../payments/payments.options.js';
import { CapturesService } from '../captures/captures.service.js';
import { PaymentsService } from '../payments/payments.service.js';
import { GroupWriter } from './group-writer.js';
import { ReadCoalescer, type CoalescedRead } from './read-coalescer.js';
import { RefusalAudit, type RefusalCount } from './refusal-audit.js';

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
  /** The sender's address as the edge saw it (IPv6: its /64); null when unknown. */
  source: string | null;
}

const REFUSALS: ReadonlySet<NotificationOutcome> = new Set<RefusalReason & NotificationOutcome>([
  'bad_signature',
  'unknown_order',
]);

/** The audit row of one delivery. */
interface AuditRow {
  received: ReceivedNotification;
  paymentId: string | null;
  outcome: NotificationOutcome;
  note: string | null;
}

/**
 * Applies MultiSafepay's notifications (docs/design.md#multisafepay-notifications). Every delivery is recorded with its outcome,
 * in the same transaction as the change it caused, so "answered OK" implies "committed".
 * Deliveries that change nothing (no-ops, bad signatures, unknown orders) are recorded by
 * group commit: several concurrent deliveries' rows in one INSERT, each answered once its row is
 * committed. Refused ones (bad signatures, unknown orders) are counted per source, reason and
 * minute, and only the first few get a row each, so a flood does not grow the table.
 * Re-reads of an order are coalesced (ReadCoalescer): a flood of deliveries for one order costs
 * one MultiSafepay read per window.
 */
@Injectable()
export class NotificationsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private readonly audit = new GroupWriter<AuditRow>((rows) => this.insertAudit(rows));
  private readonly refusals: RefusalAudit;
  private readonly reads: ReadCoalescer;
  /** Lookups of a payment by order id in flight, shared by concurrent deliveries. */
  private readonly lookups = new Map<string, Promise<PaymentEntity | null>>();
  /** Payments with deliveries waiting for a read, by order id, with how many wait. */
  private readonly waiting = new Map<string, { payment: PaymentEntity; count: number }>();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly payments: PaymentsService,
    private readonly gateway: OrdersGateway,
    private readonly observer: PaymentsObserver,
    private readonly captures: CapturesService,
    options: PaymentsOptions,
  ) {
    this.refusals = new RefusalAudit(
      (counts) => this.insertRefusals(counts),
      options.refusedAuditRows,
    );
    this.reads = new ReadCoalescer(tx, {
      windowMs: options.rereadWindowMs,
      // One gateway call plus the database work around it, as for an Idempotency-Key.
      leaseMs: options.idempotencyLeaseMs,
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.refusals.flush();
  }

  /** Writes the refusal counts gathered so far (they are also written once a second). */
  flushRefusals(): Promise<void> {
    return this.refusals.flush();
  }

  /** GET carries no status: read the order from MultiSafepay, then apply it. */
  async handleGet(
    received: ReceivedNotification & { orderId: string },
  ): Promise<NotificationOutcome> {
    const payment = await this.findPayment(received.orderId);
    if (!payment) return this.captureOrder(received);
    return this.reread(received, payment, null);
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
    if (!payment) return this.captureOrder(received);
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
    return this.reread(
      received,
      payment,
      `payload said '${order.status}'; re-read from MultiSafepay`,
    );
  }

  /**
   * MultiSafepay also notifies each capture under the capture order's own id (our
   * `new_order_id`): what it says is about the authorization, so that order is re-read and
   * applied. Any other id is an unknown order.
   */
  private async captureOrder(
    received: ReceivedNotification & { orderId: string },
  ): Promise<NotificationOutcome> {
    const payment = await this.captures.paymentOfCaptureOrder(received.orderId);
    if (!payment) return this.recordAlone(received, null, 'unknown_order');
    return this.reread(received, payment, `capture order ${received.orderId} notified`);
  }

  /**
   * Records a delivery that changed nothing (bad signature, unknown order, invalid, coalesced).
   * A refused one gets a row of its own only below the per-minute threshold; it is counted in
   * any case.
   */
  async recordAlone(
    received: ReceivedNotification,
    paymentId: string | null,
    outcome: NotificationOutcome,
    note: string | null = null,
  ): Promise<NotificationOutcome> {
    this.observer.notification(received.method, outcome);
    if (REFUSALS.has(outcome) && !this.refusals.count(received.source, outcome as RefusalReason)) {
      return outcome;
    }
    if (outcome === 'unknown_order') {
      this.logger.warn(
        { orderId: received.orderId },
        'notification for an unknown order id, answered OK',
      );
    }
    await this.audit.add({ received, paymentId, outcome, note });
    return outcome;
  }

  /** A delivery the edge turned away before looking at it (rate limit, allowlist): counted only. */
  refused(received: ReceivedNotification, reason: 'rate_limited' | 'not_allowed'): void {
    this.observer.notification(received.method, reason);
    this.refusals.count(received.source, reason, false);
  }

  /**
   * The payment of an order id, from the deliveries already waiting for a read of it, or
   * sharing a lookup in flight: a flood of deliveries for one order costs next to no queries. The row may be a moment old, which applying allows
   * for (it re-checks the version). Only a found payment is shared: a miss is looked up again,
   * so a delivery can never take "unknown" from a lookup that began before its payment existed.
   */
  private async findPayment(orderId: string): Promise<PaymentEntity | null> {
    const known = this.waiting.get(orderId);
    if (known) return known.payment;
    const shared = this.lookups.get(orderId);
    if (shared) {
      const found = await shared;
      if (found) return found;
    }
    const lookup = this.payments.findByOrderId(orderId);
    if (!this.lookups.has(orderId)) {
      this.lookups.set(orderId, lookup);
      void lookup
        .catch(() => null)
        .finally(() => {
          if (this.lookups.get(orderId) === lookup) this.lookups.delete(orderId);
        });
    }
    return lookup;
  }

  /**
   * Reads the order and applies it, sharing the read with every delivery of the same order
   * that needs one at the same time (here or on another replica).
   */
  private async reread(
    received: ReceivedNotification,
    payment: PaymentEntity,
    note: string | null,
  ): Promise<NotificationOutcome> {
    const waiting = this.waiting.get(payment.orderId) ?? { payment, count: 0 };
    waiting.count += 1;
    this.waiting.set(payment.orderId, waiting);
    let result: CoalescedRead<NotificationOutcome>;
    try {
      result = await this.reads.need(payment.id, async () => {
        const order = await this.fetch(received, payment);
        return this.apply(received, payment, order, note);
      });
    } finally {
      waiting.count -= 1;
      if (waiting.count === 0) this.waiting.delete(payment.orderId);
    }
    switch (result.kind) {
      case 'led':
        return result.value;
      case 'shared':
        return this.recordAlone(received, payment.id, 'coalesced', note);
      case 'failed': {
        const reason = result.error instanceof Error ? result.error.message : 'unknown error';
        await this.recordAlone(received, payment.id, 'failed', `the shared read failed: ${reason}`);
        throw result.error;
      }
    }
  }

  private async insertRefusals(counts: RefusalCount[]): Promise<void> {
    await this.tx.statement(
      `INSERT INTO notification_refusals (minute, source, reason, refused)
       SELECT * FROM unnest($1::timestamptz[], $2::varchar[], $3::varchar[], $4::int[])
       ON CONFLICT (minute, source, reason)
       DO UPDATE SET refused = notification_refusals.refused + EXCLUDED.refused`,
      [
        counts.map((c) => c.minute),
        counts.map((c) => c.source),
        counts.map((c) => c.reason),
        counts.map((c) => c.refused),
      ],
    );
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
  return `INSERT INTO notifications (method, order_id, payment_id, signature_ok, payload_digest, source, outcome, note)
    SELECT * FROM unnest(${column((r) => r.received.method)}::varchar[],
      ${column((r) => r.received.orderId?.slice(0, 100) ?? null)}::varchar[],
      ${column((r) => r.paymentId)}::uuid[], ${column((r) => r.received.signatureOk)}::boolean[],
      ${column((r) => r.received.payloadDigest)}::char(64)[],
      ${column((r) => r.received.source?.slice(0, 64) ?? null)}::varchar[], ${column((r) => r.outcome)}::varchar[],
      ${column((r) => r.note?.replaceAll('\0', '') ?? null)}::text[])
    WHERE ${guard}`;
}
