import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PaymentNotFoundError } from '../errors/common.errors.js';
import { PaymentEntity } from '../entities/payment.entity.js';
import type { EventSource, PaymentStatus } from './payment-status.js';
import { PaymentsObserver } from '../observability/payments.observer.js';
import { paymentEventType } from '../events/event-types.js';
import { Outbox, type NewEvent } from '../events/outbox.js';
import { toPaymentView } from '../payments/payment-view.js';
import { TransactionRunner } from './transaction-runner.js';
import { checkTransitionTable, isLegalTransition, TRANSITIONS } from './transition-table.js';
import { SqlParams, type Param } from '../sql/sql.js';
import { MOVED, MOVE_CTES, WRITTEN_WITH_MOVE } from './move-statement.js';
import type { PaymentPatch } from './payment-patch.js';
import {
  historyInsert,
  movedCte,
  patchAssignments,
  paymentIdSource,
  PaymentsRepository,
} from './payments.repository.js';

/** Optimistic tries before taking the row lock (each conflict costs one re-read). */
const OPTIMISTIC_ATTEMPTS = 3;

export type { PaymentPatch } from './payment-patch.js';

export interface TransitionContext {
  source: EventSource;
  /** SHA-256 hex of the gateway payload behind this move, if any. */
  payloadDigest?: string | null;
  note?: string | null;
  /**
   * Applied with a legal move or a same-state no-op; never with an illegal one. A function gets
   * the locked row, so callers derive the patch from the current state without reading it twice.
   */
  patch?: PaymentPatch | ((current: PaymentEntity) => PaymentPatch);
  /** Extra note from the locked row (e.g. a mismatch the caller detects). */
  noteFor?: (current: PaymentEntity) => string | null;
  /**
   * Rows that belong to the move (a card it saved, docs/design.md#saved-cards), written in its statement: CTEs
   * that must write only `WHERE ${WRITTEN_WITH_MOVE}` (move-statement.ts), and events to go out with it.
   * Called for a move that writes the payment row, with the row before and after.
   */
  alsoWrites?: (p: Param, before: PaymentEntity, after: PaymentEntity) => AlsoWrites | null;
}

/** What `TransitionContext.alsoWrites` adds to a move's statement. */
export interface AlsoWrites {
  ctes: string[];
  events: NewEvent[];
}

/**
 * Where a move goes: a status, or a function of the row as it is when the move is planned (a
 * gateway order's meaning can depend on the payment: `completed` is `authorized` for a
 * manual-capture payment whose money is not yet taken).
 */
export type TransitionTarget = PaymentStatus | ((current: PaymentEntity) => PaymentStatus);

export type TransitionOutcome =
  | { kind: 'applied'; payment: PaymentEntity }
  | { kind: 'noop'; payment: PaymentEntity }
  | { kind: 'anomaly'; payment: PaymentEntity };

/**
 * A write that must happen in the same statement as an optimistic move (the notification's audit
 * row, the idempotent answer). Returns the body of a data-modifying CTE (`INSERT … SELECT … WHERE
 * guard`, `UPDATE … WHERE … AND guard`); `guard` is true only if the move itself was written.
 */
export type WrittenWith = (param: Param, guard: string, outcome: TransitionOutcome) => string;

/**
 * The same write for a no-op that changes nothing, when there is no move to be atomic with: the
 * caller writes it its own way (the notifications' audit rows go out grouped, see GroupWriter).
 */
export type WrittenAlone = (outcome: TransitionOutcome) => Promise<void>;

/** What a move does, decided from one state of the row. */
type Plan = { to: PaymentStatus } & (
  | { kind: 'noop'; changes: PaymentPatch | null }
  | { kind: 'applied'; changes: PaymentPatch & { status: PaymentStatus }; note: string | null }
  | { kind: 'anomaly'; note: string | null }
);

/**
 * The only code that changes a payment's `status`. Two ways to move, same plan and the same
 * statement (`execute`): `transitionIn` locks the row (`FOR UPDATE`) in the caller's
 * transaction; `tryTransition` writes from a row read earlier, guarded by its `version`, and
 * re-reads and re-plans if the row changed meanwhile. Either way each move writes the status and
 * its history row atomically; same-state moves are no-ops; illegal moves are recorded, not
 * forced.
 */
