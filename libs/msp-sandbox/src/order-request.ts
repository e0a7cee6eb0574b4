import { isIP } from 'node:net';
import { brandOf, luhn, maskPan } from './cards.js';
import { invalidField, missingData } from './msp-error.js';
import { isObject, str, type Body } from './order.js';
import { CAPTURE_BRANDS } from './sandbox.options.js';

const GATEWAYS = ['CREDITCARD', 'VISA', 'MASTERCARD', 'AMEX', 'MAESTRO'] as const;
const CURRENCIES = new Set(
  'EUR USD GBP CHF SEK NOK DKK PLN CZK HUF RON BGN ISK AUD CAD JPY CNY HKD SGD NZD ZAR BRL MXN TRY ILS AED SAR INR'.split(
    ' ',
  ),
);
const AMEX_CURRENCIES = new Set(['EUR', 'GBP', 'USD', 'CHF']);

export const RECURRING_MODELS = ['cardOnFile', 'subscription', 'unscheduled'] as const;
export type RecurringModel = (typeof RECURRING_MODELS)[number];

export interface CardSummary {
  brand: string;
  last4: string;
  expiry: string;
  holder: string;
  masked: string;
}

/** A `POST /orders` body that passed every check (docs/multisafepay.md#creating-a-direct-card-order, docs/sandbox.md#api). */
export interface OrderRequest {
  orderId: string;
  /** Null only for a token payment that names no gateway (docs/multisafepay.md#paying-with-a-token). */
  gateway: string | null;
  currency: string;
  amount: number;
  description: string;
  notificationUrl: string | null;
  notificationMethod: 'GET' | 'POST';
  redirectUrl: string | null;
  cancelUrl: string | null;
  customer: Body;
  vars: [unknown, unknown, unknown];
  /** `capture: "manual"`: authorize now, capture later (docs/multisafepay.md#manual-capture). */
  manualCapture: boolean;
  /** `recurring_model` and `customer.reference`: a first payment, or a token payment's model. */
  recurring: { model: RecurringModel; customerReference: string } | null;
  /** A card (with its PAN, which the caller keeps for this request only), or a token. */
  source: { kind: 'card'; pan: string; card: CardSummary } | { kind: 'token'; token: string };
}

/**
 * Checks a `POST /orders` body in MultiSafepay's order and with its error codes; `exists` says
 * whether the order id is taken for this key.
 */
export function parseOrderRequest(
  body: unknown,
  exists: (orderId: string) => boolean,
): OrderRequest {
  if (!isObject(body)) throw missingData('the body must be a JSON object');
  const type = str(body.type);
  if (!type) throw missingData('type');
  if (type !== 'direct')
    throw invalidField(1021, `Cannot create transaction: the sandbox supports type 'direct' only`);
  // Top level (every example and SDK) or nested `recurring: {id, model}` (the card schema; docs/multisafepay.md#open-questions).
  const nested = isObject(body.recurring) ? body.recurring : {};
  const recurringId = body.recurring_id ?? nested.id;
  const tokenPayment = recurringId !== undefined && recurringId !== null && recurringId !== '';
  const gatewayRaw = body.gateway;
  const gateway =
    tokenPayment && (gatewayRaw === undefined || gatewayRaw === null || gatewayRaw === '')
      ? null
      : str(gatewayRaw)?.toUpperCase();
  if (gateway !== null && (!gateway || !(GATEWAYS as readonly string[]).includes(gateway))) {
    throw invalidField(1023, 'No gateway (payment method) available');
  }
  const orderId = str(body.order_id);
  if (!orderId || orderId.length > 50) throw invalidField(1006, 'Invalid order ID');
  if (exists(orderId)) throw invalidField(1006, 'Invalid order ID: it already exists');
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
  const recurring = parseRecurring(body.recurring_model ?? nested.model, customer, tokenPayment);
  if (body.capture !== undefined && body.capture !== null && body.capture !== 'manual')
    throw invalidField(1016, "Invalid capture: the only value is 'manual'");
  const manualCapture = body.capture === 'manual';

  const common: Omit<OrderRequest, 'source'> = {
    orderId,
    gateway,
    currency,
    amount,
    description,
    notificationUrl: str(options.notification_url) ?? null,
    notificationMethod: method,
    redirectUrl: str(options.redirect_url) ?? null,
    cancelUrl: str(options.cancel_url) ?? null,
    customer,
    vars: [body.var1 ?? null, body.var2 ?? null, body.var3 ?? null],
    manualCapture,
    recurring,
  };
  if (tokenPayment) {
    if (typeof recurringId !== 'string') throw invalidField(1016, 'Invalid recurring_id');
    const info = isObject(body.gateway_info) ? body.gateway_info : {};
    if (['card_number', 'card_cvc', 'cvc', 'card_expiry_date'].some((k) => info[k] !== undefined))
      throw invalidField(1016, 'Invalid gateway_info: a payment with a recurring_id takes no card');
    return { ...common, source: { kind: 'token', token: recurringId } };
  }
  const card = parseCard(body.gateway_info, gateway, currency);
  if (manualCapture) checkCaptureBrand(card.card.brand);
  return { ...common, source: { kind: 'card', ...card } };
}

