import type { Event } from '@app/client';
import { Datagrid, FunctionField, List, SelectInput, TextField } from 'react-admin';
import { CursorPagination } from '../CursorPagination.js';
import { Time } from '../format.js';
import { EVENT_TYPES } from './eventTypes.js';

const filters = [
  <SelectInput
    key="type"
    source="type"
    label="Type"
    choices={EVENT_TYPES.map((id) => ({ id, name: id }))}
    alwaysOn
  />,
];

/** The event feed, oldest first, as subscribers read it; filtered by type. */
export function EventList() {
  return (
    <List
      title="Events"
      filters={filters}
      perPage={50}
      pagination={<CursorPagination />}
      exporter={false}
      storeKey={false}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <FunctionField<Event>
          label="Created"
          sortable={false}
          render={(e) => <Time iso={e.createdAt} />}
        />
        <TextField source="type" sortable={false} />
        <TextField source="id" label="Event id" sortable={false} />
        <TextField source="paymentId" label="Payment" sortable={false} emptyText="—" />
        <TextField source="sequence" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}
