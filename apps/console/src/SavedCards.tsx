import type { SavedCard } from '@app/client';
import {
  Datagrid,
  DeleteWithConfirmButton,
  FunctionField,
  List,
  TextField,
  TextInput,
} from 'react-admin';
import { Time } from './format.js';
import { can } from './session.js';

const filters = [
  <TextInput
    key="customerReference"
    source="customerReference"
    label="Customer reference"
    alwaysOn
    resettable
  />,
];

/** A customer's saved cards, looked up by the reference the shop files them under. */
export function SavedCardList() {
  return (
    <List
      title="Saved cards"
      filters={filters}
      exporter={false}
      pagination={false}
      storeKey={false}
      empty={false}
      debounce={400}
    >
      <Datagrid
        bulkActionButtons={false}
        rowClick={false}
        empty={<p>Enter a customer reference to see the customer&apos;s saved cards.</p>}
      >
        <TextField source="id" label="Card id" sortable={false} />
        <FunctionField<SavedCard>
          label="Card"
          render={(c) =>
            `${c.brand ?? 'Card'} •••• ${c.last4 ?? '????'}, expires ${String(c.expiryMonth ?? '?').padStart(2, '0')}/${c.expiryYear ?? '?'}`
          }
        />
        <TextField source="model" label="Model" sortable={false} />
        <FunctionField<SavedCard> label="Saved" render={(c) => <Time iso={c.createdAt} />} />
        {can('payments:write') && (
          <DeleteWithConfirmButton
            label="Delete"
            confirmTitle="Delete this saved card"
            confirmContent="The card can no longer be paid with. This cannot be undone."
            mutationMode="pessimistic"
            redirect={false}
          />
        )}
      </Datagrid>
    </List>
  );
}
