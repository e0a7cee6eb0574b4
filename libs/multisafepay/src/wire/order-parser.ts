import {
  GATEWAY_ORDER_STATUSES,
  RECURRING_MODELS,
  type GatewayCaptureState,
  type GatewayCardDetails,
  type GatewayOrder,
  type GatewayOrderStatus,
  type GatewayRecurring,
  type GatewayRelatedTransaction,
  type RecurringModel,
} from '@app/payments';
import { isLosslessNumber, parse, type LosslessNumber } from 'lossless-json';
import { parseMspDateTime } from './msp-time.js';

/** A JSON value whose numbers are kept as text, so 17-digit transaction ids survive. */
export type Json = string | boolean | null | LosslessNumber | Json[] | { [key: string]: Json };

export class MspProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MspProtocolError';
  }
}

export interface MspEnvelope {
  success: boolean;
  data: Json;
  errorCode: number | null;
  errorInfo: string | null;
}

/** Parses MultiSafepay JSON without losing digits; throws MspProtocolError on anything else. */
export function parseJson(body: string): Json {
  try {
    return parse(body) as Json;
  } catch {
    throw new MspProtocolError('the answer is not JSON');
  }
}

export function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !isLosslessNumber(value)
  );
}

/** Text of a string or number field (numbers with every digit); null for null, absent or empty. */
export function text(value: Json | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (isLosslessNumber(value)) return value.value;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'boolean') return String(value);
  return null;
}

/** An integer field that may arrive as a number or a numeric string (docs/multisafepay.md#the-order-object). */
export function integer(value: Json | undefined, field: string): number {
  const t = text(value);
  if (t === null || !/^-?\d+$/.test(t)) throw new MspProtocolError(`${field} is not an integer`);
  const n = Number(t);
  if (!Number.isSafeInteger(n)) throw new MspProtocolError(`${field} is out of range`);
  return n;
}

function status(value: Json | undefined): GatewayOrderStatus {
  const raw = text(value)?.toLowerCase();
  const normalised = raw === 'chargeback' ? 'chargedback' : raw;
  if (!normalised || !(GATEWAY_ORDER_STATUSES as readonly string[]).includes(normalised)) {
    throw new MspProtocolError(`unknown order status '${raw ?? ''}'`);
  }
  return normalised as GatewayOrderStatus;
}

export function parseEnvelope(body: string): MspEnvelope {
  const json = parseJson(body);
  if (!isObject(json) || typeof json.success !== 'boolean') {
    throw new MspProtocolError('the answer is not a MultiSafepay envelope');
  }
  const code = json.error_code;
  return {
    success: json.success,
    data: json.data ?? null,
    errorCode: code === undefined || code === null ? null : integer(code, 'error_code'),
    errorInfo: typeof json.error_info === 'string' ? json.error_info : null,
  };
}

function card(details: Json | undefined): GatewayCardDetails | null {
  if (!isObject(details)) return null;
  const last4 = text(details.last4);
  const expiry = text(details.card_expiry_date);
  return {
    brand: text(details.type),
    last4: last4 === null ? null : last4.padStart(4, '0').slice(-4),
    expiry: expiry === null ? null : expiry.padStart(4, '0'),
  };
}

function related(list: Json | undefined): GatewayRelatedTransaction[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).map((t) => ({
    transactionId: text(t.transaction_id) ?? '',
    // `/transactions` spells it `reverse_chargeback`, orders `reverse-chargeback` (docs/multisafepay.md#the-order-object).
    type: (text(t.type) ?? '').toLowerCase().replaceAll('_', '-'),
    status: text(t.status) ?? '',
    amount: t.amount === undefined || t.amount === null ? 0 : integer(t.amount, 'related amount'),
    currency: text(t.currency) ?? '',
    orderId: text(t.order_id),
    refundOrderId: text(t.refund_order_id),
  }));
}

/** One of our recurring models, whatever its case (`cardonfile` in capability flags); else null. */
export function recurringModel(value: Json | undefined): RecurringModel | null {
  const raw = text(value)?.toLowerCase();
  return RECURRING_MODELS.find((model) => model.toLowerCase() === raw) ?? null;
}

/**
 * `payment_details.capture: "manual"` marks an authorisation (docs/multisafepay.md#the-authorized-state).
 * Anything else (absent, null, `"automatic"`) is an ordinary order.
 */
function captureState(details: Json | undefined): GatewayCaptureState | null {
  if (!isObject(details) || text(details.capture)?.toLowerCase() !== 'manual') return null;
  const remain = details.capture_remain;
  return {
    mode: 'manual',
    expiresAt: parseMspDateTime(text(details.capture_expiry)),
    remaining:
      remain === undefined || remain === null || remain === ''
        ? 0
        : integer(remain, 'capture_remain'),
  };
}

function recurring(details: Json | undefined): GatewayRecurring | null {
  if (!isObject(details)) return null;
  // A number or a string; a number keeps every digit (lossless parse), like transaction ids.
  const id = text(details.recurring_id);
  if (id === null) return null;
  return { id, model: recurringModel(details.recurring_model) ?? text(details.recurring_model) };
}

/** Maps an order object (GET order's `data`, a create answer, or a POST notification body). */
export function toGatewayOrder(data: Json): GatewayOrder {
  if (!isObject(data)) throw new MspProtocolError('the order is not an object');
  const orderId = text(data.order_id);
  if (orderId === null) throw new MspProtocolError('the order has no order_id');
  const verification = data.customer_verification;
  const html = isObject(verification) ? text(verification.html) : null;
  return {
    orderId,
    transactionId: text(data.transaction_id),
    status: status(data.status),
    financialStatus: text(data.financial_status),
    amount: integer(data.amount, 'amount'),
    amountRefunded:
      data.amount_refunded === undefined || data.amount_refunded === null
        ? 0
        : integer(data.amount_refunded, 'amount_refunded'),
    currency: text(data.currency) ?? '',
    reason: text(data.reason),
    reasonCode: text(data.reason_code),
    card: card(data.payment_details),
    paymentUrl: text(data.payment_url),
    customerVerification: html === null ? null : { type: 'form', html },
    relatedTransactions: related(data.related_transactions),
    capture: captureState(data.payment_details),
    recurring: recurring(data.payment_details),
  };
}

/** Parses a POST notification body (the bare order object) into a GatewayOrder. */
export function parseMspOrderJson(body: string): GatewayOrder {
  return toGatewayOrder(parseJson(body));
}