@Injectable()
export class PaymentLifecycleService implements OnModuleInit {
  private readonly logger = new Logger('PaymentLifecycle');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly observer: PaymentsObserver,
    private readonly outbox: Outbox,
    private readonly payments: PaymentsRepository,
  ) {}

  onModuleInit(): void {
    const problems = checkTransitionTable(TRANSITIONS);
    if (problems.length > 0) {
      throw new Error(`The payment transition table is invalid:\n${problems.join('\n')}`);
    }
  }

  /** Runs `transitionIn` in a transaction of its own. */
  transition(
    paymentId: string,
    to: TransitionTarget,
    context: TransitionContext,
  ): Promise<TransitionOutcome> {
    return this.tx.run((manager) => this.transitionIn(manager, paymentId, to, context));
  }

  async transitionIn(
    manager: EntityManager,
    paymentId: string,
    to: TransitionTarget,
    context: TransitionContext,
  ): Promise<TransitionOutcome> {
    const current = await this.payments.lockIn(manager, paymentId);
    if (!current) throw new PaymentNotFoundError(paymentId);
    const outcome = await this.execute(
      (text, values) => manager.query(text, values),
      () => this.tx.afterCommit(manager, () => this.outbox.committed()),
      current,
      context,
      this.plan(current, to, context),
    );
    // Under the row lock the version cannot have moved.
    if (outcome === 'stale') throw new Error(`payment ${paymentId} changed under its row lock`);
    return outcome;
  }

  /**
   * Moves `current` (read without a lock) in one statement: the UPDATE only matches while the
   * row still has `current.version`, and the history row and `writtenWith` depend on it. When
   * the row changed meanwhile nothing is written: the row is read again and the move re-planned
   * from it, a few times. Returns null when the caller must take the locked path instead (an
   * anomaly, which `transitionIn` records, or a row that keeps changing). A no-op with nothing
   * to change writes only `writtenWith`, or calls `writtenAlone` instead when given.
   */
  async tryTransition(
    current: PaymentEntity,
    to: TransitionTarget,
    context: TransitionContext,
    writtenWith?: WrittenWith,
    writtenAlone?: WrittenAlone,
  ): Promise<TransitionOutcome | null> {
    let row = current;
    for (let attempt = 1; attempt <= OPTIMISTIC_ATTEMPTS; attempt += 1) {
      const plan = this.plan(row, to, context);
      if (plan.kind === 'anomaly') return null;
      const outcome = await this.execute(
        (text, values) => this.tx.statement(text, values),
        () => this.outbox.committed(),
        row,
        context,
        plan,
        writtenWith,
        writtenAlone,
      );
      if (outcome !== 'stale') return outcome;
      const fresh = await this.payments.findById(row.id);
      if (!fresh) throw new PaymentNotFoundError(row.id);
      row = fresh;
    }
    return null;
  }

  /**
   * Writes `plan` (made from `current`) in one statement: the UPDATE matches only while the
   * row still has `current.version`, and the history row, the event (docs/design.md#events) and `writtenWith`
   * depend on it ('stale' when it did not match). An anomaly writes its history row only; a
   * no-op with nothing to change writes only `writtenWith` (through `writtenAlone` when given).
   * `deliveriesWritten` is called once the event's deliveries were written (it arranges the
   * relay's wake-up after the commit).
   */
  private async execute(
    run: (text: string, values: unknown[]) => Promise<unknown[]>,
    deliveriesWritten: () => void,
    current: PaymentEntity,
    context: TransitionContext,
    plan: Plan,
    writtenWith?: WrittenWith,
    writtenAlone?: WrittenAlone,
  ): Promise<TransitionOutcome | 'stale'> {
    const to = plan.to;
    const sql = new SqlParams();
    const history = (from: string, anomaly: boolean, note: string | null): string =>
      historyInsert(sql.add, from, {
        fromStatus: current.status,
        toStatus: to,
        source: context.source,
        anomaly,
        note,
        payloadDigest: context.payloadDigest ?? null,
      });
    if (plan.kind === 'anomaly' || (plan.kind === 'noop' && !plan.changes)) {
      const outcome: TransitionOutcome = { kind: plan.kind, payment: current };
      const ctes: string[] = [];
      if (plan.kind === 'anomaly') {
        this.warnAnomaly(current.id, current.status, to, context.source);
        ctes.push(
          `${MOVE_CTES.history} AS (${history(paymentIdSource(sql.add, current.id), true, plan.note)})`,
        );
      }
      if (plan.kind === 'noop' && writtenAlone) {
        await writtenAlone(outcome);
        return outcome;
      }
      if (writtenWith) ctes.push(`${MOVE_CTES.also} AS (${writtenWith(sql.add, 'TRUE', outcome)})`);
      if (ctes.length > 0) await run(`WITH ${ctes.join(',\n')} SELECT 1`, sql.values);
      if (plan.kind === 'anomaly') {
        this.observer.transition(current.status, to, context.source, true);
      }
      return outcome;
    }
    const changes = plan.changes ?? {};
    const eventType = plan.kind === 'applied' ? paymentEventType(to) : null;
    const payment = Object.assign(new PaymentEntity(), current, changes, {
      version: current.version + 1,
      updatedAt: new Date(),
      eventSequence: current.eventSequence + (eventType ? 1 : 0),
    });
    const outcome: TransitionOutcome = { kind: plan.kind, payment };
    const assignments = [
      ...patchAssignments(changes, sql.add),
      `version = ${sql.add(payment.version)}`,
      `updated_at = ${sql.add(payment.updatedAt)}`,
      ...(eventType ? [`event_sequence = ${sql.add(payment.eventSequence)}`] : []),
    ];
    const ctes = [movedCte(sql.add, current.id, current.version, assignments)];
    if (plan.kind === 'applied') {
      ctes.push(`${MOVE_CTES.history} AS (${history(MOVED, false, plan.note)})`);
    }
    const also = context.alsoWrites?.(sql.add, current, payment) ?? null;
    if (also) ctes.push(...also.ctes);
    const events: NewEvent[] = [
      ...(eventType
        ? [
            {
              type: eventType,
              paymentId: current.id,
              sequence: payment.eventSequence,
              object: toPaymentView(payment),
            },
          ]
        : []),
      ...(also?.events ?? []),
    ];
    let deliveries = '0';
    if (events.length > 0) {
      const writes = this.outbox.writes(sql.add, MOVED, events);
      ctes.push(...writes.ctes);
      deliveries = writes.deliveries;
    }
    if (writtenWith) {
      ctes.push(`${MOVE_CTES.also} AS (${writtenWith(sql.add, WRITTEN_WITH_MOVE, outcome)})`);
    }
    const rows = (await run(
      `WITH ${ctes.join(',\n')}
       SELECT (SELECT count(*)::int FROM ${MOVED}) AS moved, ${deliveries} AS deliveries`,
      sql.values,
    )) as { moved: number; deliveries: number }[];
    if (rows[0]?.moved !== 1) return 'stale';
    if (plan.kind === 'applied') {
      this.observer.transition(current.status, to, context.source, false);
    }
    if ((rows[0]?.deliveries ?? 0) > 0) deliveriesWritten();
    return outcome;
  }

  /** The move from `current` to `target`: pure, the same for both ways of writing it. */
  private plan(current: PaymentEntity, target: TransitionTarget, context: TransitionContext): Plan {
    const to = typeof target === 'function' ? target(current) : target;
    const patch = typeof context.patch === 'function' ? context.patch(current) : context.patch;
    const extraNote = context.noteFor?.(current) ?? null;
    if (current.status === to) {
      return { to, kind: 'noop', changes: patch && this.changes(current, patch) ? patch : null };
    }
    const note = [context.note, extraNote].filter(Boolean).join('; ') || null;
    if (!isLegalTransition(current.status, to)) return { to, kind: 'anomaly', note };
    return { to, kind: 'applied', changes: { ...patch, status: to }, note };
  }

  private warnAnomaly(
    paymentId: string,
    from: PaymentStatus,
    to: PaymentStatus,
    source: EventSource,
  ): void {
    this.logger.warn(
      { paymentId, from, to, source },
      `anomaly: illegal move ${from} → ${to} from ${source} recorded, not applied`,
    );
  }

  private changes(payment: PaymentEntity, patch: PaymentPatch): boolean {
    return Object.entries(patch).some(
      ([key, value]) =>
        JSON.stringify(payment[key as keyof PaymentPatch]) !== JSON.stringify(value),
    );
  }
}
