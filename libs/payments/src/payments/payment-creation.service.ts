import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { ERROR_STATUS } from '../errors/error-status.js';
import { PaymentsError } from '../errors/payments.error.js';
import { ReplayedError } from '../errors/replayed.error.js';
import { IdempotencyKeyEntity } from '../entities/idempotency-key.entity.js';
import { PaymentEntity, type PaymentMetadata } from '../entities/payment.entity.js';
import { GatewayRejectedError, GatewayTokenNotFoundError } from '../gateway/gateway.errors.js';
import {
  OrdersGateway,
  readOrderIfExists,
  type CardInput,
  type CustomerInput,
  type DirectCardOrderRequest,
  type GatewayOrder,
  type NotificationMethod,
  type RecurringSetup,
} from '../gateway/orders.gateway.js';
import { PaymentLifecycleService } from '../lifecycle/payment-lifecycle.service.js';
import { SqlParams, type Param } from '../lifecycle/payment-row.js';
import { NOT_YET_AT_GATEWAY } from '../lifecycle/transition-table.js';
import { TransactionRunner } from '../lifecycle/transaction-runner.js';
import { PaymentsObserver } from '../observability/payments.observer.js';
import { detectBrand } from './card.js';
import { toPaymentView, type PaymentView } from './payment-view.js';
import {
  IdempotencyKeyInUseError,
  IdempotencyKeyReusedError,
  OrderIdExistsError,
} from './payments.errors.js';
import { PaymentsOptions } from './payments.options.js';
import { PaymentsService } from './payments.service.js';
import { SavedCardsService, type SavedCardForPayment } from '../saved-cards/saved-cards.service.js';
import {
  SavedCardDeletedError,
  SavedCardNotFoundError,
} from '../saved-cards/saved-cards.errors.js';

/**
 * What a caller asks for: the gateway's order request, where we choose how we are notified.
 * Either `card` (with `recurring` to save it) or `savedCardId` (with `recurring` naming its
 * customer and model): the API's validation makes sure of it.
 */
export type CreatePaymentInput = Omit<
  DirectCardOrderRequest,
  'notificationUrl' | 'notificationMethod' | 'card' | 'customer' | 'recurring'
> & {
  card?: CardInput;
  customer?: CustomerInput;
  recurring?: RecurringSetup;
  /** Pay with this saved card (docs/design.md#saved-cards): no card data, no CVC, no 3-D Secure. */
  savedCardId?: string;
  notificationMethod?: NotificationMethod;
  metadata?: PaymentMetadata;
};

/** A create request's rejections that are final answers, stored for its replays. */
type Rejection = GatewayRejectedError | GatewayTokenNotFoundError;

/** An answer to a create request: what the first request answered, and every replay. */
export interface CreatePaymentResult {
  status: number;
  body: PaymentView;
  replayed: boolean;
}

type StoredAnswer =
  | { ok: true; payment: PaymentView }
  | { ok: false; error: { code: string; message: string; details?: unknown } };

type Claim =
  | { role: 'leader'; payment: PaymentEntity; fresh: boolean }
  | { role: 'replay'; answer: StoredAnswer; status: number }
  | { role: 'wait' };

const POLL_MS = 50;

/**
 * Idempotent creation of direct card payments (docs/design.md#internal-api): the claim of the Idempotency-Key with
 * the `created` row, MultiSafepay's order, and the stored answer every replay gets. The answer is
 * applied through PaymentsService, so status changes still go through PaymentLifecycleService.
 */
