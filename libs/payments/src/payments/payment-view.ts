import type { NextAction, PaymentEntity, PaymentMetadata } from '../entities/payment.entity.js';
import type { PaymentEventEntity } from '../entities/payment-event.entity.js';
import type { RecurringModel } from '../gateway/orders.gateway.js';
import type { EventSource, PaymentStatus } from '../lifecycle/payment-status.js';

/** The payment resource of the internal API (docs/design.md#internal-api); what replays return byte for byte. */
export interface PaymentView {
  id: string;
  orderId: string;
  status: PaymentStatus;
  amount: number;
  currency: string;
  description: string;
  card: {
    brand: string | null;
    last4: string | null;
    expiryMonth: number | null;
    expiryYear: number | null;
  };
  nextAction: NextAction | null;
  gateway: { transactionId: string | null; status: string | null };
  refundedAmount: number;
  /** Manual capture (docs/design.md#manual-capture); null for automatic capture. */
  capture: {
    mode: 'manual';
    /** What can still be captured: the authorization less what was captured; 0 once released. */
    capturableAmount: number;
    capturedAmount: number;
    /** When the authorization lapses; null until MultiSafepay has authorized it. */
    expiresAt: string | null;
  } | null;
  /** The card saved by this payment, or the saved card it paid with (docs/design.md#saved-cards); else null. */
  savedCard: {
    id: string;
    brand: string | null;
    last4: string | null;
    expiryMonth: number | null;
    expiryYear: number | null;
    model: RecurringModel;
  } | null;
  /**
   * The caller's customer id sent with the payment (`recurring.customerReference`, else
   * `customer.reference`); null when neither was given. Absent from answers replayed, and events
   * recorded, before it was added.
   */
  customerReference?: string | null;
  metadata: PaymentMetadata | null;
  createdAt: string;
  updatedAt: string;
}

export interface PaymentEventView {
  from: PaymentStatus | null;
  to: PaymentStatus;
  source: EventSource;
  anomaly: boolean;
  note: string | null;
  gatewayPayloadDigest: string | null;
  at: string;
}

export function toPaymentView(p: PaymentEntity): PaymentView {
  return {
    id: p.id,
    orderId: p.orderId,
    status: p.status,
    amount: p.amount,
    currency: p.currency,
    description: p.description,
    card: {
      brand: p.cardBrand,
      last4: p.cardLast4,
      expiryMonth: p.cardExpiryMonth,
      expiryYear: p.cardExpiryYear,
    },
    nextAction: p.nextAction,
    gateway: { transactionId: p.gatewayTransactionId, status: p.gatewayStatus },
    refundedAmount: p.refundedAmount,
    capture:
      p.captureMode === 'manual'
        ? {
            mode: 'manual',
            capturableAmount: p.status === 'authorized' ? p.amount - p.capturedAmount : 0,
            capturedAmount: p.capturedAmount,
            expiresAt: p.captureExpiresAt?.toISOString() ?? null,
          }
        : null,
    savedCard:
      p.savedCardId && p.recurringModel
        ? {
            id: p.savedCardId,
            brand: p.cardBrand,
            last4: p.cardLast4,
            expiryMonth: p.cardExpiryMonth,
            expiryYear: p.cardExpiryYear,
            model: p.recurringModel,
          }
        : null,
    customerReference: p.customerReference,
    metadata: p.metadata,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function toPaymentEventView(e: PaymentEventEntity): PaymentEventView {
  return {
    from: e.fromStatus,
    to: e.toStatus,
    source: e.source,
    anomaly: e.anomaly,
    note: e.note,
    gatewayPayloadDigest: e.gatewayPayloadDigest,
    at: e.at.toISOString(),
  };
}
