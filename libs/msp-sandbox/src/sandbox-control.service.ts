import { Inject, Injectable } from '@nestjs/common';
import { MspError } from './msp-error.js';
import { capturedOf, mspTime, type OrderStatus } from './order.js';
import { OrderStore } from './order-store.service.js';
import { RefundsService } from './refunds.service.js';
import { ThreeDsService } from './three-ds.service.js';
import { TokensService } from './tokens.service.js';
import { MSP_SANDBOX_OPTIONS, type ResolvedSandboxOptions } from './sandbox.options.js';
import { keyHint } from './sites.js';

/** What the control surface (`/sandbox-admin`, docs/sandbox.md) does to the sandbox's state. */
@Injectable()
export class SandboxControlService {
  constructor(
    @Inject(MSP_SANDBOX_OPTIONS) private readonly options: ResolvedSandboxOptions,
    private readonly store: OrderStore,
    private readonly threeDs: ThreeDsService,
    private readonly refunds: RefundsService,
    private readonly tokens: TokensService,
  ) {}

  /**
   * The sites (one per API key) with what each holds. The key is shown by its last 4 characters
   * only; sites of one MultiSafepay account share tokens.
   */
  listSites(): Record<string, unknown>[] {
    const orders = new Map<string, number>();
    for (const o of this.store.all()) orders.set(o.site.name, (orders.get(o.site.name) ?? 0) + 1);
    return this.options.sites.map((site) => ({
      site: site.name,
      api_key: keyHint(site.apiKey),
      shares_tokens_with: this.options.sites
        .filter((s) => s !== site && s.account === site.account)
        .map((s) => s.name),
      orders: orders.get(site.name) ?? 0,
      tokens: this.tokens.countFor(site.account),
    }));
  }

  /** A site name the control surface was given, checked (400 when no site has it). */
  siteName(name: string | undefined): string | undefined {
    if (name === undefined || this.options.sites.some((s) => s.name === name)) return name;
    throw new MspError(
      400,
      1016,
      `Missing data: no site ${name} (sites: ${this.options.sites.map((s) => s.name).join(', ')})`,
    );
  }

  listOrders(orderId?: string, site?: string): Record<string, unknown>[] {
    return [...this.store.all()]
      .filter((o) => (!orderId || o.orderId === orderId) && (!site || o.site.name === site))
      .map((o) => ({
        site: o.site.name,
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

  forceStatus(orderId: string, status: OrderStatus, site?: string): void {
    const order = this.store.findForControl(orderId, site);
    this.store.clearTimers(order);
    this.store.setStatus(
      order,
      status,
      status === 'refunded' || status === 'partial_refunded' ? 'completed' : status,
      `Forced by the sandbox`,
      '',
    );
  }

  fireTimers(orderId: string, site?: string): string[] {
    return this.store.fireTimers(this.store.findForControl(orderId, site));
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
