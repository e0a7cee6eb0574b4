import { Chip, Tooltip } from '@mui/material';
import { formatMoney } from './money.js';
import { statusWords } from './words.js';

/** An amount in the currency's format, e.g. €3.00 (Intl.NumberFormat, exact minor units). */
export function Money({ minor, currency }: { minor: number; currency: string }) {
  return <span className="money">{formatMoney(minor, currency)}</span>;
}

const local = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
});

/** A moment in the viewer's zone; its UTC time on hover (and in `dateTime`). */
export function Time({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <span>—</span>;
  const at = new Date(iso);
  const utc = `${at
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '')} UTC`;
  return (
    <Tooltip title={utc}>
      <time dateTime={at.toISOString()} aria-label={`${local.format(at)} (${utc})`}>
        {local.format(at)}
      </time>
    </Tooltip>
  );
}

/** A status in words with the API's value beside it: "Partially refunded (partial_refunded)". */
export function Status({
  value,
  kind = 'other',
}: {
  value: string | null | undefined;
  kind?: 'payment' | 'other';
}) {
  if (!value) return <span>—</span>;
  return (
    <span className="status">
      {statusWords(value, kind)} <code>({value})</code>
    </span>
  );
}

/** The same, as a chip for headers. */
export function StatusChip({ value }: { value: string }) {
  return (
    <Chip
      label={
        <>
          {statusWords(value, 'payment')} <code>({value})</code>
        </>
      }
      data-testid="payment-status"
    />
  );
}
