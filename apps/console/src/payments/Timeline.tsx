import type { EventDelivery } from '@app/client';
import { Box, Chip, List, ListItem, Paper, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { Money, Status, Time } from '../format.js';
import type { TimelineEntry } from '../timeline.js';
import { statusWords } from '../words.js';

function Deliveries({ deliveries }: { deliveries: EventDelivery[] | undefined }) {
  if (deliveries === undefined) return null;
  if (deliveries.length === 0)
    return <Typography variant="body2">No destination was subscribed to it.</Typography>;
  return (
    <List dense disablePadding aria-label="Deliveries">
      {deliveries.map((d) => (
        <ListItem key={d.id} disableGutters sx={{ display: 'block' }}>
          <Typography variant="body2" component="span">
            {d.channel === 'amqp' ? 'RabbitMQ' : `Webhook ${d.endpointUrl ?? d.endpointId ?? ''}`}
            {': '}
            <Status value={d.status} /> · {d.attempts} attempt{d.attempts === 1 ? '' : 's'}
            {d.lastError ? ` · last error: ${d.lastError}` : ''}
            {d.deliveredAt ? (
              <>
                {' · delivered '}
                <Time iso={d.deliveredAt} />
              </>
            ) : null}
          </Typography>
        </ListItem>
      ))}
    </List>
  );
}

function Entry({ entry }: { entry: TimelineEntry }) {
  switch (entry.kind) {
    case 'status': {
      const c = entry.change;
      return (
        <>
          <Typography component="h3" variant="subtitle1">
            Status {c.from ? <Status value={c.from} kind="payment" /> : 'new'} →{' '}
            <Status value={c.to} kind="payment" />
            {c.anomaly && (
              <Chip
                color="warning"
                size="small"
                label="Anomaly: recorded, not applied"
                sx={{ ml: 1 }}
              />
            )}
          </Typography>
          <Typography variant="body2">
            By {statusWords(c.source)} ({c.source}){c.note ? ` · ${c.note}` : ''}
          </Typography>
        </>
      );
    }
    case 'notification': {
      const n = entry.notification;
      const verdict =
        n.signatureOk === null
          ? 'no signature (GET notifications carry none)'
          : n.signatureOk
            ? 'signature valid'
            : 'signature invalid';
      return (
        <>
          <Typography component="h3" variant="subtitle1">
            Notification received ({n.method})
          </Typography>
          <Typography variant="body2">
            {verdict} · outcome: <Status value={n.outcome} />
            {n.note ? ` · ${n.note}` : ''}
            {n.source ? ` · from ${n.source}` : ''}
          </Typography>
        </>
      );
    }
    case 'refund':
    case 'capture': {
      const r = entry.kind === 'refund' ? entry.refund : entry.capture;
      return (
        <>
          <Typography component="h3" variant="subtitle1">
            {entry.kind === 'refund' ? 'Refund' : 'Capture'} of{' '}
            <Money minor={r.amount} currency={r.currency} />
          </Typography>
          <Typography variant="body2">
            <Status value={r.status} /> · asked for by the API key <strong>{r.requestedBy}</strong>
            {r.error ? ` · ${r.error.message} (${r.error.code})` : ''}
          </Typography>
        </>
      );
    }
    case 'event':
      return (
        <>
          <Typography component="h3" variant="subtitle1">
            Event <code>{entry.event.type}</code>{' '}
            <Link to={`/events/${entry.event.id}/show`}>{entry.event.id}</Link>
          </Typography>
          <Deliveries deliveries={entry.deliveries} />
        </>
      );
  }
}

/** The payment's whole story, oldest first. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <Box component="section" aria-labelledby="timeline-heading">
      <Typography id="timeline-heading" component="h2" variant="h6" sx={{ mt: 3, mb: 1 }}>
        Timeline (oldest first)
      </Typography>
      <Stack
        component="ol"
        spacing={1}
        sx={{ listStyle: 'none', p: 0, m: 0 }}
        data-testid="timeline"
      >
        {entries.map((entry, i) => (
          <Paper
            component="li"
            key={`${entry.kind}-${entry.at}-${i}`}
            variant="outlined"
            sx={{ p: 1.5 }}
            data-kind={entry.kind}
          >
            <Typography variant="caption" component="p">
              <Time iso={entry.at} />
            </Typography>
            <Entry entry={entry} />
          </Paper>
        ))}
      </Stack>
    </Box>
  );
}
