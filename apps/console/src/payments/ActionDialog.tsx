import { Alert, Box, TextField, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Button, Confirm, useNotify, useRefresh } from 'react-admin';
import { formatMoney, parseAmount, toDecimalString } from '../money.js';
import { plainMessage } from '../session.js';

export interface ActionDialogProps {
  /** The button that opens the dialog, e.g. "Refund". */
  label: string;
  title: string;
  /** What will happen, with the amount in words; `amount` is the one in the dialog now. */
  describe: (amount: string) => ReactNode;
  currency: string;
  /** The amount the dialog starts with (minor units): the full amount. */
  fullAmount: number;
  /** Whether the operator may change it (a partial refund or capture). */
  editable: boolean;
  /** Sends it: `amount` in minor units, `idempotencyKey` made when the dialog opened. */
  send: (amount: number, idempotencyKey: string) => Promise<unknown>;
  done: string;
  icon?: ReactNode;
}

/**
 * A payment action behind a confirmation that repeats the amount and currency. The
 * Idempotency-Key is made when the dialog opens, so a double click, or trying again after an
 * error, sends the same request again and never acts twice. The page refreshes in place.
 */
export function ActionDialog(props: ActionDialogProps) {
  const { label, title, describe, currency, fullAmount, editable, send, done, icon } = props;
  const notify = useNotify();
  const refresh = useRefresh();
  const [idempotencyKey, setIdempotencyKey] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const open = () => {
    setIdempotencyKey(crypto.randomUUID());
    setText(toDecimalString(fullAmount, currency));
    setError(null);
  };
  const close = () => {
    if (!sending) setIdempotencyKey(null);
  };
  const parsed = parseAmount(text, currency, fullAmount);
  const amountWords = parsed.ok
    ? `${formatMoney(parsed.minor, currency)} (${currency})`
    : `? ${currency}`;

  const confirm = () => {
    if (sending || idempotencyKey === null) return;
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setSending(true);
    setError(null);
    send(parsed.minor, idempotencyKey)
      .then(() => {
        setIdempotencyKey(null);
        notify(done, { type: 'success' });
        refresh();
      })
      .catch((e: unknown) => setError(plainMessage(e)))
      .finally(() => setSending(false));
  };

  return (
    <>
      <Button label={label} onClick={open} variant="outlined">
        <>{icon}</>
      </Button>
      <Confirm
        isOpen={idempotencyKey !== null}
        loading={sending}
        title={title}
        confirm={label}
        cancel="Keep it as it is"
        onConfirm={confirm}
        onClose={close}
        content={
          <Box sx={{ minWidth: 360 }}>
            <Typography component="p" sx={{ mb: 2 }} data-testid="action-summary">
              {describe(amountWords)}
            </Typography>
            {editable && (
              <TextField
                label="Amount"
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  setError(null);
                }}
                error={!parsed.ok}
                helperText={
                  parsed.ok
                    ? `Up to ${formatMoney(fullAmount, currency)}; less for a partial one.`
                    : parsed.message
                }
                slotProps={{ htmlInput: { inputMode: 'decimal' } }}
                fullWidth
                autoFocus
              />
            )}
            {error && (
              <Alert severity="error" role="alert" sx={{ mt: 2 }}>
                {error}
              </Alert>
            )}
          </Box>
        }
      />
    </>
  );
}
