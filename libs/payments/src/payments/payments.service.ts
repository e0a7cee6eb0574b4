import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { PaymentNotFoundError } from '../errors/common.errors.js';
import { ERROR_STATUS } from '../errors/error-status.js';
import { PaymentsError } from '../errors/payments.error.js';
import { ReplayedError } from '../errors/replayed.error.js';
import { IdempotencyKeyEntity } from '../entities/idempotency-key.entity.js';
import { PaymentEventEntity } from '../entities/payment-event.entity.js';
import { PaymentEntity, type PaymentMetadata } from '../entities/payment.entity.js';
import { GatewayOrderNotFoundError, GatewayRejectedError } from '../gateway/gateway.errors.js';
import {
  OrdersGateway,
  type DirectCardOrderRequest,
  type GatewayOrder,
  type NotificationMethod,
} from '../gateway/orders.gateway.js';
import {
  PaymentLifecycleService,
  type TransitionOutcome,
} from '../lifecycle/payment-lifecycle.service.js';
import type { EventSource, PaymentStatus } from '../lifecycle/payment-status.js';
import { TransactionRunner } from '../lifecycle/transaction-runner.js';
import { detectBrand } from './card.js';
import { digestOf, patchFrom, statusOf } from './gateway-order.mapper.js';
import {
  toPaymentEventView,
  toPaymentView,
  type PaymentEventView,
  type PaymentView,
} from './payment-view.js';
import {
  IdempotencyKeyInUseError,
  IdempotencyKeyReusedError,
  OrderIdExistsError,
} from './payments.errors.js';
import { PaymentsObserver } from '../observability/payments.observer.js';
import { PaymentsOptions } from './payments.options.js';

/** What a caller asks for: the gateway's order request, where we choose how we are notified. */
export type CreatePaymentInput = Omit<
  DirectCardOrderRequest,
  'notificationUrl' | 'notificationMethod'
> & {
  notificationMethod?: NotificationMethod;
  metadata?: PaymentMetadata;
};

/** An answer to a create request: what the first request answered, and every replay. */
export interface CreatePaymentResult {
  status: number;
  body: PaymentView;
  replayed: boolean;
}

export interface ListPaymentsQuery {
  orderId?: string;
  status?: PaymentStatus;
  createdFrom?: Date;
  createdTo?: Date;
  limit: number;
  cursor?: string;
}

export class InvalidCursorError extends PaymentsError {
  readonly code = 'VALIDATION_FAILED';

  constructor() {
    super('cursor is not one this API returned', [{ field: 'cursor', messages: ['is invalid'] }]);
  }
}

type StoredAnswer =
  | { ok: true; payment: PaymentView }
  | { ok: false; error: { code: string; message: string; details?: unknown } };

type Claim =
  | { role: 'leader'; payment: PaymentEntity; fresh: boolean }
  | { role: 'replay'; answer: StoredAnswer; status: number }
  | { role: 'wait' };

const SETTLED_ELSEWHERE: readonly PaymentStatus[] = ['created', 'unknown'];
const POLL_MS = 50;

