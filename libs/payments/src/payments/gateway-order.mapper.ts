import { createHash } from 'node:crypto';
import type { NextAction, PaymentEntity } from '../entities/payment.entity.js';
import type { GatewayOrder } from '../gateway/orders.gateway.js';
import type { PaymentPatch } from '../lifecycle/payment-patch.js';
import type { PaymentStatus } from '../lifecycle/payment-status.js';

/** What of the payment the meaning of an order depends on. */
export type PaymentContext = Pick<PaymentEntity, 'captureMode' | 'captureExpiresAt'>;

/** MultiSafepay statuses an open authorization may show while money is still capturable. */
const HOLDING = ['completed', 'reserved', 'partial_refunded', 'refunded'];

/**
 * Our status for an order. Mostly MultiSafepay's own (`shipped` is a completed card payment),
 * but a manual-capture order is never paid by `completed` alone (docs/design.md#manual-capture,
 * docs/multisafepay.md#the-authorized-state): while `financial_status` is `initialized` and something remains
 * capturable, the money is only held: `authorized`. Released or lapsed with nothing captured it
 * is `void`; `void` past the authorization's expiry is `expired`.
 */
export function statusOf(
  order: GatewayOrder,
  payment: PaymentContext,
  now: Date = new Date(),
): PaymentStatus {
  const status: PaymentStatus = order.status === 'shipped' ? 'completed' : order.status;
  if (!isManual(order, payment)) return status;
  if (
    HOLDING.includes(status) &&
    order.financialStatus === 'initialized' &&
    (order.capture?.remaining ?? 0) > 0
  ) {
    return 'authorized';
  }
  if (status === 'void' && capturedOf(order) === 0) {
    const expiresAt = order.capture?.expiresAt ?? payment.captureExpiresAt;
    if (expiresAt && expiresAt.getTime() <= now.getTime()) return 'expired';
  }
  return status;
}

function isManual(order: GatewayOrder, payment: PaymentContext): boolean {
  return payment.captureMode === 'manual' || order.capture?.mode === 'manual';
}

/** Minor units captured, as the order's related `capture` transactions add up. */
export function capturedOf(order: GatewayOrder): number {
  return order.relatedTransactions
    .filter((t) => t.type === 'capture' && !['void', 'declined', 'cancelled'].includes(t.status))
    .reduce((sum, t) => sum + t.amount, 0);
}

/** 3-D Secure: the redirect URL (recommended) and the form, whichever MultiSafepay gave. */
export function nextActionOf(order: GatewayOrder): NextAction | null {
  if (order.status !== 'initialized') return null;
  if (!order.paymentUrl && !order.customerVerification) return null;
  return {
    type: 'redirect',
    url: order.paymentUrl,
    form: order.customerVerification ? { html: order.customerVerification.html } : null,
  };
}

export function patchFrom(
  order: GatewayOrder,
  current: PaymentContext & {
    refundedAmount: number;
    capturedAmount: number;
    nextAction: NextAction | null;
  },
): PaymentPatch {
  const status = statusOf(order, current);
  const patch: PaymentPatch = {
    gatewayStatus: order.status,
    // A later read without the 3-D Secure fields must not erase what the shopper still needs.
    nextAction: status === 'initialized' ? (nextActionOf(order) ?? current.nextAction) : null,
    refundedAmount: Math.max(current.refundedAmount, order.amountRefunded),
  };
  if (order.transactionId !== null) patch.gatewayTransactionId = order.transactionId;
  if (order.card?.brand) patch.cardBrand = order.card.brand;
  if (isManual(order, current)) {
    patch.capturedAmount = Math.max(current.capturedAmount, capturedOf(order));
    if (order.capture?.expiresAt) patch.captureExpiresAt = order.capture.expiresAt;
  }
  return patch;
}

/**
 * SHA-256 of what MultiSafepay told us, recorded with the event it caused. A saved card's token
 * is left out: an unkeyed hash of a secret must not be stored next to it.
 */
export function digestOf(order: GatewayOrder): string {
  const { recurring, ...rest } = order;
  const safe = recurring ? { ...rest, recurring: { model: recurring.model } } : rest;
  return createHash('sha256').update(JSON.stringify(safe)).digest('hex');
}
