import { PaymentEntity } from '../entities/payment.entity.js';
import type { PaymentPatch } from './payment-lifecycle.service.js';
import type { PaymentStatus } from './payment-status.js';
import type { TransactionRunner } from './transaction-runner.js';

/**
 * Hand-written SQL for the hot paths (create, read, notification): one statement each, no
 * query builder, no hydration through metadata. Everything else uses TypeORM.
 */

/** Every column of `payments`, in the shape `paymentFromRow` reads. */
export const PAYMENT_COLUMNS =
  'id, order_id, client_id, amount, currency, description, status, gateway_transaction_id, ' +
  'gateway_status, card_brand, card_last4, card_expiry_month, card_expiry_year, next_action, ' +
  'refunded_amount, capture_mode, captured_amount, capture_expires_at, notification_method, metadata, ' +
  'customer_reference, recurring_model, saved_card_id, ' +
  'reconcile_after, version, event_sequence, created_at, updated_at';

export interface PaymentRow {
  id: string;
  order_id: string;
  client_id: string;
  amount: number;
  currency: string;
  description: string;
  status: PaymentStatus;
  gateway_transaction_id: string | null;
  gateway_status: string | null;
  card_brand: string | null;
  card_last4: string | null;
  card_expiry_month: number | null;
  card_expiry_year: number | null;
  next_action: PaymentEntity['nextAction'];
  refunded_amount: number;
  capture_mode: PaymentEntity['captureMode'];
  captured_amount: number;
  capture_expires_at: Date | null;
  notification_method: PaymentEntity['notificationMethod'];
  metadata: PaymentEntity['metadata'];
  customer_reference: string | null;
  recurring_model: PaymentEntity['recurringModel'];
  saved_card_id: string | null;
  reconcile_after: Date | null;
  version: number;
  event_sequence: number;
  created_at: Date;
  updated_at: Date;
}

export function paymentFromRow(row: PaymentRow): PaymentEntity {
  return Object.assign(new PaymentEntity(), {
    id: row.id,
    orderId: row.order_id,
    clientId: row.client_id,
    amount: row.amount,
    currency: row.currency,
    description: row.description,
    status: row.status,
    gatewayTransactionId: row.gateway_transaction_id,
    gatewayStatus: row.gateway_status,
    cardBrand: row.card_brand,
    cardLast4: row.card_last4,
    cardExpiryMonth: row.card_expiry_month,
    cardExpiryYear: row.card_expiry_year,
    nextAction: row.next_action,
    refundedAmount: row.refunded_amount,
    captureMode: row.capture_mode,
    capturedAmount: row.captured_amount,
    captureExpiresAt: row.capture_expires_at,
    notificationMethod: row.notification_method,
    metadata: row.metadata,
    customerReference: row.customer_reference,
    recurringModel: row.recurring_model,
    savedCardId: row.saved_card_id,
    reconcileAfter: row.reconcile_after,
    version: row.version,
    eventSequence: row.event_sequence,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** One payment by primary key or order id, as a prepared statement; null if there is none. */
export async function selectPayment(
  tx: TransactionRunner,
  column: 'id' | 'order_id',
  value: string,
): Promise<PaymentEntity | null> {
  const rows = await tx.statement<PaymentRow>(
    `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE ${column} = $1`,
    [value],
  );
  return rows[0] ? paymentFromRow(rows[0]) : null;
}

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

/** Adds a value to a statement's parameters and returns its placeholder (`$1`, `$2`, …). */
export type Param = (value: unknown) => string;

export class SqlParams {
  readonly values: unknown[] = [];

  readonly add: Param = (value) => {
    this.values.push(value);
    return `$${this.values.length}`;
  };
}
