import { Inject, Injectable } from '@nestjs/common';
import { invalidField, missingData, MspError } from './msp-error.js';
import { capturedOf, isObject, str, type Authorization, type Order } from './order.js';
import { OrderStore } from './order-store.service.js';
import {
  MSP_SANDBOX_OPTIONS,
  type CaptureBrand,
  type ResolvedSandboxOptions,
} from './sandbox.options.js';
import type { Site } from './sites.js';
import { BigIntegerText } from './wire-json.js';

const EXPIRY_TIMER = 'capture-expiry';

/** A capture refused because of the authorization's state (docs/sandbox.md, our choice). */
const cannotCapture = (why: string) => new MspError(409, 1021, `Cannot create transaction: ${why}`);
const cannotRelease = (why: string) => new MspError(409, 1000, `Cannot cancel: ${why}`);

/**
 * Manual capture (docs/multisafepay.md#manual-capture): the authorized state, `POST /orders/{id}/capture`
 * (full and partial, each a capture order of its own), `PATCH /capture/{id}` (release what is
 * left) and the authorization's expiry per card brand.
 */
@Injectable()
export class CapturesService {
  constructor(
    @Inject(MSP_SANDBOX_OPTIONS) private readonly options: ResolvedSandboxOptions,
    private readonly store: OrderStore,
  ) {}

  /** The card was approved on a `capture: "manual"` order: the money is reserved, not taken. */
  authorize(order: Order, reason: string): void {
    const authorization = order.authorization as Authorization;
    const lifetime = this.options.captureExpiryMs[order.card.brand as CaptureBrand];
    authorization.expiresAt = new Date(Date.now() + lifetime);
    authorization.remain = order.amount;
    this.store.schedule(order, EXPIRY_TIMER, lifetime, () => this.expire(order));
    // docs/multisafepay.md#the-authorized-state: the order is "completed" while the money is only reserved (financial "initialized").
    this.store.setStatus(order, 'completed', 'initialized', reason, '');
  }

  capture(
    site: Site,
    orderId: string,
    body: unknown,
  ): { transaction_id: BigIntegerText; order_id: string } {
    const order = this.store.find(site, orderId);
    if (!isObject(body)) throw missingData('the body must be a JSON object');
    const newStatus = body.new_order_status;
    if (newStatus === undefined || newStatus === null) throw missingData('new_order_status');
    if (newStatus !== 'completed' && newStatus !== 'shipped') {
      throw invalidField(1016, "Invalid new_order_status: use 'completed' or 'shipped'");
    }
    const raw = body.amount;
    if (
      raw !== undefined &&
      raw !== null &&
      (typeof raw !== 'number' || !Number.isSafeInteger(raw) || raw < 1)
    ) {
      throw invalidField(1001, 'Invalid amount');
    }
    const description = str(body.description);
    if (description !== undefined && description.length > 200)
      throw invalidField(1008, 'Invalid description');
    const authorization = this.openAuthorization(order, cannotCapture);
    const amount = typeof raw === 'number' ? raw : authorization.remain;
    if (amount > authorization.remain) {
      throw invalidField(
        1001,
        `Invalid amount: ${amount} is more than the ${authorization.remain} still capturable`,
      );
    }
    const captureOrderId = this.captureOrderId(order, body.new_order_id);

    const full = authorization.captures.length === 0 && amount === order.amount;
    const now = new Date();
    const captureOrder: Order = {
      ...order,
      orderId: captureOrderId,
      transactionId: this.store.newTransactionId(),
      status: 'initialized',
      financialStatus: 'initialized',
      amount,
      description: description || order.description,
      amountRefunded: 0,
      created: now,
      modified: now,
      completed: null,
      session: null,
      refunds: [],
      timers: new Map(),
      authorization: null,
      authOrder: order,
      // The capture order carries no token of its own (docs/multisafepay.md#capturing: recurring_id null).
      recurring: null,
    };
    this.store.store(captureOrder);
    authorization.captures.push({ order: captureOrder, amount, created: now });
    authorization.remain -= amount;
    this.store.setStatus(captureOrder, newStatus, 'completed', str(body.reason) || 'Captured', '');
    order.modified = now;
    if (authorization.remain === 0) {
      this.store.clearTimer(order, EXPIRY_TIMER);
      this.store.setStatus(order, order.status, 'completed', 'Captured', '');
    } else {
      // Its statuses stay; capture_remain and related_transactions change: notified as well.
      this.store.notify(order);
    }
    return {
      transaction_id: new BigIntegerText(captureOrder.transactionId),
      // OBSERVED on MultiSafepay's test API (docs/multisafepay.md#capturing): a full capture answers the original order_id.
      order_id: full ? order.orderId : captureOrderId,
    };
  }

