import type { NotificationMethod } from '../gateway/orders.gateway.js';

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
}
