import { unwrap, type Event } from '@app/client';
import { Alert, Box, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Confirm, Show, useNotify, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { Time } from '../format.js';
import { api, can, plainMessage } from '../session.js';
import { DeliveryGrid } from './DeliveryGrid.js';

function Redeliver({ event }: { event: Event }) {
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const notify = useNotify();
  const queries = useQueryClient();
  if (!can('events:admin')) return null;
  const confirm = () => {
    if (sending) return;
    setSending(true);
    unwrap(
      // No body: to every destination subscribed to it.
      api().POST('/v1/events/{id}/redeliver', { params: { path: { id: event.id } } }),
    )
      .then((r) => {
        notify(`Redelivery scheduled to ${r.scheduled} destination(s)`, { type: 'success' });
        setOpen(false);
        return queries.invalidateQueries({ queryKey: ['events', event.id] });
      })
      .catch((e: unknown) => notify(plainMessage(e), { type: 'error' }))
      .finally(() => setSending(false));
  };
  return (
    <>
      <Button label="Redeliver" variant="outlined" onClick={() => setOpen(true)} />
      <Confirm
        isOpen={open}
        loading={sending}
        title="Send this event again"
        content={`Send ${event.type} (${event.id}) again to every destination subscribed to it? Receivers should ignore a repeat by its id.`}
        confirm="Redeliver"
        cancel="Keep it as it is"
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

function EventDetails() {
  const event = useRecordContext<Event>();
  const deliveries = useQuery({
    queryKey: ['events', event?.id, 'deliveries'],
    queryFn: () =>
      unwrap(
        api().GET('/v1/events/{id}/deliveries', { params: { path: { id: event?.id ?? '' } } }),
      ),
    enabled: event !== undefined,
    refetchInterval: 2_000,
  });
  if (!event) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Typography component="h1" variant="h5">
        Event <code>{event.type}</code>
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {event.id} · <Time iso={event.createdAt} />
        {event.paymentId && (
          <>
            {' · payment '}
            <Link to={`/payments/${event.paymentId}/show`}>{event.paymentId}</Link>
          </>
        )}
      </Typography>
      <Redeliver event={event} />
      <Typography component="h2" variant="h6" sx={{ mt: 2 }}>
        Deliveries
      </Typography>
      {deliveries.error && <Alert severity="error">{plainMessage(deliveries.error)}</Alert>}
      <DeliveryGrid deliveries={deliveries.data?.data ?? []} per="destination" />
      <Typography component="h2" variant="h6" sx={{ mt: 2 }}>
        Body
      </Typography>
      <Box component="pre" sx={{ overflowX: 'auto', fontSize: 13 }} tabIndex={0}>
        {JSON.stringify(event, null, 2)}
      </Box>
    </Box>
  );
}

export function EventShow() {
  return (
    <Show title="Event" actions={false}>
      <EventDetails />
    </Show>
  );
}
