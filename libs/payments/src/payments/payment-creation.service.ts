import { Injectable } from '@nestjs/common';
import type { PaymentEntity } from '../entities/payment.entity.js';
import { PaymentsError } from '../errors/payments.error.js';
import { GatewayRejectedError, GatewayTokenNotFoundError } from '../gateway/gateway.errors.js';
import { OrdersGateway, readOrderIfExists, type GatewayOrder } from '../gateway/orders.gateway.js';
import { NOT_YET_AT_GATEWAY } from '../lifecycle/transition-table.js';
import { PaymentsObserver } from '../observability/payments.observer.js';
import { SavedCardsService, type SavedCardForPayment } from '../saved-cards/saved-cards.service.js';
import {
  SavedCardDeletedError,
  SavedCardNotFoundError,
} from '../saved-cards/saved-cards.errors.js';
import {
  fingerprint,
  toCreatePaymentInput,
  type CreatePaymentInput,
  type CreatePaymentRequest,
} from './create-payment-input.js';
import { CreateIdempotency, type CreatePaymentResult } from './create-idempotency.js';
import { OrderSubmission } from './order-submission.js';
import { IdempotencyKeyInUseError } from './payments.errors.js';
import { PaymentsOptions } from './payments.options.js';

export type { CreatePaymentResult } from './create-idempotency.js';
export * from './create-payment-input.js';

const POLL_MS = 50;

/**
 * Idempotent creation of direct card payments (docs/design.md#internal-api): the claim of the
 * Idempotency-Key with the `created` row (CreateIdempotency), MultiSafepay's order
 * (OrderSubmission), and the stored answer every replay gets. The answer is applied through
 * PaymentsService, so status changes still go through PaymentLifecycleService.
 */
@Injectable()
export class PaymentCreationService {
  constructor(
    private readonly gateway: OrdersGateway,
    private readonly options: PaymentsOptions,
    private readonly observer: PaymentsObserver,
    private readonly savedCards: SavedCardsService,
    private readonly idempotency: CreateIdempotency,
    private readonly submission: OrderSubmission,
  ) {}

  /**
   * Creates a payment once per (client, Idempotency-Key). The row is written as `created` before
   * MultiSafepay is called. Duplicates wait for the first request and get its answer; after a
   * timeout the payment is `unknown` and a retry settles it by reading the same order id.
   */
  async create(
    clientId: string,
    key: string,
    request: CreatePaymentRequest,
  ): Promise<CreatePaymentResult> {
    const requestHash = fingerprint(request);
    const input = toCreatePaymentInput(request);
    const saved = await this.savedCardFor(clientId, key, input);
    const deadline = Date.now() + this.options.idempotencyLeaseMs + 5_000;
    for (;;) {
      const claim = await this.idempotency.claim(clientId, key, requestHash, input, saved);
      if (claim.role === 'replay') return this.idempotency.replay(claim.answer, claim.status);
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
    try {
      return await this.savedCards.forPayment(input.recurring.customerReference, input.savedCardId);
    } catch (error) {
      const gone =
        error instanceof SavedCardDeletedError || error instanceof SavedCardNotFoundError;
      if (gone && (await this.idempotency.hasAnswer(clientId, key))) return undefined;
      throw error;
    }
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
          return this.idempotency.complete(clientId, key, payment, undefined);
        }
        order = await readOrderIfExists(this.gateway, payment.orderId);
      }
      order ??= await this.submission.submit(payment, input, fresh, saved);
      const result = await this.idempotency.complete(clientId, key, payment, order);
      this.observer.paymentCreated(result.body.status);
      return result;
    } catch (error) {
      this.observer.paymentCreated(error instanceof PaymentsError ? error.code : 'INTERNAL_ERROR');
      if (error instanceof GatewayRejectedError || error instanceof GatewayTokenNotFoundError) {
        await this.idempotency.reject(clientId, key, payment.id, error);
      } else {
        await this.idempotency.markUnknown(clientId, key, payment.id, error);
      }
      throw error;
    }
  }
}
