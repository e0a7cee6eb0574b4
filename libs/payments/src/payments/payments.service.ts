import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PaymentNotFoundError } from '../errors/common.errors.js';
import { PaymentsError } from '../errors/payments.error.js';
import { PaymentEventEntity } from '../entities/payment-event.entity.js';
import type { NotificationOutcome } from '../entities/notification.entity.js';
import type { PaymentEntity } from '../entities/payment.entity.js';
import { GatewayOrderNotFoundError } from '../gateway/gateway.errors.js';
import { OrdersGateway, type GatewayOrder } from '../gateway/orders.gateway.js';
import {
  PaymentLifecycleService,
  type TransitionContext,
  type TransitionOutcome,
  type WrittenAlone,
  type WrittenWith,
} from '../lifecycle/payment-lifecycle.service.js';
import { PaymentsRepository, type PaymentsFilter } from '../lifecycle/payments.repository.js';
import type { EventSource } from '../lifecycle/payment-status.js';
import { NOT_YET_AT_GATEWAY } from '../lifecycle/transition-table.js';
import { TransactionRunner } from '../lifecycle/transaction-runner.js';
import { digestOf, patchFrom, statusOf } from './gateway-order.mapper.js';
import { SavedCardsService, type TokenToSave } from '../saved-cards/saved-cards.service.js';
import {
  toPaymentEventView,
  toPaymentView,
  type PaymentEventView,
  type PaymentView,
} from './payment-view.js';

export interface ListPaymentsQuery extends Omit<PaymentsFilter, 'afterId'> {
  limit: number;
  cursor?: string;
}

/** A notification MultiSafepay (or anyone) sent about a payment, as recorded on arrival. */
export interface PaymentNotificationView {
  id: string;
  receivedAt: string;
  method: 'GET' | 'POST';
  /** The order id it named: the payment's, or one of its captures'. */
  orderId: string | null;
  /** POST: whether the signature verified; null for GET, which carries none. */
  signatureOk: boolean | null;
  outcome: NotificationOutcome;
  note: string | null;
  /** The sender's address as the edge saw it (IPv6: its /64). */
  source: string | null;
}

export class InvalidCursorError extends PaymentsError {
  readonly code = 'VALIDATION_FAILED';

  constructor() {
    super('cursor is not one this API returned', [{ field: 'cursor', messages: ['is invalid'] }]);
  }
}

