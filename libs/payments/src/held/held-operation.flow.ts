import type { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { DeepPartial, EntityManager } from 'typeorm';
import type { PaymentEntity } from '../entities/payment.entity.js';
import { PaymentNotFoundError } from '../errors/common.errors.js';
import type { PaymentsError } from '../errors/payments.error.js';
import type { EventType } from '../events/event-types.js';
import type { OutboxWriter } from '../events/outbox-writer.js';
import { gatewayCallFailure } from '../gateway/gateway.errors.js';
import {
  readOrderIfExists,
  type GatewayOrder,
  type OrdersGateway,
} from '../gateway/orders.gateway.js';
import type { PaymentsRepository } from '../lifecycle/payments.repository.js';
import type { TransactionRunner } from '../lifecycle/transaction-runner.js';
import { IdempotencyKeyReusedError } from '../payments/payments.errors.js';
import type { HeldRow, HeldRowsRepository } from './held-rows.repository.js';

/** What a caller asks of a refund or a capture: an amount (all that is left if absent). */
export interface HeldInput {
  amount?: number;
  description?: string;
}

/**
 * A row that holds its amount longer than this while `pending` belongs to a request that died:
 * younger, to one still running, and a retry with its key is told to wait.
 */
export const IN_PROGRESS_MS = 30_000;

/** A row's status move, with the columns that go with it. */
export type HeldPatch<R extends HeldRow> = Partial<R> & { status: R['status'] };

/**
 * What makes a refund a refund and a capture a capture: what the payment allows, how
 * MultiSafepay is asked and answers, and how the payment settles afterwards.
 * `Done` is MultiSafepay's answer to the call.
 */
export interface HeldOperationPolicy<R extends HeldRow, Done> {
  /** `refund` or `capture`: in logs. */
  readonly name: string;
  readonly rows: HeldRowsRepository<R>;
  /** Statuses whose amount counts as taken or on its way. */
  readonly holding: readonly R['status'][];
  /** Row outcomes other services hear about (docs/design.md#events). */
  readonly events: Partial<Record<R['status'], EventType>>;
  /** The row as events show it. */
  view(row: R): unknown;
  /** The parts of a request that make two requests with one key the same. */
  fingerprint(paymentId: string, input: HeldInput): unknown[];
  /** The answer to a retry while the first request with its key still runs. */
  inProgress(): PaymentsError;
  /** Refuses a payment that allows none of this (its status, an expired authorization). */
  check(payment: PaymentEntity): void;
  /** What is left to take of the payment, given what its rows hold. */
  available(payment: PaymentEntity, held: number): number;
  /** The answer to an amount below 1 or above what is left. */
  exceeds(amount: number, available: number): PaymentsError;
  /** The columns of a new row beyond the shared ones: its own order id at MultiSafepay. */
  newRow(): DeepPartial<R>;
  /** The call to MultiSafepay. */
  call(payment: PaymentEntity, row: R): Promise<Done>;
  /** After a lost answer: the operation as the order lists it, if the earlier attempt got there. */
  foundIn(order: GatewayOrder, row: R, payment: PaymentEntity): Done | undefined;
  /**
   * In one transaction: the row's success (through `move`) and the payment settled from the
   * order read after the call (absent when that read failed), in the order the policy needs.
   */
  succeed(
    m: EntityManager,
    payment: PaymentEntity,
    row: R,
    done: Done,
    order: GatewayOrder | undefined,
    move: (patch: HeldPatch<R>) => Promise<R>,
  ): Promise<R>;
}

export interface HeldOperationDeps {
  tx: TransactionRunner;
  payments: PaymentsRepository;
  gateway: OrdersGateway;
  outbox: OutboxWriter;
  logger: Logger;
}

/**
 * One flow for the twins, refunds and captures (docs/design.md#manual-capture): under the
 * payment's row lock, claim the caller's key and hold the amount against the payment, so
 * concurrent requests can never take more than it allows; call MultiSafepay with the row's own
 * order id, so a retry after a lost answer finds the operation instead of doing it twice; read
 * the order; move the row and settle the payment. A refusal is final (`failed`); any other error
 * leaves the row `unknown`, and a retry with the same key settles it.
 */
export class HeldOperationFlow<R extends HeldRow, Done> {
  constructor(
    private readonly policy: HeldOperationPolicy<R, Done>,
    private readonly deps: HeldOperationDeps,
  ) {}

  async run(
    clientId: string,
    key: string,
    paymentId: string,
    input: HeldInput,
  ): Promise<{ row: R; replayed: boolean }> {
    const requestHash = createHash('sha256')
      .update(JSON.stringify(this.policy.fingerprint(paymentId, input)))
      .digest('hex');
    const claim = await this.deps.tx.run((m) =>
      this.claim(m, clientId, key, paymentId, requestHash, input),
    );
    if (claim.replay) return { row: claim.row, replayed: true };
    return { row: await this.drive(claim.row, claim.fresh), replayed: false };
  }

  /** The payment's rows, oldest first. */
  async list(paymentId: string): Promise<R[]> {
    const rows = await this.deps.tx.run((m) => this.policy.rows.listOf(m, paymentId));
    if (!rows) throw new PaymentNotFoundError(paymentId);
    return rows;
  }

  private async claim(
    m: EntityManager,
    clientId: string,
    key: string,
    paymentId: string,
    requestHash: string,
    input: HeldInput,
  ): Promise<{ row: R; replay: boolean; fresh: boolean }> {
    const policy = this.policy;
    const payment = await this.deps.payments.lockIn(m, paymentId);
    if (!payment) throw new PaymentNotFoundError(paymentId);
    const existing = await policy.rows.findByKeyIn(m, clientId, key);
    if (existing) {
      if (existing.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
      // A pending row belongs to a request still running (or one that died: then `unknown` is
      // reached by the next retry once its answer is known to be lost).
      if (
        existing.status === 'pending' &&
        Date.now() - existing.updatedAt.getTime() < IN_PROGRESS_MS
      ) {
        throw policy.inProgress();
      }
      const settled = existing.status !== 'unknown' && existing.status !== 'pending';
      return { row: existing, replay: settled, fresh: false };
    }
    policy.check(payment);
    const held = await policy.rows.heldSumIn(m, paymentId, policy.holding);
    const available = policy.available(payment, held);
    const amount = input.amount ?? available;
    if (amount < 1 || amount > available) throw policy.exceeds(amount, available);
    const row = await policy.rows.insertIn(m, {
      ...policy.newRow(),
      paymentId,
      clientId,
      idempotencyKey: key,
      requestHash,
      amount,
      currency: payment.currency,
      description: input.description ?? null,
      status: 'pending',
      error: null,
    });
    return { row, replay: false, fresh: true };
  }

  private async drive(row: R, fresh: boolean): Promise<R> {
    const { tx, gateway, logger } = this.deps;
    const payment = await this.deps.payments.findById(row.paymentId);
    if (!payment) throw new PaymentNotFoundError(row.paymentId);
    try {
      let done: Done | undefined;
      // A retry first looks at MultiSafepay: the earlier attempt may have reached it.
      if (!fresh) {
        const order = await readOrderIfExists(gateway, payment.orderId);
        done = order ? this.policy.foundIn(order, row, payment) : undefined;
      }
      done ??= await this.policy.call(payment, row);
      const order = await gateway.getOrder(payment.orderId).catch(() => undefined);
      return await tx.run((m) =>
        this.policy.succeed(m, payment, row, done, order, (patch) => this.move(m, row.id, patch)),
      );
    } catch (error) {
      const outcome = gatewayCallFailure(error);
      if (outcome.status === 'unknown') {
        logger.warn(
          { [`${this.policy.name}Id`]: row.id, err: error },
          `${this.policy.name} outcome unknown; a retry with the same key settles it`,
        );
      }
      await tx.run((m) => this.move(m, row.id, outcome as HeldPatch<R>));
      throw error;
    }
  }

  /** The one place a row's status changes: the outcomes callers hear of write their event. */
  private async move(m: EntityManager, id: string, patch: HeldPatch<R>): Promise<R> {
    const row = await this.policy.rows.updateIn(m, id, patch);
    const type = this.policy.events[patch.status];
    if (type) await this.deps.outbox.appendIn(m, row.paymentId, type, this.policy.view(row));
    return row;
  }
}
