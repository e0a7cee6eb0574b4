/**
 * Our payment statuses: `created` (row written before the gateway call), `unknown` (the call's
 * outcome is not known), `authorized` (a manual-capture order whose money is held, not yet
 * taken: MultiSafepay says `completed` with `financial_status: initialized`), then MultiSafepay's
 * own order statuses.
 */
export const PAYMENT_STATUSES = [
  'created',
  'unknown',
  'initialized',
  'uncleared',
  'authorized',
  'reserved',
  'completed',
  'declined',
  'cancelled',
  'void',
  'expired',
  'refunded',
  'partial_refunded',
  'chargedback',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const EVENT_SOURCES = ['api', 'notification', 'refresh', 'reconciler'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];
