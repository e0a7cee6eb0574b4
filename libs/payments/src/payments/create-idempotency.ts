import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PaymentEntity } from '../entities/payment.entity.js';
import { PaymentNotFoundError } from '../errors/common.errors.js';
import { ERROR_STATUS } from '../errors/error-status.js';
import { PaymentsError } from '../errors/payments.error.js';
import { ReplayedError } from '../errors/replayed.error.js';
import { GatewayRejectedError, type GatewayTokenNotFoundError } from '../gateway/gateway.errors.js';
import type { GatewayOrder } from '../gateway/orders.gateway.js';
import { PaymentLifecycleService } from '../lifecycle/payment-lifecycle.service.js';
import { ORDER_ID_UNIQUE, PaymentsRepository } from '../lifecycle/payments.repository.js';
import { TransactionRunner } from '../lifecycle/transaction-runner.js';
import type { SavedCardForPayment } from '../saved-cards/saved-cards.service.js';
import { isUniqueViolation, type Param } from '../sql/sql.js';
import { cardColumns, type CreatePaymentInput } from './create-payment-input.js';
import { IdempotencyKeysRepository } from './idempotency-keys.repository.js';
import { toPaymentView, type PaymentView } from './payment-view.js';
import { IdempotencyKeyReusedError, OrderIdExistsError } from './payments.errors.js';
import { PaymentsOptions } from './payments.options.js';
import { PaymentsService } from './payments.service.js';

/** A create request's rejections that are final answers, stored for its replays. */
export type Rejection = GatewayRejectedError | GatewayTokenNotFoundError;

/** An answer to a create request: what the first request answered, and every replay. */
export interface CreatePaymentResult {
  status: number;
  body: PaymentView;
  replayed: boolean;
}

type StoredAnswer =
  | { ok: true; payment: PaymentView }
  | { ok: false; error: { code: string; message: string; details?: unknown } };

/** Who a create request is for its key: the one that drives it, a replay, or a duplicate. */
export type Claim =
  | { role: 'leader'; payment: PaymentEntity; fresh: boolean }
  | { role: 'replay'; answer: StoredAnswer; status: number }
  | { role: 'wait' };

/**
 * The Idempotency-Key side of creation (docs/design.md#internal-api, ADR 0004): claiming a key
 * with the `created` payment, taking over a timed-out one, and the answers stored for replays
 * (applied with the move they report, in one statement when the row has not moved).
 */
