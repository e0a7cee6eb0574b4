import { Inject, Injectable } from '@nestjs/common';
import { ApprovalsService } from './approvals.service.js';
import { declinesTokenPayments, outcomeOf, type CardOutcome } from './cards.js';
import { invalidField, MspError } from './msp-error.js';
import { isObject, str, type Order, type RecurringState } from './order.js';
import { orderObject } from './order-object.js';
import {
  checkCaptureBrand,
  checkGateway,
  customerOf,
  isPast,
  parseOrderRequest,
  type CardSummary,
} from './order-request.js';
import { OrderStore } from './order-store.service.js';
import { MSP_SANDBOX_OPTIONS, type ResolvedSandboxOptions } from './sandbox.options.js';
import type { Site } from './sites.js';
import { ThreeDsService } from './three-ds.service.js';
import { TokensService, type StoredToken } from './tokens.service.js';

/** `POST /orders`, `GET /orders/{id}` and `PATCH /orders/{id}`: card orders and their outcome. */
@Injectable()
export class OrdersService {
  constructor(
    @Inject(MSP_SANDBOX_OPTIONS) private readonly options: ResolvedSandboxOptions,
    private readonly store: OrderStore,
    private readonly threeDs: ThreeDsService,
    private readonly approvals: ApprovalsService,
    private readonly tokens: TokensService,
  ) {}

  create(site: Site, body: unknown): Record<string, unknown> {
    const request = parseOrderRequest(body, (orderId) => this.store.has(site, orderId));
    let card: CardSummary;
    let outcome: CardOutcome;
    let recurring: RecurringState | null = null;
    if (request.source.kind === 'token') {
      const token = this.tokens.forPayment(site, request.source.token);
      card = this.tokens.cardOf(token);
      checkGateway(request.gateway, card.brand, request.currency);
      outcome = tokenOutcome(token);
      recurring = {
        model: request.recurring?.model ?? token.model,
        customerReference: request.recurring?.customerReference ?? token.customerReference,
        token: token.token,
        tokenSeed: null,
      };
    } else {
      card = request.source.card;
      outcome = outcomeOf(request.source.pan);
      if (outcome.kind === 'error_1024') throw invalidField(1024, 'Transaction declined');
      if (request.recurring) {
        recurring = {
          ...request.recurring,
          token: null,
          tokenSeed: {
            bin: request.source.pan.slice(0, 6),
            declinesPayments: declinesTokenPayments(request.source.pan),
          },
        };
      }
    }
    if (request.manualCapture) checkCaptureBrand(card.brand);

    const created = new Date();
    const order: Order = {
      site,
      orderId: request.orderId,
      transactionId: this.store.newTransactionId(),
      status: 'initialized',
      financialStatus: 'initialized',
      amount: request.amount,
      currency: request.currency,
      description: request.description,
      amountRefunded: 0,
      reason: null,
      reasonCode: null,
      created,
      modified: created,
      completed: null,
      card,
      customer: customerOf(request.customer),
      vars: request.vars,
      notificationUrl: request.notificationUrl,
      notificationMethod: request.notificationMethod,
      redirectUrl: request.redirectUrl,
      cancelUrl: request.cancelUrl,
      session: null,
      authentication: null,
      refunds: [],
      timers: new Map(),
      authorization: request.manualCapture
        ? { expiresAt: null, remain: 0, captures: [], cancellation: null }
        : null,
      authOrder: null,
      recurring,
    };
    this.store.store(order);
    return this.applyOutcome(order, outcome);
  }

  get(site: Site, orderId: string): Record<string, unknown> {
    return orderObject(this.store.find(site, orderId));
  }

  /** PATCH /orders/{id} `{status: "cancelled"}`: an unpaid order becomes `void` (our choice). */
  cancel(site: Site, orderId: string, body: unknown): void {
    const order = this.store.get(site, orderId);
    if (!order) throw new MspError(404, 1000, 'Not found');
    if (!isObject(body) || str(body.status) !== 'cancelled') {
      throw invalidField(1016, "Missing data: status must be 'cancelled'");
    }
    if (order.status !== 'initialized' && order.status !== 'uncleared') {
      throw new MspError(409, 1000, `Cannot cancel an order that is ${order.status}`);
    }
    this.store.clearTimers(order);
    this.store.setStatus(order, 'void', 'void', 'Cancelled by merchant', '');
  }

  private applyOutcome(order: Order, outcome: CardOutcome): Record<string, unknown> {
    let extra: Record<string, unknown> = {};
    switch (outcome.kind) {
      case 'three_ds':
        extra = this.threeDs.start(order);
        break;
      case 'completed':
        // A token payment skips 3-D Secure: no authentication result (docs/multisafepay.md#paying-with-a-token).
        if (!order.recurring?.token) order.authentication = 'Y';
        this.approvals.approve(order, 'Successful approval/completion');
        break;
      case 'uncleared':
        order.authentication = 'Y';
        this.store.setStatus(order, 'uncleared', 'uncleared', 'Fraud review', '');
        this.store.schedule(order, 'uncleared', this.options.unclearedResolveMs, () => {
          if (order.status !== 'uncleared') return;
          if (outcome.then === 'completed') this.approvals.approve(order, 'Accepted after review');
          else this.store.setStatus(order, 'void', 'void', 'Declined after review', '');
        });
        break;
      case 'declined':
        if (!order.recurring?.token)
          order.authentication = outcome.reasonCode === '3001' ? 'N' : 'Y';
        this.store.setStatus(order, 'declined', 'declined', outcome.reason, outcome.reasonCode);
        break;
      case 'error_1024':
        break;
    }
    return { ...orderObject(order), ...extra };
  }
}

/** A payment with a token: final at once, no 3-D Secure (docs/multisafepay.md#paying-with-a-token), unless the card refuses it. */
function tokenOutcome(token: StoredToken): CardOutcome {
  if (token.declinesPayments)
    return {
      kind: 'declined',
      reasonCode: '4999',
      reason: 'Revocation of all authorizations order',
    };
  if (isPast(token.expiry))
    return { kind: 'declined', reasonCode: '4005', reason: 'Expired card or invalid account' };
  return { kind: 'completed' };
}
