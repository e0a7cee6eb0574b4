import { Injectable } from '@nestjs/common';
import { PaymentsObserver, type EventSource, type PaymentStatus } from '@app/payments';
import { MetricsService } from './metrics.service.js';

/** Feeds the payments domain's measurements into Prometheus. */
@Injectable()
export class PrometheusPaymentsObserver extends PaymentsObserver {
  constructor(private readonly metrics: MetricsService) {
    super();
  }

  paymentCreated(outcome: string): void {
    this.metrics.paymentsCreated.inc({ outcome });
  }

  transition(
    from: PaymentStatus | null,
    to: PaymentStatus,
    source: EventSource,
    anomaly: boolean,
  ): void {
    this.metrics.transitions.inc({ from: from ?? 'none', to, source, anomaly: String(anomaly) });
  }

  gatewayCall(operation: string, seconds: number, outcome: string): void {
    this.metrics.gatewayDuration.observe({ operation, outcome }, seconds);
    if (outcome !== 'ok') this.metrics.gatewayErrors.inc({ operation, outcome });
  }

  notification(method: 'GET' | 'POST', outcome: string): void {
    this.metrics.notifications.inc({ method, outcome });
  }

  eventDelivery(channel: string, outcome: string): void {
    this.metrics.eventDeliveries.inc({ channel, outcome });
  }

  reconcilerRun(report: {
    claimed: number;
    changed: number;
    expired: number;
    failed: number;
  }): void {
    this.metrics.reconcilerRuns.inc();
    for (const [result, count] of Object.entries(report)) {
      if (count > 0) this.metrics.reconciled.inc({ result }, count);
    }
  }

  pruned(table: string, rows: number): void {
    this.metrics.pruned.inc({ table }, rows);
  }
}
