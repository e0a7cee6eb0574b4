import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PaymentNotFoundError } from '../errors/common.errors.js';
import { PaymentEventEntity } from '../entities/payment-event.entity.js';
import { PaymentEntity } from '../entities/payment.entity.js';
import type { EventSource, PaymentStatus } from './payment-status.js';
import { PaymentsObserver } from '../observability/payments.observer.js';
import { TransactionRunner } from './transaction-runner.js';
import { checkTransitionTable, isLegalTransition, TRANSITIONS } from './transition-table.js';

/** Fields a transition may update together with the status. */
export type PaymentPatch = Partial<
  Pick<
    PaymentEntity,
    | 'gatewayTransactionId'
    | 'gatewayStatus'
    | 'cardBrand'
    | 'cardLast4'
    | 'cardExpiryMonth'
    | 'cardExpiryYear'
    | 'nextAction'
    | 'refundedAmount'
  >
>;

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
}

export type TransitionOutcome =
  | { kind: 'applied'; payment: PaymentEntity; event: PaymentEventEntity }
  | { kind: 'noop'; payment: PaymentEntity }
  | { kind: 'anomaly'; payment: PaymentEntity; event: PaymentEventEntity };

/**
 * The only code that changes a payment's `status`. Each call locks the row (`FOR UPDATE`), so
 * concurrent deliveries for one payment serialise, and writes the status and its history row in
 * the caller's transaction. Same-state moves are no-ops; illegal moves are recorded, not forced.
 */
@Injectable()
export class PaymentLifecycleService implements OnModuleInit {
  private readonly logger = new Logger('PaymentLifecycle');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly observer: PaymentsObserver,
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
    to: PaymentStatus,
    context: TransitionContext,
  ): Promise<TransitionOutcome> {
    return this.tx.run((manager) => this.transitionIn(manager, paymentId, to, context));
  }

  async transitionIn(
    manager: EntityManager,
    paymentId: string,
    to: PaymentStatus,
    context: TransitionContext,
  ): Promise<TransitionOutcome> {
    const payment = await manager.findOne(PaymentEntity, {
      where: { id: paymentId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!payment) throw new PaymentNotFoundError(paymentId);
    const from = payment.status;
    const patch = typeof context.patch === 'function' ? context.patch(payment) : context.patch;
    const extraNote = context.noteFor?.(payment) ?? null;
    const note = [context.note, extraNote].filter(Boolean).join('; ') || null;

    if (from === to) {
      if (patch && this.changes(payment, patch)) await this.write(manager, payment, patch);
      return { kind: 'noop', payment };
    }

    if (!isLegalTransition(from, to)) {
      this.logger.warn(
        { paymentId, from, to, source: context.source },
        `anomaly: illegal move ${from} → ${to} from ${context.source} recorded, not applied`,
      );
      const event = await this.appendEvent(manager, payment, from, to, { ...context, note }, true);
      this.observer.transition(from, to, context.source, true);
      return { kind: 'anomaly', payment, event };
    }

    await this.write(manager, payment, { ...patch, status: to });
    const event = await this.appendEvent(manager, payment, from, to, { ...context, note }, false);
    this.observer.transition(from, to, context.source, false);
    return { kind: 'applied', payment, event };
  }

  /** One UPDATE of the locked row (no read-before-write), bumping its version. */
  private async write(
    manager: EntityManager,
    payment: PaymentEntity,
    changes: PaymentPatch & { status?: PaymentStatus },
  ): Promise<void> {
    const version = payment.version + 1;
    const updatedAt = new Date();
    await manager.update(PaymentEntity, { id: payment.id }, { ...changes, version, updatedAt });
    Object.assign(payment, changes, { version, updatedAt });
  }

  /** Records the first event of a new payment (from nothing to `created`). */
  async recordCreation(
    manager: EntityManager,
    payment: PaymentEntity,
    source: EventSource,
  ): Promise<void> {
    await this.appendEvent(manager, payment, null, payment.status, { source }, false);
  }

  private changes(payment: PaymentEntity, patch: PaymentPatch): boolean {
    return Object.entries(patch).some(
      ([key, value]) =>
        JSON.stringify(payment[key as keyof PaymentPatch]) !== JSON.stringify(value),
    );
  }

  private async appendEvent(
    manager: EntityManager,
    payment: PaymentEntity,
    from: PaymentStatus | null,
    to: PaymentStatus,
    context: Pick<TransitionContext, 'source' | 'payloadDigest'> & { note?: string | null },
    anomaly: boolean,
  ): Promise<PaymentEventEntity> {
    const event = manager.create(PaymentEventEntity, {
      paymentId: payment.id,
      fromStatus: from,
      toStatus: to,
      source: context.source,
      anomaly,
      note: context.note ?? null,
      gatewayPayloadDigest: context.payloadDigest ?? null,
    });
    await manager.insert(PaymentEventEntity, event);
    return event;
  }
}