function parseRecurring(
  model: unknown,
  customer: Body,
  tokenPayment: boolean,
): OrderRequest['recurring'] {
  if (model === undefined || model === null || model === '') {
    if (tokenPayment) throw missingData('recurring_model');
    return null;
  }
  if (!(RECURRING_MODELS as readonly unknown[]).includes(model)) {
    throw invalidField(1016, `Invalid recurring_model: use ${RECURRING_MODELS.join(', ')}`);
  }
  const reference = str(customer.reference);
  if (!reference) throw missingData('customer.reference');
  return { model: model as RecurringModel, customerReference: reference };
}

function parseCard(
  value: unknown,
  gateway: string | null,
  currency: string,
): { pan: string; card: CardSummary } {
  const info = isObject(value) ? value : undefined;
  if (!info) throw missingData('gateway_info');
  const pan = str(info.card_number)?.replace(/\s+/g, '');
  if (!pan) throw missingData('gateway_info.card_number');
  if (!/^\d{12,19}$/.test(pan) || !luhn(pan)) throw invalidField(1016, 'Invalid card number');
  const brand = brandOf(pan);
  if (!brand) throw invalidField(1023, 'No gateway (payment method) available for this card');
  checkGateway(gateway, brand, currency);
  const expiryRaw = info.card_expiry_date;
  const expiry =
    typeof expiryRaw === 'number' ? String(expiryRaw).padStart(4, '0') : str(expiryRaw);
  if (!expiry) throw missingData('gateway_info.card_expiry_date');
  if (!isYymm(expiry)) throw invalidField(1016, 'Invalid card_expiry_date (YYMM)');
  if (isPast(expiry)) throw invalidField(1016, 'Invalid card_expiry_date: the card has expired');
  const cvc = str(info.card_cvc) ?? str(info.cvc);
  if (cvc === undefined && brand !== 'MAESTRO') throw missingData('gateway_info.card_cvc');
  if (cvc !== undefined && !/^\d{3,4}$/.test(cvc)) throw invalidField(1016, 'Invalid card_cvc');
  const holder = str(info.card_holder_name) ?? '';
  return { pan, card: { brand, last4: pan.slice(-4), expiry, holder, masked: maskPan(pan) } };
}

/**
 * The gateway must allow the card's brand (`CREDITCARD`: any; none named: a token payment), and
 * Amex takes four currencies only.
 */
export function checkGateway(gateway: string | null, brand: string, currency?: string): void {
  if (gateway !== null && gateway !== 'CREDITCARD' && gateway !== brand) {
    throw invalidField(1023, `No gateway (payment method) available: the card is not ${gateway}`);
  }
  if (currency !== undefined && brand === 'AMEX' && !AMEX_CURRENCIES.has(currency))
    throw invalidField(1002, 'Invalid currency for AMEX');
}

export function isYymm(value: string): boolean {
  return /^\d{2}(0[1-9]|1[0-2])$/.test(value);
}

/** A `YYMM` expiry before the current month. */
export function isPast(yymm: string): boolean {
  const now = new Date();
  return Number(yymm) < (now.getUTCFullYear() % 100) * 100 + now.getUTCMonth() + 1;
}

/** Manual capture is offered for Visa, Mastercard and Maestro only (docs/multisafepay.md#manual-capture). */
export function checkCaptureBrand(brand: string): void {
  if (!(CAPTURE_BRANDS as readonly string[]).includes(brand)) {
    throw invalidField(
      1023,
      `No gateway (payment method) available: manual capture is not available for ${brand}`,
    );
  }
}

/** The `customer` object of an order answer (docs/multisafepay.md#the-order-object): `phone` comes back as `phone1`. */
export function customerOf(c: Body): Record<string, unknown> {
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
    reference: s(c.reference),
  };
}
