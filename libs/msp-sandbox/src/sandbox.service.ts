import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { randomBytes, randomInt } from 'node:crypto';
import { isIP } from 'node:net';
import { brandOf, luhn, maskPan, outcomeOf, type CardOutcome } from './cards.js';
import { invalidField, missingData, MspError, orderNotFound } from './msp-error.js';
import { Notifier } from './notifier.js';
import { MSP_SANDBOX_OPTIONS, type ResolvedSandboxOptions } from './sandbox.options.js';
import { BigIntegerText, canonicalJson } from './wire-json.js';

export const ORDER_STATUSES = [
  'initialized',
  'uncleared',
  'completed',
  'declined',
  'cancelled',
  'void',
  'expired',
  'refunded',
  'partial_refunded',
  'reserved',
  'chargedback',
  'shipped',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const GATEWAYS = ['CREDITCARD', 'VISA', 'MASTERCARD', 'AMEX', 'MAESTRO'] as const;
const CURRENCIES = new Set(
  'EUR USD GBP CHF SEK NOK DKK PLN CZK HUF RON BGN ISK AUD CAD JPY CNY HKD SGD NZD ZAR BRL MXN TRY ILS AED SAR INR'.split(
    ' ',
  ),
);
const AMEX_CURRENCIES = new Set(['EUR', 'GBP', 'USD', 'CHF']);

interface Refund {
  refundOrderId: string;
  transactionId: string;
  refundId: string;
  amount: number;
  currency: string;
  description: string;
  status: 'reserved' | 'completed' | 'void';
  created: Date;
  modified: Date;
}

interface Order {
  apiKey: string;
  orderId: string;
  transactionId: string;
  status: OrderStatus;
  financialStatus: OrderStatus;
  amount: number;
  currency: string;
  description: string;
  amountRefunded: number;
  reason: string | null;
  reasonCode: string | null;
  created: Date;
  modified: Date;
  completed: Date | null;
  card: { brand: string; last4: string; expiry: string; holder: string; masked: string };
  customer: Record<string, unknown>;
  vars: [unknown, unknown, unknown];
  notificationUrl: string | null;
  notificationMethod: 'GET' | 'POST';
  redirectUrl: string | null;
  cancelUrl: string | null;
  session: string | null;
  authentication: 'Y' | 'N' | null;
  refunds: Refund[];
  timers: Map<string, { timer: NodeJS.Timeout; fire: () => void }>;
}

type Body = Record<string, unknown>;

function isObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `2026-11-24T15:04:05`: MultiSafepay's timestamps carry no offset. */
function mspTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/**
 * The sandbox's state and rules: orders per API key, test-card outcomes, 3-D Secure sessions,
 * timers, refunds, cancellation and notifications, following msp-api.md §10.
 */
@Injectable()
export class SandboxService implements OnModuleDestroy {
  readonly notifier: Notifier;
  private readonly orders = new Map<string, Order>();
  private readonly sessions = new Map<string, Order>();
  // 17 digits, as PSP ids are in production: far above 2^53, where JSON.parse loses digits.
  private nextTransaction = BigInt('17472052900000001') + BigInt(randomInt(1_000_000)) * 1000n;

  constructor(@Inject(MSP_SANDBOX_OPTIONS) readonly options: ResolvedSandboxOptions) {
    this.notifier = new Notifier(options);
  }

  onModuleDestroy(): void {
    for (const order of this.orders.values()) this.clearTimers(order);
    this.notifier.close();
  }

  // --- API --------------------------------------------------------------------------------------

  createOrder(apiKey: string, body: unknown): Record<string, unknown> {
    if (!isObject(body)) throw missingData('the body must be a JSON object');
    const type = str(body.type);
    if (!type) throw missingData('type');
    if (type !== 'direct')
      throw invalidField(
        1021,
        `Cannot create transaction: the sandbox supports type 'direct' only`,
      );
    const gateway = str(body.gateway)?.toUpperCase();
    if (!gateway || !(GATEWAYS as readonly string[]).includes(gateway)) {
      throw invalidField(1023, 'No gateway (payment method) available');
    }
    const orderId = str(body.order_id);
    if (!orderId || orderId.length > 50) throw invalidField(1006, 'Invalid order ID');
    if (this.orders.has(this.key(apiKey, orderId)))
      throw invalidField(1006, 'Invalid order ID: it already exists');
    const currency = str(body.currency);
    if (!currency || !CURRENCIES.has(currency)) throw invalidField(1002, 'Invalid currency');
    const amount = body.amount;
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 1) {
      throw invalidField(1001, 'Invalid amount');
    }
    const description = str(body.description);
    if (!description || description.length > 200) throw invalidField(1008, 'Invalid description');

    const options = isObject(body.payment_options) ? body.payment_options : {};
    const method = (str(options.notification_method) ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'POST')
      throw invalidField(1016, 'Invalid notification_method');
    const customer = isObject(body.customer) ? body.customer : {};
    const ip = str(customer.ip_address);
    if (ip !== undefined && ip !== '' && isIP(ip) === 0)
      throw invalidField(1007, 'Invalid IP address');
    const country = str(customer.country);
    if (country !== undefined && !/^[A-Z]{2}$/.test(country))
      throw invalidField(1018, 'Invalid country code');

    const info = isObject(body.gateway_info) ? body.gateway_info : undefined;
    if (!info) throw missingData('gateway_info');
    const pan = str(info.card_number)?.replace(/\s+/g, '');
    if (!pan) throw missingData('gateway_info.card_number');
    if (!/^\d{12,19}$/.test(pan) || !luhn(pan)) throw invalidField(1016, 'Invalid card number');
    const brand = brandOf(pan);
    if (!brand) throw invalidField(1023, 'No gateway (payment method) available for this card');
    if (gateway !== 'CREDITCARD' && gateway !== brand) {
      throw invalidField(1023, `No gateway (payment method) available: the card is not ${gateway}`);
    }
    if (brand === 'AMEX' && !AMEX_CURRENCIES.has(currency))
      throw invalidField(1002, 'Invalid currency for AMEX');
    const expiryRaw = info.card_expiry_date;
    const expiry =
      typeof expiryRaw === 'number' ? String(expiryRaw).padStart(4, '0') : str(expiryRaw);
    if (!expiry) throw missingData('gateway_info.card_expiry_date');
    if (!/^\d{2}(0[1-9]|1[0-2])$/.test(expiry))
      throw invalidField(1016, 'Invalid card_expiry_date (YYMM)');
    const now = new Date();
    const yymmNow = (now.getUTCFullYear() % 100) * 100 + now.getUTCMonth() + 1;
    if (Number(expiry) < yymmNow)
      throw invalidField(1016, 'Invalid card_expiry_date: the card has expired');
    const cvc = str(info.card_cvc) ?? str(info.cvc);
    if (cvc === undefined && brand !== 'MAESTRO') throw missingData('gateway_info.card_cvc');
    if (cvc !== undefined && !/^\d{3,4}$/.test(cvc)) throw invalidField(1016, 'Invalid card_cvc');
    const holder = str(info.card_holder_name) ?? '';

    const outcome = outcomeOf(pan);
    if (outcome.kind === 'error_1024') throw invalidField(1024, 'Transaction declined');

    const created = new Date();
    const order: Order = {
      apiKey,
      orderId,
      transactionId: this.newTransactionId(),
      status: 'initialized',
      financialStatus: 'initialized',
      amount,
      currency,
      description,
      amountRefunded: 0,
      reason: null,
      reasonCode: null,
      created,
      modified: created,
      completed: null,
      card: { brand, last4: pan.slice(-4), expiry, holder, masked: maskPan(pan) },
      customer: this.customerOf(customer),
      vars: [body.var1 ?? null, body.var2 ?? null, body.var3 ?? null],
      notificationUrl: str(options.notification_url) ?? null,
      notificationMethod: method,
      redirectUrl: str(options.redirect_url) ?? null,
      cancelUrl: str(options.cancel_url) ?? null,
      session: null,
      authentication: null,
      refunds: [],
      timers: new Map(),
    };
    this.store(order);
    return this.applyOutcome(order, outcome);
  }

  getOrder(apiKey: string, orderId: string): Record<string, unknown> {
    return this.orderObject(this.find(apiKey, orderId));
  }

  /** PATCH /orders/{id} `{status: "cancelled"}`: an unpaid order becomes `void` (our choice). */
  cancelOrder(apiKey: string, orderId: string, body: unknown): void {
    const order = this.orders.get(this.key(apiKey, orderId));
    if (!order) throw new MspError(404, 1000, 'Not found');
    if (!isObject(body) || str(body.status) !== 'cancelled') {
      throw invalidField(1016, "Missing data: status must be 'cancelled'");
    }
    if (order.status !== 'initialized' && order.status !== 'uncleared') {
      throw new MspError(409, 1000, `Cannot cancel an order that is ${order.status}`);
    }
    this.clearTimers(order);
    this.setStatus(order, 'void', 'void', 'Cancelled by merchant', '');
  }

  refund(
    apiKey: string,
    orderId: string,
    body: unknown,
  ): { transaction_id: BigIntegerText; refund_id: BigIntegerText } {
    const order = this.find(apiKey, orderId);
    if (!isObject(body)) throw missingData('the body must be a JSON object');
    const currency = str(body.currency);
    if (!currency) throw missingData('currency');
    if (currency !== order.currency)
      throw invalidField(1002, 'Invalid currency: it must be the order currency');
    const remaining = order.amount - order.amountRefunded;
    const raw = body.amount;
    const amount = raw === undefined || raw === null || raw === '' || raw === 0 ? remaining : raw;
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 1) {
      throw invalidField(1001, 'Invalid amount');
    }
    if (!['completed', 'partial_refunded', 'shipped'].includes(order.status)) {
      throw invalidField(1034, `Cannot refund transaction: the order is ${order.status}`);
    }
    if (amount > remaining)
      throw invalidField(1034, 'Cannot refund transaction: amount exceeds the refundable amount');
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
      transactionId: this.newTransactionId(),
      refundId: this.newTransactionId(),
      amount,
      currency,
      description,
      status: 'reserved',
      created: now,
      modified: now,
    };
    order.refunds.push(refund);
    order.amountRefunded += amount;
    const full = order.amountRefunded >= order.amount;
    this.setStatus(order, full ? 'refunded' : 'partial_refunded', 'completed', 'Refund', '');
    this.schedule(order, `refund-${refund.refundId}`, this.options.refundSettleMs, () =>
      this.settleRefund(order, refund),
    );
    return {
      transaction_id: new BigIntegerText(refund.transactionId),
      refund_id: new BigIntegerText(refund.refundId),
    };
  }

  // --- 3-D Secure page --------------------------------------------------------------------------

  session(session: string): Order | undefined {
    return this.sessions.get(session);
  }

  /** The shopper's choice on the 3-D Secure page; returns where to send the browser. */
  completeThreeDs(session: string, result: 'success' | 'failure' | 'cancel'): string | null {
    const order = this.sessions.get(session);
    if (!order) return null;
    this.sessions.delete(session);
    order.session = null;
    this.clearTimer(order, 'expire');
    if (order.status === 'initialized') {
      if (result === 'success') {
        order.authentication = 'Y';
        this.setStatus(order, 'completed', 'completed', 'Successful approval/completion', '');
      } else if (result === 'failure') {
        order.authentication = 'N';
        this.setStatus(
          order,
          'declined',
          'declined',
          '3DS Authentication Failed / Card authentication failed',
          '3001',
        );
      } else {
        this.setStatus(order, 'void', 'void', 'Cancelled by the shopper', '');
      }
    }
    const target =
      order.status === 'completed' ? order.redirectUrl : (order.cancelUrl ?? order.redirectUrl);
    if (!target) return null;
    return `${target}${target.includes('?') ? '&' : '?'}transactionid=${encodeURIComponent(order.orderId)}`;
  }

  // --- control surface --------------------------------------------------------------------------

  listOrders(orderId?: string): Record<string, unknown>[] {
    return [...this.orders.values()]
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
        pending_timers: [...o.timers.keys()],
        created: mspTime(o.created),
      }));
  }

  forceStatus(orderId: string, status: OrderStatus): void {
    const order = this.findAnyKey(orderId);
    this.clearTimers(order);
    this.setStatus(
      order,
      status,
      status === 'refunded' || status === 'partial_refunded' ? 'completed' : status,
      `Forced by the sandbox`,
      '',
    );
  }

  fireTimers(orderId: string): string[] {
    const order = this.findAnyKey(orderId);
    const fired = [...order.timers.keys()];
    for (const [name, { timer, fire }] of [...order.timers.entries()]) {
      clearTimeout(timer);
      order.timers.delete(name);
      fire();
    }
    return fired;
  }

  settleRefunds(): number {
    let settled = 0;
    for (const order of this.orders.values()) {
      for (const refund of order.refunds.filter((r) => r.status === 'reserved')) {
        this.clearTimer(order, `refund-${refund.refundId}`);
        this.settleRefund(order, refund);
        settled += 1;
      }
    }
    return settled;
  }

  reset(): void {
    for (const order of this.orders.values()) this.clearTimers(order);
    this.orders.clear();
    this.sessions.clear();
    this.notifier.reset();
  }

  // --- internals --------------------------------------------------------------------------------

  private applyOutcome(order: Order, outcome: CardOutcome): Record<string, unknown> {
    const extra: Record<string, unknown> = {};
    switch (outcome.kind) {
      case 'three_ds': {
        const session = `3ds-${randomBytes(16).toString('hex')}`;
        order.session = session;
        this.sessions.set(session, order);
        order.reason = '3D Secure Authorization';
        order.reasonCode = '';
        const url = this.paymentUrl(session);
        extra.payment_url = url;
        extra.customer_verification = { type: 'form', html: this.verificationForm(url, order) };
        extra.cancel_url = order.cancelUrl;
        this.schedule(order, 'expire', this.options.expireAfterMs, () => {
          if (order.session) this.sessions.delete(order.session);
          order.session = null;
          if (order.status === 'initialized')
            this.setStatus(order, 'expired', 'expired', 'Expired', '');
        });
        break;
      }
      case 'completed':
        order.authentication = 'Y';
        this.setStatus(order, 'completed', 'completed', 'Successful approval/completion', '');
        break;
      case 'uncleared':
        order.authentication = 'Y';
        this.setStatus(order, 'uncleared', 'uncleared', 'Fraud review', '');
        this.schedule(order, 'uncleared', this.options.unclearedResolveMs, () => {
          if (order.status !== 'uncleared') return;
          if (outcome.then === 'completed')
            this.setStatus(order, 'completed', 'completed', 'Accepted after review', '');
          else this.setStatus(order, 'void', 'void', 'Declined after review', '');
        });
        break;
      case 'declined':
        order.authentication = outcome.reasonCode === '3001' ? 'N' : 'Y';
        this.setStatus(order, 'declined', 'declined', outcome.reason, outcome.reasonCode);
        break;
      case 'error_1024':
        break;
    }
    return { ...this.orderObject(order), ...extra };
  }

  private setStatus(
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

  private notify(order: Order): void {
    if (!order.notificationUrl) return;
    this.notifier.notify({
      orderId: order.orderId,
      method: order.notificationMethod,
      url: order.notificationUrl,
      apiKey: order.apiKey,
      status: order.status,
      body: () => canonicalJson(this.orderObject(order)),
    });
  }

  private settleRefund(order: Order, refund: Refund): void {
    if (refund.status !== 'reserved') return;
    refund.status = 'completed';
    refund.modified = new Date();
    order.modified = refund.modified;
    this.notify(order);
  }

  private schedule(order: Order, name: string, ms: number, fire: () => void): void {
    this.clearTimer(order, name);
    const run = (): void => {
      order.timers.delete(name);
      fire();
    };
    const timer = setTimeout(run, ms);
    timer.unref();
    order.timers.set(name, { timer, fire });
  }

  private clearTimer(order: Order, name: string): void {
    const t = order.timers.get(name);
    if (t) clearTimeout(t.timer);
    order.timers.delete(name);
  }

  private clearTimers(order: Order): void {
    for (const name of [...order.timers.keys()]) this.clearTimer(order, name);
  }

  private store(order: Order): void {
    this.orders.set(this.key(order.apiKey, order.orderId), order);
    while (this.orders.size > this.options.maxOrders) {
      const [oldestKey, oldest] = this.orders.entries().next().value as [string, Order];
      this.clearTimers(oldest);
      if (oldest.session) this.sessions.delete(oldest.session);
      this.orders.delete(oldestKey);
    }
  }

  private find(apiKey: string, orderId: string): Order {
    const order = this.orders.get(this.key(apiKey, orderId));
    if (!order) throw orderNotFound();
    return order;
  }

  private findAnyKey(orderId: string): Order {
    const order = [...this.orders.values()].find((o) => o.orderId === orderId);
    if (!order) throw orderNotFound();
    return order;
  }

  private key(apiKey: string, orderId: string): string {
    return `${apiKey}\u0000${orderId}`;
  }

  private newTransactionId(): string {
    this.nextTransaction += BigInt(randomInt(1, 1000));
    return this.nextTransaction.toString();
  }

  paymentUrl(session: string): string {
    const prefix = this.options.routePrefix ? `/${this.options.routePrefix}` : '';
    const base = this.options.publicBaseUrl.endsWith(prefix)
      ? this.options.publicBaseUrl
      : `${this.options.publicBaseUrl}${prefix}`;
    return `${base}/connect/${session}?lang=nl_NL`;
  }

  private verificationForm(url: string, order: Order): string {
    const md = Buffer.from(order.orderId).toString('base64');
    return [
      '<html><head><title>3D Secure</title></head>',
      '<body onload="document.forms[0].submit()">',
      `<form method="post" action="${escapeHtml(url)}">`,
      `<input type="hidden" name="PaReq" value="${Buffer.from(`sandbox:${order.transactionId}`).toString('base64')}">`,
      `<input type="hidden" name="MD" value="${md}">`,
      `<input type="hidden" name="TermUrl" value="${escapeHtml(url)}">`,
      '<noscript><button type="submit">Proceed</button></noscript>',
      '</form></body></html>',
    ].join('');
  }

  private customerOf(c: Body): Record<string, unknown> {
    const s = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
    return {
      locale: s(c.locale) ?? 'en_US',
      first_name: s(c.first_name) ?? s(c.firstname),
      last_name: s(c.last_name) ?? s(c.lastname),
      address1: s(c.address1),
      address2: s(c.address2),
      house_number: s(c.house_number),
      zip_code: s(c.zip_code),
      city: s(c.city),
      state: s(c.state),
      country: s(c.country),
      country_name: null,
      phone1: s(c.phone),
      phone2: '',
      email: s(c.email),
      company_name: null,
      cocnumber: null,
    };
  }

  /** The order object of GET /orders/{id} (msp-api.md §4), also the POST notification body. */
  orderObject(o: Order): Record<string, unknown> {
    const transactionId = new BigIntegerText(o.transactionId);
    const paid = ['completed', 'refunded', 'partial_refunded', 'shipped', 'chargedback'].includes(
      o.status,
    );
    return {
      transaction_id: transactionId,
      order_id: o.orderId,
      created: mspTime(o.created),
      modified: mspTime(o.modified),
      completed: o.completed ? mspTime(o.completed) : null,
      currency: o.currency,
      amount: o.amount,
      amount_refunded: o.amountRefunded,
      description: o.description,
      items: null,
      var1: o.vars[0],
      var2: o.vars[1],
      var3: o.vars[2],
      status: o.status,
      financial_status: o.financialStatus,
      reason: o.reason,
      reason_code: o.reasonCode,
      fastcheckout: 'NO',
      customer: o.customer,
      custom_info: { custom_1: null, custom_2: null, custom_3: null },
      payment_details: {
        type: o.card.brand,
        account_holder_name: o.card.holder,
        account_id: null,
        card_expiry_date: o.card.expiry,
        last4: o.card.last4,
        external_transaction_id: null,
        authorization_code: paid
          ? String(100000 + (Number(o.transactionId.slice(-5)) % 900000))
          : null,
        response_code: paid ? '00' : o.status === 'declined' ? '08' : null,
        recurring_id: null,
        recurring_model: null,
        recurring_flow: null,
        card_funding: 'C',
        card_authentication_result: o.authentication
          ? {
              status: o.authentication,
              eci: o.authentication === 'Y' ? '05' : '07',
              version: '2.2.0',
              cavv: null,
              ds_transaction_id: null,
              acs_transaction_id: null,
            }
          : null,
        card_authentication_details: o.authentication
          ? { flow: 'challenge', exemption: null }
          : null,
      },
      payment_methods: [
        {
          type: o.card.brand,
          payment_description: o.card.brand,
          status: o.financialStatus,
          amount: o.amount,
          currency: o.currency,
          description: o.description,
          account_holder_name: o.card.holder,
          card_expiry_date: o.card.expiry,
          last4: o.card.last4,
        },
      ],
      costs: paid
        ? [
            {
              transaction_id: transactionId,
              amount: Math.round(o.amount * 0.002) / 100,
              description: '0.20 % For Card Transactions',
              type: 'SYSTEM',
            },
          ]
        : [],
      related_transactions:
        o.refunds.length === 0
          ? null
          : o.refunds.map((r) => ({
              transaction_id: new BigIntegerText(r.transactionId),
              order_id: o.orderId,
              refund_order_id: r.refundOrderId,
              reference_transaction_id: transactionId,
              type: 'refund',
              status: r.status,
              amount: r.amount,
              currency: r.currency,
              description: r.description,
              created: mspTime(r.created),
              modified: mspTime(r.modified),
            })),
    };
  }
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
