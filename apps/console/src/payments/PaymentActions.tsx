import type { Payment } from '@app/client';
import { unwrap } from '@app/client';
import { Alert, Stack } from '@mui/material';
import { can, api } from '../session.js';
import { ActionDialog } from './ActionDialog.js';

const header = (idempotencyKey: string) => ({ 'Idempotency-Key': idempotencyKey });

/** What can still be refunded: what was taken (captured, for manual capture) less refunds. */
export function refundable(p: Payment): number {
  const taken = p.capture ? p.capture.capturedAmount : p.amount;
  return Math.max(0, taken - p.refundedAmount);
}

/**
 * The actions a payment allows in its status, offered only when the signed-in key's scopes allow
 * them too (the API would refuse the rest): refunds need refunds:write, the others payments:write.
 */
export function PaymentActions({ payment: p }: { payment: Payment }) {
  const id = p.id;
  const path = { params: { path: { id } } };
  const mayRefund =
    can('refunds:write') &&
    ['completed', 'partial_refunded', 'authorized'].includes(p.status) &&
    refundable(p) > 0;
  const authorized = p.status === 'authorized' && p.capture !== null && can('payments:write');
  const capturable = p.capture?.capturableAmount ?? 0;
  const mayCancel = ['initialized', 'uncleared'].includes(p.status) && can('payments:write');
  const mayRefresh = can('payments:write');
  const forbidden = !can('payments:write') && !can('refunds:write');

  return (
    <Stack direction="row" spacing={1} sx={{ my: 2, flexWrap: 'wrap' }} aria-label="Actions">
      {mayRefund && (
        <ActionDialog
          label="Refund"
          title="Refund this payment"
          describe={(amount) => `Refund ${amount} of payment ${p.orderId} to the card?`}
          currency={p.currency}
          fullAmount={refundable(p)}
          editable
          done="Refund sent"
          send={(amount, key) =>
            unwrap(
              api().POST('/v1/payments/{id}/refunds', {
                params: { path: { id }, header: header(key) },
                body: { amount },
              }),
            )
          }
        />
      )}
      {authorized && capturable > 0 && (
        <ActionDialog
          label="Capture"
          title="Capture from the authorization"
          describe={(amount) => `Capture ${amount} of the authorization of ${p.orderId}?`}
          currency={p.currency}
          fullAmount={capturable}
          editable
          done="Captured"
          send={(amount, key) =>
            unwrap(
              api().POST('/v1/payments/{id}/captures', {
                params: { path: { id }, header: header(key) },
                body: { amount },
              }),
            )
          }
        />
      )}
      {authorized && capturable > 0 && (
        <ActionDialog
          label="Release"
          title="Release the rest of the authorization"
          describe={(amount) =>
            `Release ${amount} still held on the card for ${p.orderId}? It can no longer be captured.`
          }
          currency={p.currency}
          fullAmount={capturable}
          editable={false}
          done="Authorization released"
          send={(_amount, key) =>
            unwrap(api().POST('/v1/payments/{id}/cancel', { ...path, headers: header(key) }))
          }
        />
      )}
      {mayCancel && (
        <ActionDialog
          label="Cancel payment"
          title="Cancel this payment"
          describe={(amount) => `Cancel the payment of ${amount} for ${p.orderId}?`}
          currency={p.currency}
          fullAmount={p.amount}
          editable={false}
          done="Payment cancelled"
          send={(_amount, key) =>
            unwrap(api().POST('/v1/payments/{id}/cancel', { ...path, headers: header(key) }))
          }
        />
      )}
      {mayRefresh && (
        <ActionDialog
          label="Refresh from MultiSafepay"
          title="Read the order from MultiSafepay again"
          describe={(amount) =>
            `Read the order ${p.orderId} of ${amount} from MultiSafepay now and apply what it says?`
          }
          currency={p.currency}
          fullAmount={p.amount}
          editable={false}
          done="Read from MultiSafepay"
          send={(_amount, key) =>
            unwrap(api().POST('/v1/payments/{id}/refresh', { ...path, headers: header(key) }))
          }
        />
      )}
      {forbidden && (
        <Alert severity="info">
          Your API key may read payments but not act on them (it lacks payments:write and
          refunds:write).
        </Alert>
      )}
    </Stack>
  );
}