/**
 * Payments as they are: reads, lists, and applying what MultiSafepay says about an order (its
 * answer, a notification, a refresh). Status changes always go through PaymentLifecycleService.
 * Creation is PaymentCreationService's.
 */
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger('PaymentsService');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly lifecycle: PaymentLifecycleService,
    private readonly gateway: OrdersGateway,
    private readonly savedCards: SavedCardsService,
    private readonly repository: PaymentsRepository,
  ) {}

  async get(id: string): Promise<PaymentView> {
    return toPaymentView(await this.find(id));
  }

  async events(id: string): Promise<PaymentEventView[]> {
    await this.find(id);
    const rows = await this.tx.read((m) =>
      m.find(PaymentEventEntity, { where: { paymentId: id }, order: { seq: 'ASC' } }),
    );
    return rows.map(toPaymentEventView);
  }

  /**
   * The notifications received for the payment's order and its captures' orders, oldest first
   * (the latest 500; they are kept NOTIFICATIONS_RETENTION_DAYS). Refused ones are included with
   * their verdict, as far as the audit kept a row for them.
   */
  async notifications(id: string): Promise<PaymentNotificationView[]> {
    const payment = await this.find(id);
    const rows = await this.tx.statement<{
      id: string;
      received_at: Date;
      method: 'GET' | 'POST';
      order_id: string | null;
      signature_ok: boolean | null;
      outcome: NotificationOutcome;
      note: string | null;
      source: string | null;
    }>(
      `SELECT * FROM (
         SELECT id, received_at, method, order_id, signature_ok, outcome, note, source
         FROM notifications
         WHERE order_id IN (SELECT $1::varchar UNION ALL
                            SELECT capture_order_id FROM captures WHERE payment_id = $2::uuid)
         ORDER BY received_at DESC, id DESC LIMIT 500) latest
       ORDER BY received_at, id`,
      [payment.orderId, payment.id],
    );
    return rows.map((r) => ({
      id: r.id,
      receivedAt: new Date(r.received_at).toISOString(),
      method: r.method,
      orderId: r.order_id,
      signatureOk: r.signature_ok,
      outcome: r.outcome,
      note: r.note,
      source: r.source,
    }));
  }

  async list(
    query: ListPaymentsQuery,
  ): Promise<{ data: PaymentView[]; nextCursor: string | null }> {
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const { limit, cursor: _cursor, ...filter } = query;
    const rows = await this.repository.page({ ...filter, afterId: after?.id }, limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      data: page.map(toPaymentView),
      nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    };
  }

  /**
   * Seconds since the open payment (created, unknown, initialized, uncleared) that moved least
   * recently last changed; 0 when none is open. What the reconciler should be resolving: a large
   * value means a payment is stuck.
   */
  oldestOpenAgeSeconds(): Promise<number> {
    return this.repository.oldestOpenAgeSeconds();
  }

  /** Re-reads the order from MultiSafepay now and applies it. */
  async refresh(id: string, source: EventSource = 'refresh'): Promise<PaymentView> {
    const payment = await this.find(id);
    let order: GatewayOrder;
    try {
      order = await this.gateway.getOrder(payment.orderId);
    } catch (error) {
      // MultiSafepay never received it: nothing to apply yet (the creator or reconciler retries).
      if (
        error instanceof GatewayOrderNotFoundError &&
        NOT_YET_AT_GATEWAY.includes(payment.status)
      ) {
        return toPaymentView(payment);
      }
      throw error;
    }
    const outcome = await this.tx.run((m) => this.applyIn(m, payment.id, order, source));
    return toPaymentView(outcome.payment);
  }

  /** Applies an order read from (or sent by) MultiSafepay, inside the caller's transaction. */
  async applyIn(
    manager: EntityManager,
    paymentId: string,
    order: GatewayOrder,
    source: EventSource,
    note?: string,
  ): Promise<TransitionOutcome> {
    const token = await this.savedCards.prepare(order, manager);
    return this.lifecycle.transitionIn(
      manager,
      paymentId,
      (current) => statusOf(order, current),
      this.contextOf(order, source, note, token),
    );
  }

  /**
   * Applies an order to `current`, a row read without a lock, in one statement together with
   * `writtenWith`; null when the row changed meanwhile (then use `applyIn` under a lock).
   */
  async tryApply(
    current: PaymentEntity,
    order: GatewayOrder,
    source: EventSource,
    note: string | undefined,
    writtenWith: WrittenWith,
    writtenAlone?: WrittenAlone,
  ): Promise<TransitionOutcome | null> {
    const token = await this.savedCards.prepare(order);
    return this.lifecycle.tryTransition(
      current,
      (row) => statusOf(order, row),
      this.contextOf(order, source, note, token),
      writtenWith,
      writtenAlone,
    );
  }

  private contextOf(
    order: GatewayOrder,
    source: EventSource,
    note: string | undefined,
    token: TokenToSave | null,
  ): TransitionContext {
    let warned = false;
    return {
      source,
      payloadDigest: digestOf(order),
      note: note ?? null,
      // A first payment approved with MultiSafepay's token saves the card in the same move.
      patch: (current) => {
        const savedCardId = this.savedCards.savedCardIdFor(
          token,
          current,
          statusOf(order, current),
        );
        return { ...patchFrom(order, current), ...(savedCardId ? { savedCardId } : {}) };
      },
      alsoWrites: token
        ? (p, before, after) => this.savedCards.writesFor(p, token, before, after)
        : undefined,
      // Called on every (re-)plan of the move: warn once per context.
      noteFor: (current) => {
        if (order.amount === current.amount && order.currency === current.currency) return null;
        const mismatch = `MultiSafepay reports ${order.amount} ${order.currency}, we hold ${current.amount} ${current.currency}`;
        if (!warned) this.logger.warn({ paymentId: current.id }, mismatch);
        warned = true;
        return mismatch;
      },
    };
  }

  findById(id: string): Promise<PaymentEntity | null> {
    return this.repository.findById(id);
  }

  findByOrderId(orderId: string): Promise<PaymentEntity | null> {
    return this.repository.findByOrderId(orderId);
  }

  private async find(id: string): Promise<PaymentEntity> {
    const payment = await this.repository.findById(id);
    if (!payment) throw new PaymentNotFoundError(id);
    return payment;
  }
}

function encodeCursor(p: PaymentEntity): string {
  return Buffer.from(`${p.createdAt.toISOString()}|${p.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new InvalidCursorError();
  }
  return { createdAt, id };
}