@Injectable()
export class CreateIdempotency {
  private readonly logger = new Logger('PaymentCreation');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly keys: IdempotencyKeysRepository,
    private readonly repository: PaymentsRepository,
    private readonly payments: PaymentsService,
    private readonly lifecycle: PaymentLifecycleService,
    private readonly options: PaymentsOptions,
  ) {}

  /** Whether the key already holds its final answer. */
  hasAnswer(clientId: string, key: string): Promise<boolean> {
    return this.keys.hasAnswer(clientId, key, this.options.idempotencyKeyTtlMs);
  }

  async claim(
    clientId: string,
    key: string,
    requestHash: string,
    input: CreatePaymentInput,
    saved: SavedCardForPayment | undefined,
  ): Promise<Claim> {
    const payment = await this.insertClaim(clientId, key, requestHash, input, saved);
    if (payment) return { role: 'leader', payment, fresh: true };
    return this.tx.run(async (m) => {
      const row = await this.keys.lockIn(m, clientId, key);
      // Pruned meanwhile: the next attempt's insert creates it afresh. (A key that expired
      // since that insert is still treated as the old one: the TTL's edge, by milliseconds.)
      if (!row) return { role: 'wait' };
      if (row.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
      if (row.state === 'completed') {
        return {
          role: 'replay',
          answer: JSON.parse(row.responseBody ?? 'null') as StoredAnswer,
          status: row.responseStatus ?? 201,
        };
      }
      if (row.leaseUntil.getTime() > Date.now() || !row.paymentId) return { role: 'wait' };
      // The previous owner gave up (gateway timeout) or died: take over the same payment.
      await this.keys.leaseIn(
        m,
        clientId,
        key,
        new Date(Date.now() + this.options.idempotencyLeaseMs),
      );
      const current = await this.repository.findIn(m, row.paymentId);
      if (!current) throw new PaymentNotFoundError(row.paymentId);
      return { role: 'leader', payment: current, fresh: false };
    });
  }

  /**
   * The first request with a key: the key (leased to us), the `created` payment and its first
   * history row, in one statement. Null when the key already exists; an order id already taken
   * fails the whole statement, so the key is not kept either.
   */
  private async insertClaim(
    clientId: string,
    key: string,
    requestHash: string,
    input: CreatePaymentInput,
    saved: SavedCardForPayment | undefined,
  ): Promise<PaymentEntity | null> {
    const payment = Object.assign(new PaymentEntity(), {
      id: randomUUID(),
      orderId: input.orderId,
      clientId,
      amount: input.amount,
      currency: input.currency,
      description: input.description,
      status: 'created' as const,
      gatewayTransactionId: null,
      gatewayStatus: null,
      ...cardColumns(input, saved),
      nextAction: null,
      refundedAmount: 0,
      captureMode: input.captureMode ?? 'automatic',
      capturedAmount: 0,
      captureExpiresAt: null,
      notificationMethod: input.notificationMethod ?? this.options.defaultNotificationMethod,
      metadata: input.metadata ?? null,
      // What MultiSafepay gets as customer.reference (recurring's replaces the customer's).
      customerReference: input.recurring?.customerReference ?? input.customer?.reference ?? null,
      recurringModel: input.recurring?.model ?? null,
      savedCardId: saved?.card.id ?? null,
      reconcileAfter: null,
      version: 1,
      eventSequence: 0,
    });
    let row: { created_at: Date; updated_at: Date } | null;
    try {
      row = await this.keys.claim(
        {
          clientId,
          key,
          requestHash,
          leaseUntil: new Date(Date.now() + this.options.idempotencyLeaseMs),
          ttlMs: this.options.idempotencyKeyTtlMs,
        },
        payment,
      );
    } catch (error) {
      if (isUniqueViolation(error, ORDER_ID_UNIQUE)) throw new OrderIdExistsError(input.orderId);
      throw error;
    }
    if (!row) return null;
    return Object.assign(payment, { createdAt: row.created_at, updatedAt: row.updated_at });
  }

  /**
   * Applies the gateway's answer and stores the idempotent answer with it. First in one
   * statement from the row we hold; if a notification moved the payment meanwhile, again under
   * the row lock.
   */
  async complete(
    clientId: string,
    key: string,
    current: PaymentEntity,
    order: GatewayOrder | undefined,
  ): Promise<CreatePaymentResult> {
    const storeAnswer = (p: Param, guard: string, payment: PaymentEntity): string =>
      this.keys.answerSql(p, guard, clientId, key, JSON.stringify(answerOf(payment)));
    if (order) {
      const outcome = await this.payments.tryApply(
        current,
        order,
        'api',
        undefined,
        (p, guard, result) => storeAnswer(p, guard, result.payment),
      );
      if (outcome) return { status: 201, body: toPaymentView(outcome.payment), replayed: false };
    }
    return this.tx.run(async (m) => {
      let payment: PaymentEntity;
      if (order) {
        payment = (await this.payments.applyIn(m, current.id, order, 'api')).payment;
      } else {
        const found = await this.repository.findIn(m, current.id);
        if (!found) throw new PaymentNotFoundError(current.id);
        payment = found;
      }
      await this.keys.answerIn(m, clientId, key, JSON.stringify(answerOf(payment)));
      return { status: 201, body: toPaymentView(payment), replayed: false };
    });
  }

  /** A final refusal: the payment `declined`, the error stored as the key's answer. */
  async reject(clientId: string, key: string, paymentId: string, error: Rejection): Promise<void> {
    const answer: StoredAnswer = {
      ok: false,
      error: { code: error.code, message: error.message, details: error.details },
    };
    await this.tx.run(async (m) => {
      await this.lifecycle.transitionIn(m, paymentId, 'declined', {
        source: 'api',
        note:
          error instanceof GatewayRejectedError
            ? `MultiSafepay rejected the order: ${error.gatewayCode} ${error.gatewayMessage}`
            : 'MultiSafepay keeps no such token for the customer (1000)',
      });
      await this.keys.rejectIn(
        m,
        clientId,
        key,
        ERROR_STATUS[error.code] ?? 502,
        JSON.stringify(answer),
      );
    });
  }

  /**
   * Anything else: the outcome is unknown. The payment becomes `unknown` (unless a webhook or
   * the reconciler settled it meanwhile) and the lease is released, so the next retry with this
   * key takes over at once.
   */
  async markUnknown(
    clientId: string,
    key: string,
    paymentId: string,
    cause: unknown,
  ): Promise<void> {
    const reason = cause instanceof PaymentsError ? cause.code : 'INTERNAL_ERROR';
    if (!(cause instanceof PaymentsError)) {
      this.logger.error({ err: cause, paymentId }, 'unexpected failure while creating the order');
    }
    try {
      await this.tx.run(async (m) => {
        // A webhook or the reconciler may have settled it meanwhile: then nothing is unknown.
        const current = await this.repository.lockIn(m, paymentId);
        if (current?.status === 'created') {
          await this.lifecycle.transitionIn(m, paymentId, 'unknown', {
            source: 'api',
            note: `outcome unknown: ${reason}`,
          });
        }
        // Let the next retry with this key take over at once instead of waiting for the lease.
        await this.keys.leaseIn(m, clientId, key, new Date());
      });
    } catch (error) {
      // The lease still expires by itself; the original error is what the caller must see.
      this.logger.error({ err: error, paymentId }, 'could not record the unknown outcome');
    }
  }

  /** The stored answer, as the first request gave it. */
  replay(answer: StoredAnswer, status: number): CreatePaymentResult {
    if (answer.ok) return { status, body: answer.payment, replayed: true };
    throw new ReplayedError(answer.error.code, answer.error.message, answer.error.details);
  }
}

function answerOf(payment: PaymentEntity): StoredAnswer {
  return { ok: true, payment: toPaymentView(payment) };
}
