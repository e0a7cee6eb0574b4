import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { PaymentEntity } from '../entities/payment.entity.js';
import { GatewayOrderNotFoundError } from '../gateway/gateway.errors.js';
import { OrdersGateway } from '../gateway/orders.gateway.js';
import { PaymentLifecycleService } from '../lifecycle/payment-lifecycle.service.js';
import { AWAITING_STATUSES } from '../lifecycle/transition-table.js';
import type { PaymentStatus } from '../lifecycle/payment-status.js';
import { TransactionRunner } from '../lifecycle/transaction-runner.js';
import { PaymentsObserver } from '../observability/payments.observer.js';
import { PaymentsOptions } from '../payments/payments.options.js';
import { PaymentsService } from '../payments/payments.service.js';
import { RetentionService } from '../retention/retention.service.js';

export interface ReconcileReport {
  claimed: number;
  changed: number;
  expired: number;
  failed: number;
}

const BATCH = 50;

/**
 * Re-reads payments left open (created, unknown, initialized, uncleared) past `reconcileAfterMs`
 * and applies what MultiSafepay says, so a lost webhook or a crash never leaves one stuck.
 * Replicas share the work: a batch is claimed with `FOR UPDATE SKIP LOCKED` by pushing its
 * `reconcile_after` forward, so two replicas never re-read the same payment in one period.
 * The same schedule runs retention (RetentionService) after each pass.
 */
@Injectable()
export class ReconcilerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Reconciler');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<ReconcileReport> | undefined;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly payments: PaymentsService,
    private readonly lifecycle: PaymentLifecycleService,
    private readonly gateway: OrdersGateway,
    private readonly options: PaymentsOptions,
    private readonly observer: PaymentsObserver,
    private readonly retention: RetentionService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.reconcileIntervalMs <= 0) return;
    this.timer = setInterval(() => {
      void this.runOnce()
        .catch((error: unknown) => this.logger.error({ err: error }, 'reconciler run failed'))
        .then(() => this.retention.runOnce())
        .catch((error: unknown) => this.logger.error({ err: error }, 'retention pass failed'));
    }, this.options.reconcileIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass; concurrent calls in one process share the pass in progress. */
  runOnce(): Promise<ReconcileReport> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<ReconcileReport> {
    const report: ReconcileReport = { claimed: 0, changed: 0, expired: 0, failed: 0 };
    for (;;) {
      const batch = await this.claim();
      report.claimed += batch.length;
      for (const payment of batch) await this.reconcile(payment, report);
      if (batch.length < BATCH) break;
    }
    if (report.claimed > 0) this.logger.log(report, 'reconciler pass');
    this.observer.reconcilerRun(report);
    return report;
  }

  private claim(): Promise<
    { id: string; order_id: string; status: PaymentStatus; updated_at: Date }[]
  > {
    const olderThan = new Date(Date.now() - this.options.reconcileAfterMs);
    // Claimed rows are skipped until the next period, also by this replica.
    const until = new Date(Date.now() + Math.max(this.options.reconcileIntervalMs, 1000));
    return this.tx.run((m) =>
      m
        .query(
          `UPDATE payments SET reconcile_after = $1
           WHERE id IN (
             SELECT id FROM payments
             WHERE ((status = ANY($2) AND updated_at < $3)
                    OR (status = 'authorized' AND capture_expires_at <= now()))
               AND (reconcile_after IS NULL OR reconcile_after <= now())
             ORDER BY updated_at
             LIMIT ${BATCH}
             FOR UPDATE SKIP LOCKED)
           RETURNING id, order_id, status, updated_at`,
          [until, AWAITING_STATUSES, olderThan],
        )
        .then(
          (result: [unknown[], number] | unknown[]) =>
            // node-postgres returns [rows, count] for UPDATE … RETURNING through TypeORM
            (Array.isArray(result[0]) ? result[0] : result) as {
              id: string;
              order_id: string;
              status: PaymentStatus;
              updated_at: Date;
            }[],
        ),
    );
  }

  /**
   * An authorization past its expiry that MultiSafepay still reports open: the issuer may release
   * the money at any moment, and captures are refused from now on (docs/design.md#manual-capture), so it is expired.
   */
  private async expireLapsed(payment: PaymentEntity, report: ReconcileReport): Promise<void> {
    const expiresAt = payment.captureExpiresAt;
    if (payment.status !== 'authorized' || !expiresAt || expiresAt.getTime() > Date.now()) return;
    const outcome = await this.lifecycle.transition(payment.id, 'expired', {
      source: 'reconciler',
      note: `the authorization lapsed at ${expiresAt.toISOString()}`,
    });
    if (outcome.kind === 'applied') report.expired += 1;
  }

  private async reconcile(
    payment: { id: string; order_id: string; status: PaymentStatus; updated_at: Date },
    report: ReconcileReport,
  ): Promise<void> {
    try {
      const order = await this.gateway.getOrder(payment.order_id);
      const outcome = await this.tx.run((m) =>
        this.payments.applyIn(m, payment.id, order, 'reconciler'),
      );
      if (outcome.kind === 'applied') report.changed += 1;
      await this.expireLapsed(outcome.payment, report);
    } catch (error) {
      if (
        error instanceof GatewayOrderNotFoundError &&
        (payment.status === 'created' || payment.status === 'unknown') &&
        Date.now() - new Date(payment.updated_at).getTime() > this.options.abandonAfterMs
      ) {
        await this.lifecycle.transition(payment.id, 'expired', {
          source: 'reconciler',
          note: 'MultiSafepay never received the order',
        });
        report.expired += 1;
        return;
      }
      if (!(error instanceof GatewayOrderNotFoundError)) {
        report.failed += 1;
        this.logger.warn(
          { paymentId: payment.id, err: error },
          'could not reconcile; retried next period',
        );
      }
    }
  }
}
