import type { NotificationMethod } from '../gateway/orders.gateway.js';
import type { TokenCipher } from '../saved-cards/token-cipher.js';

/** Settings the application gives the payments domain (bound in PaymentsModule.forRootAsync). */
export abstract class PaymentsOptions {
  /** Absolute URL MultiSafepay calls: PUBLIC_BASE_URL + /webhooks/multisafepay. */
  abstract readonly notificationUrl: string;
  abstract readonly defaultNotificationMethod: NotificationMethod;
  /**
   * How long the request that owns an Idempotency-Key may work before a duplicate takes over:
   * longer than one gateway call (its timeout) plus the database work around it.
   */
  abstract readonly idempotencyLeaseMs: number;
  /** How often the reconciler runs; 0 turns it off. */
  abstract readonly reconcileIntervalMs: number;
  /** A payment still open (created, unknown, initialized, uncleared) this long is re-read. */
  abstract readonly reconcileAfterMs: number;
  /**
   * A `created`/`unknown` payment whose order MultiSafepay still does not know after this long
   * never reached it: it becomes `expired` (a card transaction expires after 1 h anyway).
   */
  abstract readonly abandonAfterMs: number;
  /**
   * Notification-triggered reads of one order start at least this far apart; deliveries in
   * between share the next read (docs/webhooks.md).
   */
  abstract readonly rereadWindowMs: number;
  /** Refused deliveries recorded with a row each, per source, reason and minute. */
  abstract readonly refusedAuditRows: number;
  /** An Idempotency-Key older than this is a fresh key again; retention deletes it. */
  abstract readonly idempotencyKeyTtlMs: number;
  /** Age past which notification audit rows (and refusal counts) are pruned. */
  abstract readonly notificationsRetentionMs: number;
  /** How events leave the service (docs/design.md#events). */
  abstract readonly events: EventsOptions;
  /** Seals saved cards' tokens at rest (TOKEN_ENCRYPTION_KEY, docs/design.md#saved-cards). */
  abstract readonly tokenCipher: TokenCipher;
}

export interface EventsOptions {
  /** Run the relay in this process (replicas share the work; API-only replicas may turn it off). */
  relay: boolean;
  /** LISTEN for other processes' events (a PostgreSQL server; the embedded one is polled). */
  listen: boolean;
  /** The relay's polling fallback. */
  pollIntervalMs: number;
  /** One webhook attempt: no 2xx answer within this is a failure. */
  webhookTimeoutMs: number;
  /** Requests in flight to one endpoint at most, across replicas. */
  endpointConcurrency: number;
  /** Delays before the 2nd, 3rd, … attempt (each jittered ±20%); then the delivery has failed. */
  retryScheduleMs: number[];
  /** An endpoint whose every attempt failed for this long is disabled. */
  disableAfterMs: number;
  /** Delivered events older than this are pruned (their deliveries with them). */
  retentionMs: number;
}
