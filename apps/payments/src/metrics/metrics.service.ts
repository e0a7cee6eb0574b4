import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The service's Prometheus metrics, on a registry of its own (one per app instance). */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
    registers: [this.registry],
  });

  readonly paymentsCreated = new Counter({
    name: 'payments_created_total',
    help: 'Create requests finished, by outcome (payment status, or the error code returned)',
    labelNames: ['outcome'],
    registers: [this.registry],
  });

  readonly transitions = new Counter({
    name: 'payment_transitions_total',
    help: 'Payment status moves by from, to, source; anomaly="true" for illegal moves recorded, not applied',
    labelNames: ['from', 'to', 'source', 'anomaly'],
    registers: [this.registry],
  });

  readonly gatewayDuration = new Histogram({
    name: 'msp_gateway_request_duration_seconds',
    help: 'Calls to MultiSafepay by operation and outcome (ok, msp_<error_code>, GATEWAY_TIMEOUT, GATEWAY_UNAVAILABLE)',
    labelNames: ['operation', 'outcome'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30],
    registers: [this.registry],
  });

  readonly gatewayErrors = new Counter({
    name: 'msp_gateway_errors_total',
    help: 'Failed calls to MultiSafepay by operation and outcome',
    labelNames: ['operation', 'outcome'],
    registers: [this.registry],
  });

  readonly notifications = new Counter({
    name: 'webhook_notifications_total',
    help: 'MultiSafepay notifications by method and outcome (refused ones too: bad_signature, unknown_order, rate_limited, not_allowed)',
    labelNames: ['method', 'outcome'],
    registers: [this.registry],
  });

  readonly reconcilerRuns = new Counter({
    name: 'reconciler_runs_total',
    help: 'Reconciler passes',
    registers: [this.registry],
  });

  readonly reconciled = new Counter({
    name: 'reconciler_payments_total',
    help: 'Payments the reconciler re-read, by result (claimed, changed, expired, failed)',
    labelNames: ['result'],
    registers: [this.registry],
  });

  readonly eventDeliveries = new Counter({
    name: 'event_deliveries_total',
    help: 'Event delivery attempts by channel (webhook, amqp) and outcome (delivered, retry, failed)',
    labelNames: ['channel', 'outcome'],
    registers: [this.registry],
  });

  /** Read at scrape time from the database; see `measureEventsBacklog`. */
  private eventsBacklog: (() => Promise<number>) | undefined;

  readonly eventsOldestPending = new Gauge({
    name: 'events_oldest_pending_age_seconds',
    help: 'Age of the oldest event a destination still waits for (0: none)',
    registers: [this.registry],
    collect: async () => {
      if (this.eventsBacklog) this.eventsOldestPending.set(await this.eventsBacklog());
    },
  });

  /** How to measure the events backlog (bound by the events API module at start-up). */
  measureEventsBacklog(source: () => Promise<number>): void {
    this.eventsBacklog = source;
  }

  private oldestOpenPayment: (() => Promise<number>) | undefined;

  readonly paymentsOldestOpen = new Gauge({
    name: 'payments_oldest_open_age_seconds',
    help: 'Seconds since the least recently moved open payment (created, unknown, initialized, uncleared) changed (0: none)',
    registers: [this.registry],
    collect: async () => {
      if (this.oldestOpenPayment) this.paymentsOldestOpen.set(await this.oldestOpenPayment());
    },
  });

  /** How to measure the oldest open payment (bound by the payments API module at start-up). */
  measureOldestOpenPayment(source: () => Promise<number>): void {
    this.oldestOpenPayment = source;
  }

  private readiness: (() => Promise<boolean>) | undefined;

  readonly healthReady = new Gauge({
    name: 'health_ready',
    help: 'Whether this replica is ready (the /health/ready check, run at scrape time): 1 or 0',
    registers: [this.registry],
    collect: async () => {
      if (this.readiness) this.healthReady.set((await this.readiness()) ? 1 : 0);
    },
  });

  /** How to check readiness (bound by the health module at start-up). */
  measureReadiness(source: () => Promise<boolean>): void {
    this.readiness = source;
  }

  readonly pruned = new Counter({
    name: 'retention_pruned_rows_total',
    help: 'Rows deleted by retention, by table',
    labelNames: ['table'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
