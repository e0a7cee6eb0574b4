/** What the sandbox holds of an order, and small helpers shared by its services. */

import type { Site } from './sites.js';

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

export interface Refund {
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

/** One capture of a manual-capture authorization: an order of its own (docs/multisafepay.md#capturing). */
export interface Capture {
  order: Order;
  amount: number;
  created: Date;
}

/** The release of what was left of an authorization, by the merchant or by expiry (docs/multisafepay.md#releasing). */
export interface AuthCancellation {
  kind: 'cancelled' | 'expired';
  transactionId: string;
  amount: number;
  reason: string;
  created: Date;
}

/** The state of a `capture: "manual"` order (docs/multisafepay.md#the-authorized-state). */
export interface Authorization {
  /** Null until the card is authorized (while 3-D Secure or a fraud review is pending). */
  expiresAt: Date | null;
  /** Minor units still capturable (`capture_remain`). */
  remain: number;
  captures: Capture[];
  cancellation: AuthCancellation | null;
}

export interface Order {
  /** The website (API key) it was made with: no other key sees it. */
  site: Site;
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
  /** Set on `capture: "manual"` orders. */
  authorization: Authorization | null;
  /** Set on capture orders: the authorization they took money from (`auth_order_id`). */
  authOrder: Order | null;
  /** `recurring_model` and the token: issued on approval of a first payment, or the one paid with. */
  recurring: RecurringState | null;
}

/** What a first payment (`recurring_model`) or a token payment (`recurring_id`) carries. */
export interface RecurringState {
  model: string;
  customerReference: string;
  /** `payment_details.recurring_id`: null until a first payment is approved. */
  token: string | null;
  /** First payments: what the token will need of the card (never the PAN). */
  tokenSeed: { bin: string; declinesPayments: boolean } | null;
}

export type Body = Record<string, unknown>;

export function isObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `2026-11-24T15:04:05`: MultiSafepay's timestamps carry no offset. */
export function mspTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

const AMSTERDAM = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `2026-12-05T16:04:05`: Amsterdam wall time without an offset (`capture_expiry`, docs/sandbox.md). */
export function amsterdamTime(date: Date): string {
  const p = Object.fromEntries(
    AMSTERDAM.formatToParts(date).map((part) => [part.type, part.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}

/** Minor units captured so far from a manual-capture authorization. */
export function capturedOf(order: Order): number {
  return order.authorization?.captures.reduce((sum, c) => sum + c.amount, 0) ?? 0;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
