import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PaymentEntity } from '../entities/payment.entity.js';
import { SqlParams, type Param } from '../sql/sql.js';
import { MOVED } from './move-statement.js';
import type { PaymentPatch } from './payment-patch.js';
import { PAYMENT_COLUMNS, paymentFromRow, type PaymentRow } from './payment-row.js';
import type { EventSource, PaymentStatus } from './payment-status.js';
import { TransactionRunner } from './transaction-runner.js';

/**
 * The SQL of the `payments` table and of its history, `payment_events` (ADR 0005): hand-written
 * for the hot paths (create, read, notification), one statement each, no query builder, no
 * hydration through metadata. The row mapping is checked against TypeORM's by a test.
 */

/** The columns a transition may set, with how each value is sent. */
const PATCH_COLUMNS: Record<keyof PaymentPatch | 'status', { column: string; json?: true }> = {
  status: { column: 'status' },
  gatewayTransactionId: { column: 'gateway_transaction_id' },
  gatewayStatus: { column: 'gateway_status' },
  cardBrand: { column: 'card_brand' },
  cardLast4: { column: 'card_last4' },
  cardExpiryMonth: { column: 'card_expiry_month' },
  cardExpiryYear: { column: 'card_expiry_year' },
  nextAction: { column: 'next_action', json: true },
  refundedAmount: { column: 'refunded_amount' },
  capturedAmount: { column: 'captured_amount' },
  captureExpiresAt: { column: 'capture_expires_at' },
  savedCardId: { column: 'saved_card_id' },
};

/** `column = $n` pairs for a patch; values are always parameters. */
export function patchAssignments(
  patch: PaymentPatch & { status?: PaymentStatus },
  param: Param,
): string[] {
  return Object.entries(patch)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      const spec = PATCH_COLUMNS[key as keyof typeof PATCH_COLUMNS];
      return spec.json
        ? `${spec.column} = ${param(value === null ? null : JSON.stringify(value))}::jsonb`
        : `${spec.column} = ${param(value)}`;
    });
}

/** The history row of a move from `from` (a CTE or table yielding the payment's `id`). */
export function historyInsert(
  p: Param,
  from: string,
  row: {
    fromStatus: PaymentStatus;
    toStatus: PaymentStatus;
    source: EventSource;
    anomaly: boolean;
    note: string | null;
    payloadDigest: string | null;
  },
): string {
  return `INSERT INTO payment_events (payment_id, from_status, to_status, source, anomaly, note, gateway_payload_digest)
       SELECT id, ${p(row.fromStatus)}, ${p(row.toStatus)}, ${p(row.source)}, ${row.anomaly},
         ${p(row.note)}, ${p(row.payloadDigest)} FROM ${from}`;
}

/** A one-row source of the payment's id, for an anomaly's history row (nothing moved). */
export function paymentIdSource(p: Param, paymentId: string): string {
  return `(SELECT ${p(paymentId)}::uuid AS id) AS target`;
}

/**
 * The move's UPDATE, as the CTE `moved` (MOVE_CTES): it matches only while the row still has
 * `version`, so it yields no row when the payment changed since it was read.
 */
export function movedCte(
  p: Param,
  paymentId: string,
  version: number,
  assignments: string[],
): string {
  return `${MOVED} AS (UPDATE payments SET ${assignments.join(', ')}
         WHERE id = ${p(paymentId)} AND version = ${p(version)} RETURNING id)`;
}

/**
 * The `created` payment and its first history row, as CTEs (`created`, then `created_history`)
 * inserting only if `from` yields a row, whose `payment_id` becomes the payment's id: the
 * Idempotency-Key's claim (IdempotencyKeysRepository.claim). `created` returns the row's
 * `created_at` and `updated_at`, the columns the database fills in.
 */
export function createdPaymentCtes(p: Param, from: string, payment: PaymentEntity): string[] {
  return [
    `created AS (
             INSERT INTO payments (id, order_id, client_id, amount, currency, description, status,
               card_brand, card_last4, card_expiry_month, card_expiry_year, notification_method,
               metadata, refunded_amount, capture_mode, customer_reference, recurring_model,
               saved_card_id, version)
             SELECT payment_id, ${p(payment.orderId)}::varchar, ${p(payment.clientId)}::varchar, ${p(payment.amount)}::int,
               ${p(payment.currency)}::char(3), ${p(payment.description)}::varchar, 'created', ${p(payment.cardBrand)}::varchar,
               ${p(payment.cardLast4)}::char(4), ${p(payment.cardExpiryMonth)}::smallint, ${p(payment.cardExpiryYear)}::smallint,
               ${p(payment.notificationMethod)}::varchar, ${p(payment.metadata === null ? null : JSON.stringify(payment.metadata))}::jsonb, 0,
               ${p(payment.captureMode)}::varchar, ${p(payment.customerReference)}::varchar,
               ${p(payment.recurringModel)}::varchar, ${p(payment.savedCardId)}::varchar, 1
             FROM ${from}
             RETURNING id, created_at, updated_at
           )`,
    `created_history AS (
             INSERT INTO payment_events (payment_id, to_status, source)
             SELECT id, 'created', 'api' FROM created
           )`,
  ];
}

