import type { EventDelivery, Schema } from '@app/client';
import { Datagrid, FunctionField, ListContextProvider, TextField, useList } from 'react-admin';
import { Status, Time } from '../format.js';

/** An endpoint's delivery, or an event's (which also names its destination). */
type Delivery = Schema<'DeliveryDto'> & Partial<EventDelivery>;

/** Deliveries with their attempts; per destination (an event's) or per event (an endpoint's). */
export function DeliveryGrid({
  deliveries,
  per,
}: {
  deliveries: readonly Delivery[];
  per: 'destination' | 'event';
}) {
  const list = useList({ data: [...deliveries], perPage: 1000 });
  return (
    <ListContextProvider value={list}>
      <Datagrid bulkActionButtons={false} rowClick={false} empty={<p>No deliveries.</p>}>
        {per === 'destination' ? (
          <FunctionField<Delivery>
            label="Destination"
            render={(d) => (d.channel === 'amqp' ? 'RabbitMQ' : (d.endpointUrl ?? d.endpointId))}
          />
        ) : (
          <TextField source="eventType" label="Event" />
        )}
        <FunctionField<Delivery> label="Status" render={(d) => <Status value={d.status} />} />
        <TextField source="attempts" label="Attempts" />
        <FunctionField<Delivery>
          label="Last error"
          render={(d) => d.lastError ?? d.attemptLog.at(-1)?.error ?? '—'}
        />
        <FunctionField<Delivery>
          label="Last attempt"
          render={(d) => <Time iso={d.lastAttemptAt} />}
        />
        <FunctionField<Delivery>
          label="Attempt log"
          render={(d) =>
            d.attemptLog.length === 0 ? (
              '—'
            ) : (
              <ol aria-label="Attempts" style={{ margin: 0, paddingLeft: '1.2em' }}>
                {d.attemptLog.map((a) => (
                  <li key={a.at}>
                    <Time iso={a.at} />: {a.status ?? 'no answer'}
                    {a.error ? ` (${a.error})` : ''}, {a.durationMs} ms
                  </li>
                ))}
              </ol>
            )
          }
        />
      </Datagrid>
    </ListContextProvider>
  );
}