@Injectable()
export class PaymentCreationService {
  private readonly logger = new Logger('PaymentCreation');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly payments: PaymentsService,
    private readonly lifecycle: PaymentLifecycleService,
    private readonly gateway: OrdersGateway,
    private readonly options: PaymentsOptions,
    private readonly observer: PaymentsObserver,
    private readonly savedCards: SavedCardsService,
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
    const saved = await this.savedCardFor(clientId, key, input);
    const deadline = Date.now() + this.options.idempotencyLeaseMs + 5_000;
    for (;;) {
      const claim = await this.claim(clientId, key, requestHash, input, saved);
      if (claim.role === 'replay') return this.replay(claim.answer, claim.status);
      if (claim.role === 'leader')
        return this.drive(clientId, key, claim.payment, claim.fresh, input, saved);
      if (Date.now() > deadline) throw new IdempotencyKeyInUseError();
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /**
   * The saved card a payment names, its token decrypted (in memory for this request only). A
   * deleted or unknown card is refused before anything is written, unless the key already has
   * its answer: a replay gets the first answer even if the card was deleted since.
   */
  private async savedCardFor(
    clientId: string,
    key: string,
    input: CreatePaymentInput,
  ): Promise<SavedCardForPayment | undefined> {
    if (input.savedCardId === undefined) return undefined;
    const customerReference = input.recurring?.customerReference ?? '';
    try {
      return await this.savedCards.forPayment(customerReference, input.savedCardId);
    } catch (error) {
      const gone =
        error instanceof SavedCardDeletedError || error instanceof SavedCardNotFoundError;
      if (gone && (await this.hasAnswer(clientId, key))) return undefined;
      throw error;
    }
  }

  private async hasAnswer(clientId: string, key: string): Promise<boolean> {
    const rows = await this.tx.statement(
      `SELECT 1 FROM idempotency_keys WHERE client_id = $1 AND key = $2 AND state = 'completed'
         AND created_at >= now() - $3::float8 * interval '1 millisecond'`,
      [clientId, key, this.options.idempotencyKeyTtlMs],
    );
    return rows.length > 0;
  }

  private async claim(
    clientId: string,
    key: string,
    requestHash: string,
    input: CreatePaymentInput,
    saved: SavedCardForPayment | undefined,
  ): Promise<Claim> {
    const payment = await this.insertClaim(clientId, key, requestHash, input, saved);
    if (payment) return { role: 'leader', payment, fresh: true };
    return this.tx.run(async (m) => {
      const row = await m.findOne(IdempotencyKeyEntity, {
        where: { clientId, key },
        lock: { mode: 'pessimistic_write' },
      });
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
      await m.update(
        IdempotencyKeyEntity,
        { clientId, key },
        { leaseUntil: new Date(Date.now() + this.options.idempotencyLeaseMs) },
      );
      const current = await m.findOneByOrFail(PaymentEntity, { id: row.paymentId });
      return { role: 'leader', payment: current, fresh: false };
    });
  }

  /**
   * The first request with a key: the key (leased to us), the `created` payment and its first
   * history row, in one statement. Null when the key already exists; an order id already taken
   * fails the whole statement, so the key is not kept either. A key past its TTL is taken over
   * as if new (retention may not have deleted it yet); of two requests racing for it, the
   * second waits for the first's row lock, then finds the key fresh and becomes a duplicate.
   */
  private async insertClaim(
    clientId: string,
    key: string,
    requestHash: string,
    input: CreatePaymentInput,
    saved: SavedCardForPayment | undefined,
  ): Promise<PaymentEntity | null> {
    const card = cardColumns(input, saved);
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
      ...card,
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
    const sql = new SqlParams();
    const p = sql.add;
    let rows: { created_at: Date; updated_at: Date }[];
    try {
      rows = await this.tx.statement(
        `WITH claimed AS (
             INSERT INTO idempotency_keys (client_id, key, request_hash, state, lease_until, payment_id)
             VALUES (${p(clientId)}, ${p(key)}, ${p(requestHash)}, 'in_progress', ${p(new Date(Date.now() + this.options.idempotencyLeaseMs))}, ${p(payment.id)})
             ON CONFLICT (client_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash,
               state = 'in_progress', lease_until = EXCLUDED.lease_until,
               payment_id = EXCLUDED.payment_id, response_status = NULL, response_body = NULL,
               created_at = now(), updated_at = now()
             WHERE idempotency_keys.created_at < now() - ${p(this.options.idempotencyKeyTtlMs)}::float8 * interval '1 millisecond'
             RETURNING payment_id
           ), created AS (
             INSERT INTO payments (id, order_id, client_id, amount, currency, description, status,
               card_brand, card_last4, card_expiry_month, card_expiry_year, notification_method,
               metadata, refunded_amount, capture_mode, customer_reference, recurring_model,
               saved_card_id, version)
             SELECT payment_id, ${p(payment.orderId)}::varchar, ${p(clientId)}::varchar, ${p(payment.amount)}::int,
               ${p(payment.currency)}::char(3), ${p(payment.description)}::varchar, 'created', ${p(payment.cardBrand)}::varchar,
               ${p(payment.cardLast4)}::char(4), ${p(payment.cardExpiryMonth)}::smallint, ${p(payment.cardExpiryYear)}::smallint,
               ${p(payment.notificationMethod)}::varchar, ${p(payment.metadata === null ? null : JSON.stringify(payment.metadata))}::jsonb, 0,
               ${p(payment.captureMode)}::varchar, ${p(payment.customerReference)}::varchar,
               ${p(payment.recurringModel)}::varchar, ${p(payment.savedCardId)}::varchar, 1
             FROM claimed
             RETURNING id, created_at, updated_at
           ), history AS (
             INSERT INTO payment_events (payment_id, to_status, source)
             SELECT id, 'created', 'api' FROM created
           )
           SELECT created_at, updated_at FROM created`,
        sql.values,
      );
    } catch (error) {
      if (isUniqueViolation(error, 'uq_payments_order_id')) {
        throw new OrderIdExistsError(input.orderId);
      }
      throw error;
    }
    const row = rows[0];
    if (!row) return null;
    return Object.assign(payment, { createdAt: row.created_at, updatedAt: row.updated_at });
  }

  private async drive(
    clientId: string,
    key: string,
    payment: PaymentEntity,
    fresh: boolean,
    input: CreatePaymentInput,
    saved: SavedCardForPayment | undefined,
  ): Promise<CreatePaymentResult> {
    try {
      let order: GatewayOrder | undefined;
      if (!fresh) {
        if (!NOT_YET_AT_GATEWAY.includes(payment.status)) {
          return this.complete(clientId, key, payment, undefined);
        }
        order = await readOrderIfExists(this.gateway, payment.orderId);
      }
      order ??= await this.createOrder(payment, input, fresh, saved);
      const result = await this.complete(clientId, key, payment, order);
      this.observer.paymentCreated(result.body.status);
      return result;
    } catch (error) {
      this.observer.paymentCreated(error instanceof PaymentsError ? error.code : 'INTERNAL_ERROR');
      if (error instanceof GatewayRejectedError || error instanceof GatewayTokenNotFoundError) {
        await this.fail(clientId, key, payment.id, error);
      } else {
        await this.markUnknown(clientId, key, payment.id, error);
      }
      throw error;
    }
  }

  private async createOrder(
    payment: PaymentEntity,
    input: CreatePaymentInput,
    fresh: boolean,
    saved: SavedCardForPayment | undefined,
  ): Promise<GatewayOrder> {
    try {
      if (input.savedCardId !== undefined)
        return await this.createTokenOrder(payment, input, saved);
      if (!input.card || !input.customer) throw new Error('a card payment needs card and customer');
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
        captureMode: payment.captureMode,
        recurring: input.recurring,
      });
    } catch (error) {
      // On a retry, 1006 means our earlier attempt did reach MultiSafepay after all.
      if (!fresh && error instanceof GatewayRejectedError && error.gatewayCode === 1006) {
        return this.gateway.getOrder(payment.orderId);
      }
      throw error;
    }
  }

  /**
   * A payment with a saved card (docs/multisafepay.md#paying-with-a-token): the token, the model and the
   * customer, no card data. MultiSafepay's 1000 here means it keeps no such token (deleted
   * there, or recurring not activated): a final 4xx answer, never "unknown".
   */
  private async createTokenOrder(
    payment: PaymentEntity,
    input: CreatePaymentInput,
    saved: SavedCardForPayment | undefined,
  ): Promise<GatewayOrder> {
    const customerReference = input.recurring?.customerReference ?? '';
    const savedCardId = input.savedCardId ?? '';
    // A take-over of a timed-out attempt resolves the card again (a replay never gets here).
    const card = saved ?? (await this.savedCards.forPayment(customerReference, savedCardId));
    const { reference: _reference, browser: _browser, ...customer } = input.customer ?? {};
    try {
      return await this.gateway.createTokenOrder({
        orderId: payment.orderId,
        amount: payment.amount,
        currency: payment.currency,
        description: payment.description,
        recurringId: card.token,
        model: input.recurring?.model ?? card.card.model,
        customerReference,
        customer,
        redirectUrl: input.redirectUrl,
        cancelUrl: input.cancelUrl,
        notificationUrl: this.options.notificationUrl,
        notificationMethod: payment.notificationMethod,
      });
    } catch (error) {
      if (error instanceof GatewayRejectedError && error.gatewayCode === 1000) {
        throw new GatewayTokenNotFoundError(customerReference);
      }
      throw error;
    }
  }

  /**
   * Applies the gateway's answer and stores the idempotent answer with it. First in one
   * statement from the row we hold; if a notification moved the payment meanwhile, again under
   * the row lock.
   */
  private async complete(
    clientId: string,
    key: string,
    current: PaymentEntity,
    order: GatewayOrder | undefined,
  ): Promise<CreatePaymentResult> {
    const storeAnswer = (p: Param, guard: string, payment: PaymentEntity): string =>
      `UPDATE idempotency_keys SET state = 'completed', response_status = 201,
         response_body = ${p(JSON.stringify(answerOf(payment)))}, updated_at = now()
       WHERE client_id = ${p(clientId)} AND key = ${p(key)} AND ${guard}`;
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
      const payment = order
        ? (await this.payments.applyIn(m, current.id, order, 'api')).payment
        : await m.findOneByOrFail(PaymentEntity, { id: current.id });
      const sql = new SqlParams();
      await m.query(storeAnswer(sql.add, 'TRUE', payment), sql.values);
      return { status: 201, body: toPaymentView(payment), replayed: false };
    });
  }

  private async fail(
    clientId: string,
    key: string,
    paymentId: string,
    error: Rejection,
  ): Promise<void> {
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
      card: card && {
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

/** What the payment row shows of its card: the card given, or the saved card paid with. */
function cardColumns(
  input: CreatePaymentInput,
  saved: SavedCardForPayment | undefined,
): Pick<PaymentEntity, 'cardBrand' | 'cardLast4' | 'cardExpiryMonth' | 'cardExpiryYear'> {
  if (input.card) {
    return {
      cardBrand: detectBrand(input.card.number),
      cardLast4: input.card.number.slice(-4),
      cardExpiryMonth: input.card.expiryMonth,
      cardExpiryYear: input.card.expiryYear,
    };
  }
  return {
    cardBrand: saved?.card.brand ?? null,
    cardLast4: saved?.card.last4 ?? null,
    cardExpiryMonth: saved?.card.expiryMonth ?? null,
    cardExpiryYear: saved?.card.expiryYear ?? null,
  };
}

function answerOf(payment: PaymentEntity): StoredAnswer {
  return { ok: true, payment: toPaymentView(payment) };
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown };
  return e.code === '23505' && e.constraint === constraint;
}
