import type { GatewayToken } from '@app/payments';
import { isObject, recurringModel, text, type Json } from './order-parser.js';

/** `YYMM` (string or number, docs/multisafepay.md#token-endpoints) as month and four-digit year. */
function expiry(value: Json | undefined): { month: number; year: number } | null {
  const raw = text(value);
  if (raw === null || !/^\d{3,4}$/.test(raw)) return null;
  const yymm = raw.padStart(4, '0');
  const month = Number(yymm.slice(2));
  if (month < 1 || month > 12) return null;
  return { month, year: 2000 + Number(yymm.slice(0, 2)) };
}

/**
 * One token object of the token endpoints. Tolerant of the spec's drift: `model` or
 * `recurring_model`, `last4` as a number or a string, `expired` as 0/1 or a boolean. Null when
 * it names no token (and `known`, the token asked for, is not given).
 */
export function toGatewayToken(data: Json | undefined, known?: string): GatewayToken | null {
  if (!isObject(data)) return null;
  const token = text(data.token) ?? known ?? null;
  if (token === null) return null;
  const last4 = text(data.last4);
  const date = expiry(data.expiry_date);
  const expired = text(data.expired)?.toLowerCase();
  return {
    token,
    brand: text(data.code),
    last4: last4 === null ? null : last4.padStart(4, '0').slice(-4),
    expiryMonth: date?.month ?? null,
    expiryYear: date?.year ?? null,
    model: recurringModel(data.model ?? data.recurring_model),
    expired: expired === '1' || expired === 'true',
  };
}

/** `GET /recurring/{reference}` data: `{tokens: […]}` (a bare array is read too). */
export function toTokenPage(data: Json): { entries: number; tokens: GatewayToken[] } {
  const list = isObject(data) ? data.tokens : data;
  if (!Array.isArray(list)) return { entries: 0, tokens: [] };
  return {
    entries: list.length,
    tokens: list.flatMap((entry) => toGatewayToken(entry) ?? []),
  };
}
