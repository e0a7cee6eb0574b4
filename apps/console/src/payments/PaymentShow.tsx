import { unwrap, type Payment } from '@app/client';
import { Alert, Box, Grid, Typography } from '@mui/material';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Show, useRecordContext } from 'react-admin';
import { Money, Status, StatusChip, Time } from '../format.js';
import { api, can, plainMessage } from '../session.js';
import { buildTimeline, lastChange } from '../timeline.js';
import { statusWords } from '../words.js';
import { PaymentActions } from './PaymentActions.js';
import { Timeline } from './Timeline.js';

/** While the page is open it follows the payment: notifications and deliveries come later. */
const FOLLOW_MS = 3_000;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Grid size={{ xs: 12, sm: 6, md: 4 }}>
      <Typography variant="caption" component="dt">
        {label}
      </Typography>
      <Typography variant="body1" component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Grid>
  );
}

function useStory(p: Payment) {
  const id = p.id;
  const path = { params: { path: { id } } };
  const follow = { refetchInterval: FOLLOW_MS };
  const history = useQuery({
    queryKey: ['payments', id, 'history'],
    queryFn: () => unwrap(api().GET('/v1/payments/{id}/events', path)),
    ...follow,
  });
  const notifications = useQuery({
    queryKey: ['payments', id, 'notifications'],
    queryFn: () => unwrap(api().GET('/v1/payments/{id}/notifications', path)),
    ...follow,
  });
  const refunds = useQuery({
    queryKey: ['payments', id, 'refunds'],
    queryFn: () => unwrap(api().GET('/v1/payments/{id}/refunds', path)),
    ...follow,
  });
  const captures = useQuery({
    queryKey: ['payments', id, 'captures'],
    queryFn: () => unwrap(api().GET('/v1/payments/{id}/captures', path)),
    enabled: p.capture !== null,
    ...follow,
  });
  const mayReadEvents = can('events:read');
  const events = useQuery({
    queryKey: ['payments', id, 'events'],
    queryFn: () =>
      unwrap(api().GET('/v1/events', { params: { query: { paymentId: id, limit: 500 } } })),
    enabled: mayReadEvents,
    ...follow,
  });
  const deliveries = useQueries({
    queries: (events.data?.data ?? []).map((event) => ({
      queryKey: ['events', event.id, 'deliveries'],
      queryFn: () =>
        unwrap(api().GET('/v1/events/{id}/deliveries', { params: { path: { id: event.id } } })),
      ...follow,
    })),
  });
  const byEvent = new Map(
    (events.data?.data ?? []).flatMap((event, i) => {
      const found = deliveries[i]?.data?.data;
      return found ? [[event.id, found] as const] : [];
    }),
  );
  const failed = [history, notifications, refunds, captures, events].find((q) => q.error);
  return {
    entries: buildTimeline({
      history: history.data?.data ?? [],
      notifications: notifications.data?.data,
      refunds: refunds.data?.data,
      captures: captures.data?.data,
      events: events.data?.data,
      deliveries: byEvent,
    }),
    history: history.data?.data ?? [],
    error: failed?.error ? plainMessage(failed.error) : null,
    mayReadEvents,
  };
}

function PaymentStory() {
  const p = useRecordContext<Payment>();
  if (!p) return null;
  return <PaymentDetails payment={p} />;
}

function PaymentDetails({ payment: p }: { payment: Payment }) {
  const story = useStory(p);
  const last = lastChange(story.history);
  return (
    <Box sx={{ p: 2 }}>
      <Typography component="h1" variant="h5" sx={{ mb: 1 }}>
        <Money minor={p.amount} currency={p.currency} /> · order {p.orderId}
      </Typography>
      <StatusChip value={p.status} />
      {last && (
        <Typography variant="body2" sx={{ mt: 1 }} data-testid="why">
          {statusWords(p.status, 'payment')} since <Time iso={last.at} />, set by{' '}
          {statusWords(last.source)}.
        </Typography>
      )}
      <PaymentActions payment={p} />
      <Grid container component="dl" spacing={2} sx={{ m: 0 }}>
        <Field label="Status">
          <Status value={p.status} kind="payment" />
        </Field>
        <Field label="Amount">
          <Money minor={p.amount} currency={p.currency} />
        </Field>
        <Field label="Refunded">
          <Money minor={p.refundedAmount} currency={p.currency} />
        </Field>
        {p.capture && (
          <>
            <Field label="Captured">
              <Money minor={p.capture.capturedAmount} currency={p.currency} />
            </Field>
            <Field label="Still capturable">
              <Money minor={p.capture.capturableAmount} currency={p.currency} />
            </Field>
            <Field label="Authorization lapses">
              <Time iso={p.capture.expiresAt} />
            </Field>
          </>
        )}
        <Field label="Card">
          {p.card.last4
            ? `${p.card.brand ?? 'Card'} •••• ${p.card.last4}, expires ${String(p.card.expiryMonth ?? '?').padStart(2, '0')}/${p.card.expiryYear ?? '?'}`
            : '—'}
        </Field>
        <Field label="MultiSafepay transaction id">{p.gateway.transactionId ?? '—'}</Field>
        <Field label="MultiSafepay status">{p.gateway.status ?? '—'}</Field>
        <Field label="Customer">{p.customerReference ?? '—'}</Field>
        <Field label="Saved card">
          {p.savedCard
            ? `${p.savedCard.id} (${p.savedCard.model}), ${p.savedCard.brand ?? ''} •••• ${p.savedCard.last4 ?? ''}`
            : '—'}
        </Field>
        <Field label="Description">{p.description}</Field>
        <Field label="Metadata">
          {p.metadata ? <code>{JSON.stringify(p.metadata)}</code> : '—'}
        </Field>
        <Field label="Our id">{p.id}</Field>
        <Field label="Created">
          <Time iso={p.createdAt} />
        </Field>
        <Field label="Updated">
          <Time iso={p.updatedAt} />
        </Field>
      </Grid>
      {story.error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {story.error}
        </Alert>
      )}
      {!story.mayReadEvents && (
        <Alert severity="info" sx={{ mt: 2 }}>
          Events and their deliveries are left out: your API key lacks events:read.
        </Alert>
      )}
      <Timeline entries={story.entries} />
    </Box>
  );
}

export function PaymentShow() {
  return (
    <Show title="Payment" actions={false} queryOptions={{ refetchInterval: FOLLOW_MS }}>
      <PaymentStory />
    </Show>
  );
}
