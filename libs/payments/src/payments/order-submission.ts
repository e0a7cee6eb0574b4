import { Injectable } from '@nestjs/common';
import type { PaymentEntity } from '../entities/payment.entity.js';
import { GatewayOrderIdTakenError } from '../gateway/gateway.errors.js';
import { OrdersGateway, type GatewayOrder } from '../gateway/orders.gateway.js';
import { SavedCardsService, type SavedCardForPayment } from '../saved-cards/saved-cards.service.js';
import type { CreatePaymentInput, SavedCardPaymentInput } from './create-payment-input.js';
import { PaymentsOptions } from './payments.options.js';

/**
 * A created payment's order at MultiSafepay: with the card (3-D Secure may follow), or with a
 * saved card's token. The only place creation calls the gateway to create an order.
 */
@Injectable()
export class OrderSubmission {
  constructor(
    private readonly gateway: OrdersGateway,
    private readonly options: PaymentsOptions,
    private readonly savedCards: SavedCardsService,
  ) {}

  /**
   * Sends the order. `fresh` is false for a retry that takes over an earlier attempt: then an
   * order id MultiSafepay already has means that attempt got there, and the order is read.
   */
  async submit(
    payment: PaymentEntity,
    input: CreatePaymentInput,
    fresh: boolean,
    saved: SavedCardForPayment | undefined,
  ): Promise<GatewayOrder> {
    try {
      if (input.savedCardId !== undefined) return await this.tokenOrder(payment, input, saved);
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
      if (!fresh && error instanceof GatewayOrderIdTakenError) {
        return this.gateway.getOrder(payment.orderId);
      }
      throw error;
    }
  }

  /**
   * A payment with a saved card (docs/multisafepay.md#paying-with-a-token): the token, the model
   * and the customer, no card data. A token MultiSafepay no longer keeps is the gateway's
   * `GatewayTokenNotFoundError`: a final 4xx answer, never "unknown".
   */
  private async tokenOrder(
    payment: PaymentEntity,
    input: SavedCardPaymentInput,
    saved: SavedCardForPayment | undefined,
  ): Promise<GatewayOrder> {
    const { customerReference, model } = input.recurring;
    // A take-over of a timed-out attempt resolves the card again (a replay never gets here).
    const card = saved ?? (await this.savedCards.forPayment(customerReference, input.savedCardId));
    const { reference: _reference, browser: _browser, ...customer } = input.customer ?? {};
    return this.gateway.createTokenOrder({
      orderId: payment.orderId,
      amount: payment.amount,
      currency: payment.currency,
      description: payment.description,
      recurringId: card.token,
      model,
      customerReference,
      customer,
      redirectUrl: input.redirectUrl,
      cancelUrl: input.cancelUrl,
      notificationUrl: this.options.notificationUrl,
      notificationMethod: payment.notificationMethod,
    });
  }
}