/** The unique index a second payment with the same order id violates. */
export const ORDER_ID_UNIQUE = 'uq_payments_order_id';

/** Filters of a page of payments, newest first (GET /v1/payments). */
export interface PaymentsFilter {
  orderId?: string;
  /** Our id, the orderId, MultiSafepay's transaction id, or the card's last 4 digits. */
  q?: string;
  status?: PaymentStatus;
  createdFrom?: Date;
  createdTo?: Date;
  /** The id of the last row of the previous page. */
  afterId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads of `payments` outside a move (the moves are PaymentLifecycleService's, through the
 * statement parts above), as named prepared statements.
 */
@Injectable()
export class PaymentsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  findById(id: string): Promise<PaymentEntity | null> {
    return this.selectOne('id', id);
  }

  findByOrderId(orderId: string): Promise<PaymentEntity | null> {
    return this.selectOne('order_id', orderId);
  }

  /** The row as the caller's transaction sees it; null if there is none. */
  async findIn(manager: EntityManager, id: string): Promise<PaymentEntity | null> {
    const rows: PaymentRow[] = await manager.query(
      `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE id = $1`,
      [id],
    );
    return rows[0] ? paymentFromRow(rows[0]) : null;
  }

  /** The row under `FOR UPDATE`, in the caller's transaction; null if there is none. */
  async lockIn(manager: EntityManager, id: string): Promise<PaymentEntity | null> {
    const rows: PaymentRow[] = await manager.query(
      `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ? paymentFromRow(rows[0]) : null;
  }

  /**
   * Up to `limit` payments matching `filter`, newest first; `id` breaks ties so a cursor never
   * skips or repeats a row.
   */
  async page(filter: PaymentsFilter, limit: number): Promise<PaymentEntity[]> {
    const sql = new SqlParams();
    const p = sql.add;
    const where: string[] = [];
    if (filter.orderId !== undefined) where.push(`order_id = ${p(filter.orderId)}`);
    if (filter.status !== undefined) where.push(`status = ${p(filter.status)}`);
    if (filter.q !== undefined) where.push(searchCondition(filter.q, p));
    if (filter.createdFrom) where.push(`created_at >= ${p(filter.createdFrom)}`);
    if (filter.createdTo) where.push(`created_at < ${p(filter.createdTo)}`);
    // The cursor row's own created_at (microseconds; a JS Date only keeps milliseconds).
    if (filter.afterId !== undefined) {
      where.push(
        `(created_at, id) < (SELECT created_at, id FROM payments WHERE id = ${p(filter.afterId)}::uuid)`,
      );
    }
    const rows = await this.tx.statement<PaymentRow>(
      `SELECT ${PAYMENT_COLUMNS} FROM payments
         ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY created_at DESC, id DESC LIMIT ${p(limit)}`,
      sql.values,
    );
    return rows.map(paymentFromRow);
  }

  /**
   * Seconds since the open payment (created, unknown, initialized, uncleared) that moved least
   * recently last changed; 0 when none is open (ix_payments_open_updated_at answers it).
   */
  async oldestOpenAgeSeconds(): Promise<number> {
    const rows = await this.tx.statement<{ age: number | null }>(
      `SELECT extract(epoch FROM now() - min(updated_at))::float8 AS age
       FROM payments WHERE status IN ('created', 'unknown', 'initialized', 'uncleared')`,
      [],
    );
    return Math.max(0, rows[0]?.age ?? 0);
  }

  private async selectOne(column: 'id' | 'order_id', value: string): Promise<PaymentEntity | null> {
    const rows = await this.tx.statement<PaymentRow>(
      `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE ${column} = $1`,
      [value],
    );
    return rows[0] ? paymentFromRow(rows[0]) : null;
  }
}

/**
 * One search term against every identifier an operator may hold. Each alternative has its own
 * index (the primary key, uq_payments_order_id, uq_payments_gateway_transaction_id,
 * ix_payments_card_last4_created_at), so PostgreSQL answers it with a bitmap OR of index scans.
 */
function searchCondition(q: string, p: Param): string {
  const term = p(q);
  const alternatives = [`order_id = ${term}`, `gateway_transaction_id = ${term}`];
  if (UUID.test(q)) alternatives.push(`id = ${term}::uuid`);
  if (/^\d{4}$/.test(q)) alternatives.push(`card_last4 = ${term}`);
  return `(${alternatives.join(' OR ')})`;
}
