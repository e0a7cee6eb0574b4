import type { Event } from '@app/client';

/** The event catalogue; the compiler checks it against the API's (openapi.json) both ways. */
const CATALOGUE = {
  'payment.initialized': true,
  'payment.uncleared': true,
  'payment.authorized': true,
  'payment.reserved': true,
  'payment.completed': true,
  'payment.declined': true,
  'payment.cancelled': true,
  'payment.void': true,
  'payment.expired': true,
  'payment.refunded': true,
  'payment.partial_refunded': true,
  'payment.chargedback': true,
  'payment.captured': true,
  'refund.succeeded': true,
  'refund.failed': true,
  'capture.succeeded': true,
  'capture.failed': true,
  'saved_card.created': true,
  'saved_card.deleted': true,
} as const satisfies Record<Event['type'], true>;

export const EVENT_TYPES = Object.keys(CATALOGUE) as Event['type'][];
