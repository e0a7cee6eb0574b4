import { Injectable } from '@nestjs/common';
import { capturedOf, mspTime, type OrderStatus } from './order.js';
import { OrderStore } from './order-store.service.js';
import { RefundsService } from './refunds.service.js';
import { ThreeDsService } from './three-ds.service.js';
import { TokensService } from './tokens.service.js';

/** What the control surface (`/sandbox-admin`, docs/sandbox.md) does to the sandbox's state. */
@Injectable()
export class SandboxControlService {
  constructor(
    private readonly store: OrderStore,
    private readonly threeDs: ThreeDsService,
    private readonly refunds: RefundsService,
    private readonly tokens: TokensService,
  ) {}

  listOrders(orderId?: string): Record<string, unknown>[] {
    return [...this.store.all()]
      .filter((o) => !orderId || o.orderId === orderId)
      .map((o) => ({
        order_id: o.orderId,
        transaction_id: o.transactionId,
        status: o.status,
        financial_status: o.financialStatus,
        amount: o.amount,
        amount_refunded: o.amountRefunded,
        currency: o.currency,
        card: o.card.masked,
        notification_method: o.notificationMethod,
        capture: o.authorization
          ? { remain: o.authorization.remain, captured: capturedOf(o) }
          : null,
        auth_order_id: o.authOrder?.orderId ?? null,
        pending_timers: [...o.timers.keys()],
        created: mspTime(o.created),
      }));
  }

  forceStatus(orderId: string, status: OrderStatus): void {
    const order = this.store.findAnyKey(orderId);
    this.store.clearTimers(order);
    this.store.setStatus(
      order,
      status,
      status === 'refunded' || status === 'partial_refunded' ? 'completed' : status,
      `Forced by the sandbox`,
      '',
    );
  }

  fireTimers(orderId: string): string[] {
    return this.store.fireTimers(this.store.findAnyKey(orderId));
  }

  settleRefunds(): number {
    return this.refunds.settleAll();
  }

  reset(): void {
    this.store.reset();
    this.threeDs.reset();
    this.tokens.reset();
  }
}
