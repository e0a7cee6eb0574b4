import { Inject, Injectable } from '@nestjs/common';
import { invalidField, missingData } from './msp-error.js';
import { capturedOf, isObject, str, type Order, type Refund } from './order.js';
import { OrderStore } from './order-store.service.js';
import { MSP_SANDBOX_OPTIONS, type ResolvedSandboxOptions } from './sandbox.options.js';
import type { Site } from './sites.js';
import { BigIntegerText } from './wire-json.js';

/** `POST /orders/{id}/refunds` (docs/multisafepay.md#refunds, docs/sandbox.md#api): refunds and their settling. */
@Injectable()
export class RefundsService {
  constructor(
    @Inject(MSP_SANDBOX_OPTIONS) private readonly options: ResolvedSandboxOptions,
    private readonly store: OrderStore,
  ) {}

  refund(
    site: Site,
    orderId: string,
    body: unknown,
  ): { transaction_id: BigIntegerText; refund_id: BigIntegerText } {
    const order = this.store.find(site, orderId);
    if (!isObject(body)) throw missingData('the body must be a JSON object');
    const currency = str(body.currency);
    if (!currency) throw missingData('currency');
    if (currency !== order.currency)
      throw invalidField(1002, 'Invalid currency: it must be the order currency');
    if (order.authorization && capturedOf(order) === 0) {
      throw invalidField(1034, 'Cannot refund transaction: nothing has been captured');
    }
    const remaining = this.refundable(order);
    const raw = body.amount;
    const amount = raw === undefined || raw === null || raw === '' || raw === 0 ? remaining : raw;
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 1) {
      throw invalidField(1001, 'Invalid amount');
    }
    if (!['completed', 'partial_refunded', 'shipped'].includes(order.status)) {
      throw invalidField(1034, `Cannot refund transaction: the order is ${order.status}`);
    }
    if (amount > remaining) {
      throw invalidField(
        1034,
        order.authorization || order.authOrder
          ? 'Cannot refund transaction: amount exceeds the captured amount not yet refunded'
          : 'Cannot refund transaction: amount exceeds the refundable amount',
      );
    }
    const fiveMinutesAgo = Date.now() - 5 * 60_000;
    if (
      order.refunds.some(
        (r) => r.amount === amount && r.status !== 'void' && r.created.getTime() > fiveMinutesAgo,
      )
    ) {
      throw invalidField(
        1034,
        'Cannot refund transaction: the same amount was refunded within 5 minutes',
      );
    }
    const description = str(body.description) ?? `Refund for order ${order.orderId}`;
    if (description.length > 200) throw invalidField(1008, 'Invalid description');
    const refundOrderId = str(body.refund_order_id) ?? order.orderId;
    if (refundOrderId.length > 50) throw invalidField(1006, 'Invalid refund_order_id');
    const now = new Date();
    const refund: Refund = {
      refundOrderId,
      transactionId: this.store.newTransactionId(),
      refundId: this.store.newTransactionId(),
      amount,
      currency,
      description,
      status: 'reserved',
      created: now,
      modified: now,
    };
    order.refunds.push(refund);
    order.amountRefunded += amount;
    this.afterRefund(order);
    this.store.schedule(order, `refund-${refund.refundId}`, this.options.refundSettleMs, () =>
      this.settle(order, refund),
    );
    return {
      transaction_id: new BigIntegerText(refund.transactionId),
      refund_id: new BigIntegerText(refund.refundId),
    };
  }

  /**
   * What may still be refunded. A manual-capture authorization refunds captured money only, through
   * itself or through its capture orders, which share that limit (docs/sandbox.md, our choice).
   */
  private refundable(order: Order): number {
    const auth = order.authOrder ?? order;
    if (!auth.authorization) return order.amount - order.amountRefunded;
    const captureOrders = auth.authorization.captures.map((c) => c.order);
    const refunded = captureOrders.reduce((sum, c) => sum + c.amountRefunded, auth.amountRefunded);
    const left = capturedOf(auth) - refunded;
    return order.authOrder ? Math.min(left, order.amount - order.amountRefunded) : left;
  }

  /** `refunded` once all its money is back (a capture's refunds count for its authorization). */
  private afterRefund(order: Order): void {
    const open = order.authorization !== null && order.financialStatus === 'initialized';
    const full = !open && this.refundable(order) === 0;
    this.store.setStatus(
      order,
      full ? 'refunded' : 'partial_refunded',
      open ? 'initialized' : 'completed',
      'Refund',
      '',
    );
  }

  /** Every `reserved` refund → `completed` now (control surface). */
  settleAll(): number {
    let settled = 0;
    for (const order of this.store.all()) {
      for (const refund of order.refunds.filter((r) => r.status === 'reserved')) {
        this.store.clearTimer(order, `refund-${refund.refundId}`);
        this.settle(order, refund);
        settled += 1;
      }
    }
    return settled;
  }

  private settle(order: Order, refund: Refund): void {
    if (refund.status !== 'reserved') return;
    refund.status = 'completed';
    refund.modified = new Date();
    order.modified = refund.modified;
    this.store.notify(order);
  }
}
