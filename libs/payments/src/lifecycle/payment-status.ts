/**
 * Our payment statuses: `created` (row written before the gateway call), `unknown` (the call's
 * outcome is not known), then MultiSafepay's own order statuses.
 */
export const PAYMENT_STATUSES = [
  'created',
  'unknown',
  'initialized',
  'uncleared',
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
