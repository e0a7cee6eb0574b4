import type { Schema } from '@app/client';

type PaymentStatus = Schema<'PaymentResponseDto'>['status'];

/** Statuses in words, for people; the API's value is always shown beside them. */
export const PAYMENT_STATUS_WORDS: Record<PaymentStatus, string> = {
  created: 'Created, not yet sent',
  unknown: 'Outcome unknown',
  initialized: 'Awaiting the shopper (3-D Secure)',
  uncleared: 'Under review',
  authorized: 'Authorized, awaiting capture',
  reserved: 'Reserved',
  completed: 'Paid',
  declined: 'Declined',
  cancelled: 'Cancelled',
  void: 'Cancelled (void)',
  expired: 'Expired',
  refunded: 'Refunded',
  partial_refunded: 'Partially refunded',
  chargedback: 'Charged back',
};

export const PAYMENT_STATUSES = Object.keys(PAYMENT_STATUS_WORDS) as PaymentStatus[];

const OTHER_WORDS: Record<string, string> = {
  // refunds
  pending: 'Pending',
  reserved: 'Accepted by MultiSafepay',
  failed: 'Failed',
  // captures and deliveries
  succeeded: 'Succeeded',
  // webhook endpoints
  enabled: 'Enabled',
  disabled: 'Disabled',
  // notifications
  applied: 'Applied',
  noop: 'Nothing new',
  anomaly: 'Anomaly (recorded, not applied)',
  unknown_order: 'Unknown order',
  bad_signature: 'Refused: bad signature',
  invalid: 'Refused: invalid',
  coalesced: 'Answered by a read under way',
  // sources of a status change
  api: 'our API call',
  notification: 'a MultiSafepay notification',
  refresh: 'a refresh from MultiSafepay',
  reconciler: 'the reconciler',
};

/** A status of anything the console shows, in words (the API value when it has none). */
export function statusWords(value: string, kind: 'payment' | 'other' = 'other'): string {
  if (kind === 'payment' && value in PAYMENT_STATUS_WORDS)
    return PAYMENT_STATUS_WORDS[value as PaymentStatus];
  return OTHER_WORDS[value] ?? value;
}