  /** PATCH /capture/{id} `{status: "cancelled", reason}`: release what is left (docs/multisafepay.md#releasing). */
  release(
    site: Site,
    orderId: string,
    body: unknown,
  ): { transaction_id: BigIntegerText; order_id: string; success: true } {
    const order = this.store.get(site, orderId);
    if (!order) throw new MspError(404, 1000, 'Not found');
    if (!isObject(body) || body.status === undefined) throw missingData('status');
    if (body.status !== 'cancelled')
      throw invalidField(1016, "Invalid status: it must be 'cancelled'");
    const reason = str(body.reason);
    if (reason === undefined) throw missingData('reason');
    this.openAuthorization(order, cannotRelease);
    const transactionId = this.end(order, 'cancelled', reason || 'Authorization cancelled');
    return {
      transaction_id: new BigIntegerText(transactionId),
      order_id: order.orderId,
      success: true,
    };
  }

  /** The authorization lapsed (its timer ran, or a call came after `capture_expiry`). */
  expire(order: Order): void {
    const authorization = order.authorization;
    if (!authorization || authorization.remain === 0 || order.financialStatus !== 'initialized')
      return;
    // Fired early from the control surface: the clock jumps to the expiry, so the order reads as
    // lapsed now (capture_expiry in the past), as it would at MultiSafepay once the time came.
    if (authorization.expiresAt && authorization.expiresAt.getTime() > Date.now()) {
      authorization.expiresAt = new Date();
    }
    this.end(order, 'expired', 'Authorization expired');
  }

  /**
   * Releases the remainder: `void` when nothing was captured, else the order completes with an
   * `auth-cancellation` among its related transactions (docs/multisafepay.md#releasing).
   */
  private end(order: Order, kind: 'cancelled' | 'expired', reason: string): string {
    const authorization = order.authorization as Authorization;
    const transactionId = this.store.newTransactionId();
    authorization.cancellation = {
      kind,
      transactionId,
      amount: authorization.remain,
      reason,
      created: new Date(),
    };
    authorization.remain = 0;
    this.store.clearTimer(order, EXPIRY_TIMER);
    if (capturedOf(order) === 0) this.store.setStatus(order, 'void', 'void', reason, '');
    else this.store.setStatus(order, order.status, 'completed', reason, '');
    return transactionId;
  }

  /** The order's authorization if money can still be taken from it; else the error `refuse` makes. */
  private openAuthorization(order: Order, refuse: (why: string) => MspError): Authorization {
    const authorization = order.authorization;
    if (!authorization) return fail(refuse('the order is not a manual-capture authorization'));
    if (authorization.expiresAt === null)
      return fail(refuse(`the order is not authorized (it is ${order.status})`));
    if (authorization.remain > 0 && authorization.expiresAt.getTime() <= Date.now())
      this.expire(order);
    if (authorization.cancellation)
      return fail(
        refuse(
          authorization.cancellation.kind === 'expired'
            ? 'the authorization has expired'
            : 'the authorization was cancelled',
        ),
      );
    if (authorization.remain === 0 || order.financialStatus !== 'initialized')
      return fail(refuse('nothing is left to capture'));
    return authorization;
  }

  private captureOrderId(order: Order, requested: unknown): string {
    if (requested !== undefined && requested !== null && requested !== '') {
      if (typeof requested !== 'string' || requested.length > 50)
        throw invalidField(1006, 'Invalid new_order_id');
      if (this.store.has(order.site, requested))
        throw invalidField(1006, 'Invalid order ID: it already exists');
      return requested;
    }
    let n = (order.authorization?.captures.length ?? 0) + 1;
    while (this.store.has(order.site, `${order.orderId}-capture-${n}`)) n += 1;
    return `${order.orderId}-capture-${n}`;
  }
}

function fail(error: MspError): never {
  throw error;
}
