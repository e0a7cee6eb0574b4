import { amsterdamTime, mspTime, type Order } from './order.js';
import { BigIntegerText } from './wire-json.js';

/** The order object of GET /orders/{id} (docs/multisafepay.md#the-order-object), also the POST notification body. */
export function orderObject(o: Order): Record<string, unknown> {
  const transactionId = new BigIntegerText(o.transactionId);
  const paid = ['completed', 'refunded', 'partial_refunded', 'shipped', 'chargedback'].includes(
    o.status,
  );
  // An authorization carries no costs of its own: its capture orders do.
  const charged = o.authorization ? 0 : paid ? o.amount : 0;
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
    ...(o.authOrder ? { auth_order_id: o.authOrder.orderId } : {}),
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
      recurring_id: o.recurring?.token ?? null,
      recurring_model: o.recurring?.model ?? null,
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
      card_authentication_details: o.authentication ? { flow: 'challenge', exemption: null } : null,
      ...captureFields(o),
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
    costs:
      charged > 0
        ? [
            {
              transaction_id: transactionId,
              amount: Math.round(charged * 0.002) / 100,
              description: '0.20 % For Card Transactions',
              type: 'SYSTEM',
            },
          ]
        : [],
    related_transactions: relatedTransactions(o, transactionId),
  };
}

/** `capture`, `capture_expiry`, `capture_remain` of a manual-capture order (docs/multisafepay.md#the-authorized-state); none otherwise. */
function captureFields(o: Order): Record<string, unknown> {
  if (!o.authorization) return {};
  return {
    capture: 'manual',
    capture_expiry: o.authorization.expiresAt ? amsterdamTime(o.authorization.expiresAt) : null,
    capture_remain: o.authorization.remain,
  };
}

/** Refunds, captures and a released remainder, oldest first; `null` when there are none. */
function relatedTransactions(o: Order, reference: BigIntegerText): unknown[] | null {
  const rows: { at: Date; row: Record<string, unknown> }[] = o.refunds.map((r) => ({
    at: r.created,
    row: {
      transaction_id: new BigIntegerText(r.transactionId),
      order_id: o.orderId,
      refund_order_id: r.refundOrderId,
      reference_transaction_id: reference,
      type: 'refund',
      status: r.status,
      amount: r.amount,
      currency: r.currency,
      description: r.description,
      created: mspTime(r.created),
      modified: mspTime(r.modified),
    },
  }));
  for (const c of o.authorization?.captures ?? []) {
    rows.push({
      at: c.created,
      row: {
        transaction_id: new BigIntegerText(c.order.transactionId),
        order_id: c.order.orderId,
        reference_transaction_id: reference,
        type: 'capture',
        status: c.order.financialStatus,
        amount: c.amount,
        currency: o.currency,
        description: c.order.description,
        created: mspTime(c.created),
        modified: mspTime(c.order.modified),
      },
    });
  }
  const cancellation = o.authorization?.cancellation;
  if (cancellation) {
    rows.push({
      at: cancellation.created,
      row: {
        transaction_id: new BigIntegerText(cancellation.transactionId),
        order_id: o.orderId,
        reference_transaction_id: reference,
        type: 'auth-cancellation',
        status: 'void',
        amount: cancellation.amount,
        currency: o.currency,
        description: cancellation.reason,
        created: mspTime(cancellation.created),
        modified: mspTime(cancellation.created),
      },
    });
  }
  if (rows.length === 0) return null;
  // Stable: rows made in the same millisecond keep the order they were added in.
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime()).map((r) => r.row);
}
