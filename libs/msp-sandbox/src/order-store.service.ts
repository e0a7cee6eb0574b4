import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { MspError, orderNotFound } from './msp-error.js';
import { Notifier } from './notifier.js';
import { orderObject } from './order-object.js';
import type { Order, OrderStatus } from './order.js';
import { MSP_SANDBOX_OPTIONS, type ResolvedSandboxOptions } from './sandbox.options.js';
import type { Site } from './sites.js';
import { canonicalJson } from './wire-json.js';

const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The orders the sandbox holds (per site, oldest dropped past `maxOrders`), their timers,
 * and the one way their status changes: `setStatus`, which notifies the merchant.
 */
@Injectable()
export class OrderStore implements OnModuleDestroy {
  private readonly orders = new Map<string, Order>();
  private readonly evictionListeners: ((order: Order) => void)[] = [];
  // 17 digits, as PSP ids are in production: far above 2^53, where JSON.parse loses digits.
  private nextTransaction = BigInt('17472052900000001') + BigInt(randomInt(1_000_000)) * 1000n;

  constructor(
    @Inject(MSP_SANDBOX_OPTIONS) readonly options: ResolvedSandboxOptions,
    readonly notifier: Notifier,
  ) {}

  onModuleDestroy(): void {
    for (const order of this.orders.values()) this.clearTimers(order);
    this.notifier.close();
  }

  /** Runs when an order is dropped to respect `maxOrders`. */
  onEvict(listener: (order: Order) => void): void {
    this.evictionListeners.push(listener);
  }

  has(site: Site, orderId: string): boolean {
    return this.orders.has(this.key(site, orderId));
  }

  get(site: Site, orderId: string): Order | undefined {
    return this.orders.get(this.key(site, orderId));
  }

  /** The site's order; another site's is unknown to it, as at MultiSafepay (1006). */
  find(site: Site, orderId: string): Order {
    const order = this.get(site, orderId);
    if (!order) throw orderNotFound();
    return order;
  }

  /**
   * The control surface names orders without a key: by `order_id`, and by site name when that
   * `order_id` exists on several sites.
   */
  findForControl(orderId: string, siteName?: string): Order {
    const found = [...this.orders.values()].filter(
      (o) => o.orderId === orderId && (siteName === undefined || o.site.name === siteName),
    );
    if (found.length === 0) throw orderNotFound();
    if (found.length > 1) {
      throw new MspError(
        400,
        1016,
        `Missing data: site (order ${orderId} exists on ${found.map((o) => o.site.name).join(', ')})`,
      );
    }
    return found[0];
  }

  all(): IterableIterator<Order> {
    return this.orders.values();
  }

  store(order: Order): void {
    this.orders.set(this.key(order.site, order.orderId), order);
    while (this.orders.size > this.options.maxOrders) {
      const [oldestKey, oldest] = this.orders.entries().next().value as [string, Order];
      this.clearTimers(oldest);
      for (const listener of this.evictionListeners) listener(oldest);
      this.orders.delete(oldestKey);
    }
  }

  newTransactionId(): string {
    this.nextTransaction += BigInt(randomInt(1, 1000));
    return this.nextTransaction.toString();
  }

  setStatus(
    order: Order,
    status: OrderStatus,
    financial: OrderStatus,
    reason: string,
    reasonCode: string,
  ): void {
    if (order.status === status && order.financialStatus === financial) return;
    order.status = status;
    order.financialStatus = financial;
    order.reason = reason;
    order.reasonCode = reasonCode;
    order.modified = new Date();
    if (status === 'completed' && !order.completed) order.completed = order.modified;
    this.notify(order);
  }

  notify(order: Order): void {
    if (!order.notificationUrl) return;
    this.notifier.notify({
      orderId: order.orderId,
      method: order.notificationMethod,
      url: order.notificationUrl,
      site: order.site,
      status: order.status,
      body: () => canonicalJson(orderObject(order)),
    });
  }

  /** Runs `fire` after `ms` (however long: Node's timers stop at 2^31 − 1 ms, about 24.8 days). */
  schedule(order: Order, name: string, ms: number, fire: () => void): void {
    this.clearTimer(order, name);
    const due = Date.now() + ms;
    const run = (): void => {
      order.timers.delete(name);
      fire();
    };
    const arm = (): NodeJS.Timeout => {
      const left = due - Date.now();
      const timer =
        left > MAX_TIMER_MS
          ? setTimeout(() => {
              entry.timer = arm();
            }, MAX_TIMER_MS)
          : setTimeout(run, Math.max(left, 0));
      timer.unref();
      return timer;
    };
    const entry = { timer: arm(), fire };
    order.timers.set(name, entry);
  }

  clearTimer(order: Order, name: string): void {
    const t = order.timers.get(name);
    if (t) clearTimeout(t.timer);
    order.timers.delete(name);
  }

  clearTimers(order: Order): void {
    for (const name of [...order.timers.keys()]) this.clearTimer(order, name);
  }

  /** Runs the order's pending timers now; returns their names. */
  fireTimers(order: Order): string[] {
    const fired = [...order.timers.keys()];
    for (const [name, { timer, fire }] of [...order.timers.entries()]) {
      clearTimeout(timer);
      order.timers.delete(name);
      fire();
    }
    return fired;
  }

  reset(): void {
    for (const order of this.orders.values()) this.clearTimers(order);
    this.orders.clear();
    this.notifier.reset();
  }

  private key(site: Site, orderId: string): string {
    return `${site.name}\u0000${orderId}`;
  }
}
