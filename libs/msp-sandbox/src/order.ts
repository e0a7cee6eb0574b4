/** What the sandbox holds of an order, and small helpers shared by its services. */

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

export interface Order {
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

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
