import type { EventSource, PaymentStatus } from '../lifecycle/payment-status.js';

/**
 * What the payments domain reports for monitoring. The application binds an implementation
 * (Prometheus); the default does nothing, so the domain never depends on a metrics library.
 */
export abstract class PaymentsObserver {
  /** A create request finished: the payment's status, or the error code the caller got. */
  abstract paymentCreated(outcome: string): void;
  abstract transition(
    from: PaymentStatus | null,
    to: PaymentStatus,
    source: EventSource,
    anomaly: boolean,
  ): void;
  /** One call to MultiSafepay: `outcome` is `ok` or the domain error code. */
  abstract gatewayCall(operation: string, seconds: number, outcome: string): void;
  abstract notification(method: 'GET' | 'POST', outcome: string): void;
  /** One event delivery attempt: `channel` webhook or amqp; `outcome` delivered, retry or failed. */
  abstract eventDelivery(channel: string, outcome: string): void;
  abstract reconcilerRun(report: {
    claimed: number;
    changed: number;
    expired: number;
    failed: number;
  }): void;
  /** Retention deleted `rows` rows of `table`. */
  abstract pruned(table: string, rows: number): void;
}

export class NoopPaymentsObserver extends PaymentsObserver {
  paymentCreated(): void {}
  transition(): void {}
  gatewayCall(): void {}
  notification(): void {}
  eventDelivery(): void {}
  reconcilerRun(): void {}
  pruned(): void {}
}
