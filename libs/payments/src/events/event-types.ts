import { PAYMENT_STATUSES, type PaymentStatus } from '../lifecycle/payment-status.js';

/** Statuses that are ours alone and never reported as events: see docs/events.md. */
const SILENT_STATUSES = ['created', 'unknown'] as const;
type ReportedStatus = Exclude<PaymentStatus, (typeof SILENT_STATUSES)[number]>;

export type PaymentEventType = `payment.${ReportedStatus}`;
export const PAYMENT_EVENT_TYPES = PAYMENT_STATUSES.filter(
  (s): s is ReportedStatus => !(SILENT_STATUSES as readonly string[]).includes(s),
).map((s): PaymentEventType => `payment.${s}`);

export const REFUND_EVENT_TYPES = ['refund.succeeded', 'refund.failed'] as const;
export type RefundEventType = (typeof REFUND_EVENT_TYPES)[number];

/** A capture's outcome (its resource), and the payment after money was captured. */
export const CAPTURE_EVENT_TYPES = [
  'payment.captured',
  'capture.succeeded',
  'capture.failed',
] as const;
export type CaptureEventType = (typeof CAPTURE_EVENT_TYPES)[number];

/** A customer's saved card (docs/design.md#saved-cards): its resource; `paymentId` is the payment that saved it. */
export const SAVED_CARD_EVENT_TYPES = ['saved_card.created', 'saved_card.deleted'] as const;
export type SavedCardEventType = (typeof SAVED_CARD_EVENT_TYPES)[number];

/** The catalogue (docs/events.md, and the OpenAPI document's event schema). */
export const EVENT_TYPES: readonly string[] = [
  ...PAYMENT_EVENT_TYPES,
  ...REFUND_EVENT_TYPES,
  ...CAPTURE_EVENT_TYPES,
  ...SAVED_CARD_EVENT_TYPES,
];
export type EventType = PaymentEventType | RefundEventType | CaptureEventType | SavedCardEventType;

/** The event a payment's move to `to` writes; null for our own statuses (`created`, `unknown`). */
export function paymentEventType(to: PaymentStatus): PaymentEventType | null {
  return (SILENT_STATUSES as readonly string[]).includes(to)
    ? null
    : (`payment.${to}` as PaymentEventType);
}
