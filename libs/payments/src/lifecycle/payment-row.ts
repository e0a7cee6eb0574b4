import { PaymentEntity } from '../entities/payment.entity.js';
import type { PaymentStatus } from './payment-status.js';

/**
 * A `payments` row as the hand-written SQL reads it (PaymentsRepository), and its mapping to the
 * entity: no hydration through TypeORM's metadata on the hot paths. A test holds the mapping
 * against TypeORM's. The bench's read floor runs the same column list.
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
