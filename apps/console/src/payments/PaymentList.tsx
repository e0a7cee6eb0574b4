import type { Payment } from '@app/client';
import {
  Datagrid,
  DateInput,
  FunctionField,
  List,
  SelectInput,
  TextField,
  TextInput,
} from 'react-admin';
import { CursorPagination } from '../CursorPagination.js';
import { Money, Status, Time } from '../format.js';
import { PAYMENT_STATUS_WORDS, PAYMENT_STATUSES } from '../words.js';

const filters = [
  <TextInput
    key="q"
    source="q"
    label="Search"
    helperText="Our id, orderId, MultiSafepay transaction id, or the card's last 4 digits"
    alwaysOn
    resettable
  />,
  <SelectInput
    key="status"
    source="status"
    label="Status"
    choices={PAYMENT_STATUSES.map((id) => ({ id, name: `${PAYMENT_STATUS_WORDS[id]} (${id})` }))}
    alwaysOn
  />,
  <DateInput key="from" source="createdFrom" label="Created from" alwaysOn />,
  <DateInput key="to" source="createdTo" label="Created to (inclusive)" alwaysOn />,
];

/** Newest first, a page at a time (the API's cursors); one "Search" box for any identifier. */
export function PaymentList() {
  return (
    <List
      title="Payments"
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      pagination={<CursorPagination />}
      exporter={false}
      storeKey={false}
      disableSyncWithLocation
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <FunctionField<Payment>
          label="Created"
          sortable={false}
          render={(p) => <Time iso={p.createdAt} />}
        />
        <TextField source="orderId" label="Order id" sortable={false} />
        <FunctionField<Payment>
          label="Amount"
          sortable={false}
          render={(p) => <Money minor={p.amount} currency={p.currency} />}
        />
        <FunctionField<Payment>
          label="Status"
          sortable={false}
          render={(p) => <Status value={p.status} kind="payment" />}
        />
        <FunctionField<Payment>
          label="Card"
          sortable={false}
          render={(p) => (p.card.last4 ? `${p.card.brand ?? ''} •••• ${p.card.last4}` : '—')}
        />
        <TextField
          source="gateway.transactionId"
          label="MultiSafepay transaction"
          sortable={false}
        />
      </Datagrid>
    </List>
  );
}
