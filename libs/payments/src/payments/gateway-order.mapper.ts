import { createHash } from 'node:crypto';
import type { NextAction } from '../entities/payment.entity.js';
import type { GatewayOrder, GatewayOrderStatus } from '../gateway/orders.gateway.js';
import type { PaymentPatch } from '../lifecycle/payment-lifecycle.service.js';
import type { PaymentStatus } from '../lifecycle/payment-status.js';

/** Our status for MultiSafepay's: the same names, but `shipped` is a completed card payment. */
export function statusOf(gateway: GatewayOrderStatus): PaymentStatus {
  return gateway === 'shipped' ? 'completed' : gateway;
}

/** 3-D Secure: the redirect URL (recommended) and the form, whichever MultiSafepay gave. */
export function nextActionOf(order: GatewayOrder): NextAction | null {
  if (statusOf(order.status) !== 'initialized') return null;
  if (!order.paymentUrl && !order.customerVerification) return null;
  return {
    type: 'redirect',
    url: order.paymentUrl,
    form: order.customerVerification ? { html: order.customerVerification.html } : null,
  };
}

export function patchFrom(
  order: GatewayOrder,
  current: { refundedAmount: number; nextAction: NextAction | null },
): PaymentPatch {
  const status = statusOf(order.status);
  const patch: PaymentPatch = {
    gatewayStatus: order.status,
    // A later read without the 3-D Secure fields must not erase what the shopper still needs.
    nextAction: status === 'initialized' ? (nextActionOf(order) ?? current.nextAction) : null,
    refundedAmount: Math.max(current.refundedAmount, order.amountRefunded),
  };
  if (order.transactionId !== null) patch.gatewayTransactionId = order.transactionId;
  if (order.card?.brand) patch.cardBrand = order.card.brand;
  return patch;
}

/** SHA-256 of what MultiSafepay told us, recorded with the event it caused. */
export function digestOf(payload: unknown): string {
  return createHash('sha256').update(JSON.stringify(payload)).digest('hex');
}
