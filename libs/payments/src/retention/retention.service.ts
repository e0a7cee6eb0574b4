import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { TransactionRunner } from '../lifecycle/transaction-runner.js';
import { PaymentsObserver } from '../observability/payments.observer.js';
import { PaymentsOptions } from '../payments/payments.options.js';

/**
 * One table's pruning: rows whose `column` is older than `maxAgeMs` go, `key` (the primary key's
 * columns) identifying them. `where` may narrow it (e.g. only delivered events); it must not take
 * parameters.
 */
export interface PruneTarget {
  table: string;
  key: readonly string[];
  column: string;
  maxAgeMs: (options: PaymentsOptions) => number;
  where?: string;
}

/**
 * What retention prunes (docs/operations.md gives the defaults). `payment_events` and
 * `payments` are never pruned: a payment's history is kept for good. Adding a table is one
 * entry here (with an index on its `column`).
 */
export const PRUNE_TARGETS: readonly PruneTarget[] = [
  {
    table: 'idempotency_keys',
    key: ['client_id', 'key'],
    column: 'created_at',
    maxAgeMs: (o) => o.idempotencyKeyTtlMs,
  },
  {
    table: 'notifications',
    key: ['id'],
    column: 'received_at',
    maxAgeMs: (o) => o.notificationsRetentionMs,
  },
  {
    table: 'notification_refusals',
    key: ['minute', 'source', 'reason'],
    column: 'minute',
    maxAgeMs: (o) => o.notificationsRetentionMs,
  },
  // Delivered events (docs/design.md#events): every destination has had it (or has given up on it).
  {
    table: 'events',
    key: ['id'],
    column: 'created_at',
    maxAgeMs: (o) => o.events.retentionMs,
    where:
      "NOT EXISTS (SELECT 1 FROM event_deliveries d WHERE d.event_id = events.id AND d.status = 'pending')",
  },
  // Coalescing state of orders no notification asked about for a day.
  {
    table: 'notification_reads',
    key: ['payment_id'],
    column: 'updated_at',
    maxAgeMs: () => 86_400_000,
  },
];

/** Rows deleted per statement: each batch is its own short transaction. */
const BATCH = 1_000;
/** Batches per table per pass, so one pass never runs for long; the next pass goes on. */
const MAX_BATCHES = 100;

export type PruneReport = Record<string, number>;

/**
 * Deletes rows past their retention (PRUNE_TARGETS), in batches of BATCH rows, each one
 * statement that locks only its own rows. Replicas share the work: `FOR UPDATE SKIP LOCKED`
 * makes two passes at the same moment take different rows instead of waiting for each other.
 * Run by the reconciler's scheduler after each reconciliation pass.
 */
@Injectable()
export class RetentionService implements OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private running: Promise<PruneReport> | undefined;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly options: PaymentsOptions,
    private readonly observer: PaymentsObserver,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** One pass over every target; concurrent calls in one process share the pass in progress. */
  runOnce(): Promise<PruneReport> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<PruneReport> {
    const report: PruneReport = {};
    for (const target of PRUNE_TARGETS) {
      let pruned = 0;
      for (let i = 0; i < MAX_BATCHES; i += 1) {
        const deleted = await this.pruneBatch(target);
        pruned += deleted;
        if (deleted < BATCH) break;
      }
      report[target.table] = pruned;
      if (pruned > 0) this.observer.pruned(target.table, pruned);
    }
    if (Object.values(report).some((n) => n > 0)) this.logger.log(report, 'retention pass');
    return report;
  }

  private async pruneBatch(target: PruneTarget): Promise<number> {
    const key = target.key.join(', ');
    const rows = await this.tx.statement<{ n: number }>(
      `WITH gone AS (
         DELETE FROM ${target.table} WHERE (${key}) IN (
           SELECT ${key} FROM ${target.table}
           WHERE ${target.column} < now() - $1::float8 * interval '1 millisecond'
             ${target.where ? `AND (${target.where})` : ''}
           LIMIT ${BATCH}
           FOR UPDATE SKIP LOCKED)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [target.maxAgeMs(this.options)],
    );
    return rows[0]?.n ?? 0;
  }
}