/**
 * Direct card payments: idempotent creation (DESIGN §3), reads, and applying what MultiSafepay
 * says. Status changes always go through PaymentLifecycleService.
 */
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger('PaymentsService');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly lifecycle: PaymentLifecycleService,
    private readonly gateway: OrdersGateway,
    private readonly options: PaymentsOptions,
    private readonly observer: PaymentsObserver,
  ) {}

  /**
   * Creates a payment once per (client, Idempotency-Key). The row is written as `created` before
   * MultiSafepay is called. Duplicates wait for the first request and get its answer; after a
   * timeout the payment is `unknown` and a retry settles it by reading the same order id.
   */
  async create(
    clientId: string,
    key: string,
    input: CreatePaymentInput,
  ): Promise<CreatePaymentResult> {
    const requestHash = fingerprint(input);
    const deadline = Date.now() + this.options.idempotencyLeaseMs + 5_000;
    for (;;) {
      const claim = await this.claim(clientId, key, requestHash, input);
      if (claim.role === 'replay') return this.replay(claim.answer, claim.status);
      if (claim.role === 'leader')
        return this.drive(clientId, key, claim.payment, claim.fresh, input);
      if (Date.now() > deadline) throw new IdempotencyKeyInUseError();
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  async get(id: string): Promise<PaymentView> {
    return toPaymentView(await this.find(id));
  }

  async events(id: string): Promise<PaymentEventView[]> {
    await this.find(id);
    const rows = await this.tx.read((m) =>
      m.find(PaymentEventEntity, { where: { paymentId: id }, order: { seq: 'ASC' } }),
    );
    return rows.map(toPaymentEventView);
  }

  async list(
    query: ListPaymentsQuery,
  ): Promise<{ data: PaymentView[]; nextCursor: string | null }> {
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const rows = await this.tx.read((m) => {
      const qb = m.createQueryBuilder(PaymentEntity, 'p');
      if (query.orderId !== undefined)
        qb.andWhere('p.order_id = :orderId', { orderId: query.orderId });
      if (query.status !== undefined) qb.andWhere('p.status = :status', { status: query.status });
      if (query.createdFrom) qb.andWhere('p.created_at >= :from', { from: query.createdFrom });
      if (query.createdTo) qb.andWhere('p.created_at < :to', { to: query.createdTo });
      if (after) {
        qb.andWhere('(p.created_at, p.id) < (:at, :id)', { at: after.createdAt, id: after.id });
      }
      return qb
        .orderBy('p.created_at', 'DESC')
        .addOrderBy('p.id', 'DESC')
        .take(query.limit + 1)
        .getMany();
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      data: page.map(toPaymentView),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    };
  }

  /** Re-reads the order from MultiSafepay now and applies it. */
  async refresh(id: string, source: EventSource = 'refresh'): Promise<PaymentView> {
    const payment = await this.find(id);
    let order: GatewayOrder;
    try {
      order = await this.gateway.getOrder(payment.orderId);
    } catch (error) {
      // MultiSafepay never received it: nothing to apply yet (the creator or reconciler retries).
      if (
        error instanceof GatewayOrderNotFoundError &&
        SETTLED_ELSEWHERE.includes(payment.status)
      ) {
        return toPaymentView(payment);
      }
      throw error;
    }
    const outcome = await this.tx.run((m) => this.applyIn(m, payment.id, order, source));
    return toPaymentView(outcome.payment);
  }

  /** Applies an order read from (or sent by) MultiSafepay, inside the caller's transaction. */
  applyIn(
    manager: EntityManager,
    paymentId: string,
    order: GatewayOrder,
    source: EventSource,
    note?: string,
  ): Promise<TransitionOutcome> {
    return this.lifecycle.transitionIn(manager, paymentId, statusOf(order.status), {
      source,
      payloadDigest: digestOf(order),
      note: note ?? null,
      patch: (current) => patchFrom(order, current),
      noteFor: (current) => {
        if (order.amount === current.amount && order.currency === current.currency) return null;
        const mismatch = `MultiSafepay reports ${order.amount} ${order.currency}, we hold ${current.amount} ${current.currency}`;
        this.logger.warn({ paymentId }, mismatch);
        return mismatch;
      },
    });
  }

  async findByOrderId(orderId: string): Promise<PaymentEntity | null> {
    return this.tx.read((m) => m.findOneBy(PaymentEntity, { orderId }));
  }

  private async find(id: string): Promise<PaymentEntity> {
    const payment = await this.tx.read((m) => m.findOneBy(PaymentEntity, { id }));
    if (!payment) throw new PaymentNotFoundError(id);
    return payment;
  }

  // --- idempotent creation -------------------------------------------------------------------

  private claim(
    clientId: string,
    key: string,
    requestHash: string,
    input: CreatePaymentInput,
  ): Promise<Claim> {
    const leaseUntil = (): Date => new Date(Date.now() + this.options.idempotencyLeaseMs);
    return this.tx.run(async (m) => {
      const inserted: unknown[] = await m.query(
        `INSERT INTO idempotency_keys (client_id, key, request_hash, state, lease_until)
         VALUES ($1, $2, $3, 'in_progress', $4)
         ON CONFLICT (client_id, key) DO NOTHING RETURNING key`,
        [clientId, key, requestHash, leaseUntil()],
      );
      if (inserted.length === 1) {
        const payment = await this.insertPayment(m, clientId, input);
        await m.update(IdempotencyKeyEntity, { clientId, key }, { paymentId: payment.id });
        return { role: 'leader', payment, fresh: true };
      }
      const row = await m.findOne(IdempotencyKeyEntity, {
        where: { clientId, key },
        lock: { mode: 'pessimistic_write' },
      });
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
      await m.update(IdempotencyKeyEntity, { clientId, key }, { leaseUntil: leaseUntil() });
      const payment = await m.findOneByOrFail(PaymentEntity, { id: row.paymentId });
      return { role: 'leader', payment, fresh: false };
    });
  }

  private async insertPayment(
    m: EntityManager,
    clientId: string,
    input: CreatePaymentInput,
  ): Promise<PaymentEntity> {
    const values = {
      clientId,
      orderId: input.orderId,
      amount: input.amount,
      currency: input.currency,
      description: input.description,
      status: 'created' as const,
      cardBrand: detectBrand(input.card.number),
      cardLast4: input.card.number.slice(-4),
      cardExpiryMonth: input.card.expiryMonth,
      cardExpiryYear: input.card.expiryYear,
      notificationMethod: input.notificationMethod ?? this.options.defaultNotificationMethod,
      metadata: input.metadata ?? null,
      refundedAmount: 0,
      version: 1,
    };
    const payment = m.create(PaymentEntity, values);
    const result = await m
      .createQueryBuilder()
      .insert()
      .into(PaymentEntity)
      .values(payment)
      .orIgnore()
      .execute();
    // ON CONFLICT DO NOTHING returns no row when the order id is taken.
    if ((result.raw as unknown[]).length === 0) throw new OrderIdExistsError(input.orderId);
    await this.lifecycle.recordCreation(m, payment, 'api');
    return payment;
  }

  private async drive(
    clientId: string,
    key: string,
    payment: PaymentEntity,
    fresh: boolean,
    input: CreatePaymentInput,
  ): Promise<CreatePaymentResult> {
    try {
      let order: GatewayOrder | undefined;
      if (!fresh) {
        if (!SETTLED_ELSEWHERE.includes(payment.status)) {
          return this.complete(clientId, key, payment.id, undefined);
        }
        order = await this.readIfExists(payment.orderId);
      }
      order ??= await this.createOrder(payment, input, fresh);
      const result = await this.complete(clientId, key, payment.id, order);
      this.observer.paymentCreated(result.body.status);
      return result;
    } catch (error) {
      this.observer.paymentCreated(error instanceof PaymentsError ? error.code : 'INTERNAL_ERROR');
      if (error instanceof GatewayRejectedError) {
        await this.fail(clientId, key, payment.id, error);
      } else {
        await this.markUnknown(clientId, key, payment.id, error);
      }
      throw error;
    }
  }

  private async readIfExists(orderId: string): Promise<GatewayOrder | undefined> {
    try {
      return await this.gateway.getOrder(orderId);
    } catch (error) {
      if (error instanceof GatewayOrderNotFoundError) return undefined;
      throw error;
    }
  }

  private async createOrder(
    payment: PaymentEntity,
    input: CreatePaymentInput,
    fresh: boolean,
  ): Promise<GatewayOrder> {
    try {
      return await this.gateway.createDirectCardOrder({
        orderId: payment.orderId,
        amount: payment.amount,
        currency: payment.currency,
        description: payment.description,
        card: input.card,
        customer: input.customer,
        redirectUrl: input.redirectUrl,
        cancelUrl: input.cancelUrl,
        notificationUrl: this.options.notificationUrl,
        notificationMethod: payment.notificationMethod,
      });
    } catch (error) {
      // On a retry, 1006 means our earlier attempt did reach MultiSafepay after all.
      if (!fresh && error instanceof GatewayRejectedError && error.gatewayCode === 1006) {
        return this.gateway.getOrder(payment.orderId);
      }
      throw error;
    }
  }

  private complete(
    clientId: string,
    key: string,
    paymentId: string,
    order: GatewayOrder | undefined,
  ): Promise<CreatePaymentResult> {
    return this.tx.run(async (m) => {
      const payment = order
        ? (await this.applyIn(m, paymentId, order, 'api')).payment
        : await m.findOneByOrFail(PaymentEntity, { id: paymentId });
      const body = toPaymentView(payment);
      const answer: StoredAnswer = { ok: true, payment: body };
      await m.update(
        IdempotencyKeyEntity,
        { clientId, key },
        { state: 'completed', responseStatus: 201, responseBody: JSON.stringify(answer) },
      );
      return { status: 201, body, replayed: false };
    });
  }

  private async fail(
    clientId: string,
    key: string,
    paymentId: string,
    error: GatewayRejectedError,
  ): Promise<void> {
    const answer: StoredAnswer = {
      ok: false,
      error: { code: error.code, message: error.message, details: error.details },
    };
    await this.tx.run(async (m) => {
      await this.lifecycle.transitionIn(m, paymentId, 'declined', {
        source: 'api',
        note: `MultiSafepay rejected the order: ${error.gatewayCode} ${error.gatewayMessage}`,
      });
      await m.update(
        IdempotencyKeyEntity,
        { clientId, key },
        {
          state: 'completed',
          responseStatus: ERROR_STATUS[error.code] ?? 502,
          responseBody: JSON.stringify(answer),
        },
      );
    });
  }

  private async markUnknown(
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
        const current = await m.findOne(PaymentEntity, {
          where: { id: paymentId },
          lock: { mode: 'pessimistic_write' },
        });
        if (current?.status === 'created') {
          await this.lifecycle.transitionIn(m, paymentId, 'unknown', {
            source: 'api',
            note: `outcome unknown: ${reason}`,
          });
        }
        // Let the next retry with this key take over at once instead of waiting for the lease.
        await m.update(IdempotencyKeyEntity, { clientId, key }, { leaseUntil: new Date() });
      });
    } catch (error) {
      // The lease still expires by itself; the original error is what the caller must see.
      this.logger.error({ err: error, paymentId }, 'could not record the unknown outcome');
    }
  }

  private replay(answer: StoredAnswer, status: number): CreatePaymentResult {
    if (answer.ok) return { status, body: answer.payment, replayed: true };
    throw new ReplayedError(answer.error.code, answer.error.message, answer.error.details);
  }
}

/**
 * What makes two create requests "the same". The full card number is left out on purpose: an
 * unkeyed hash of a PAN counts as card data (PCI DSS). Last 4, expiry and holder are in.
 */
export function fingerprint(input: CreatePaymentInput): string {
  const { card, ...rest } = input;
  const canonical = JSON.stringify(
    sortKeys({
      ...rest,
      card: {
        last4: card.number.slice(-4),
        length: card.number.length,
        holder: card.holder,
        expiryMonth: card.expiryMonth,
        expiryYear: card.expiryYear,
      },
    }),
  );
  return createHash('sha256').update(canonical).digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

function encodeCursor(p: PaymentEntity): string {
  return Buffer.from(`${p.createdAt.toISOString()}|${p.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new InvalidCursorError();
  }
  return { createdAt, id };
}
