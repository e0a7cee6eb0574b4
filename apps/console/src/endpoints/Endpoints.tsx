import { unwrap, type WebhookEndpoint } from '@app/client';
import { Alert, Box, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  CheckboxGroupInput,
  Confirm,
  Create,
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  Show,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  required,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useUpdate,
} from 'react-admin';
import { EVENT_TYPES } from '../events/eventTypes.js';
import { DeliveryGrid } from '../events/DeliveryGrid.js';
import { Status, Time } from '../format.js';
import { api, plainMessage } from '../session.js';
import { SecretOnce } from './SecretOnce.js';

export function EndpointList() {
  return (
    <List
      title="Webhook endpoints"
      exporter={false}
      pagination={false}
      storeKey={false}
      actions={
        <TopToolbar>
          <CreateButton label="Create endpoint" />
        </TopToolbar>
      }
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="url" label="URL" sortable={false} />
        <FunctionField<WebhookEndpoint>
          label="Status"
          render={(e) => <Status value={e.status} />}
        />
        <FunctionField<WebhookEndpoint>
          label="Event types"
          render={(e) => e.eventTypes.join(', ')}
        />
        <TextField source="description" sortable={false} emptyText="—" />
        <FunctionField<WebhookEndpoint>
          label="Created"
          render={(e) => <Time iso={e.createdAt} />}
        />
      </Datagrid>
    </List>
  );
}

const ALL = [{ id: '*', name: 'Every event (*)' }, ...EVENT_TYPES.map((id) => ({ id, name: id }))];

export function EndpointCreate() {
  const [secret, setSecret] = useState<{ id: string; secret: string } | null>(null);
  const redirect = useRedirect();
  return (
    <>
      <Create
        title="Create a webhook endpoint"
        redirect={false}
        mutationOptions={{
          onSuccess: (created: WebhookEndpoint & { secret: string }) =>
            setSecret({ id: created.id, secret: created.secret }),
        }}
      >
        <SimpleForm defaultValues={{ eventTypes: ['*'] }}>
          <TextInput source="url" label="URL" validate={required()} fullWidth />
          <CheckboxGroupInput
            source="eventTypes"
            label="Event types"
            choices={ALL}
            validate={required()}
          />
          <TextInput source="description" label="Description" fullWidth />
        </SimpleForm>
      </Create>
      <SecretOnce
        secret={secret?.secret ?? null}
        onClose={() => {
          const id = secret?.id;
          setSecret(null);
          if (id) redirect('show', 'webhook-endpoints', id);
        }}
      />
    </>
  );
}

function EndpointActions({ endpoint }: { endpoint: WebhookEndpoint }) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [update, { isPending }] = useUpdate();
  const [rotating, setRotating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const enabled = endpoint.status === 'enabled';
  const toggle = () =>
    void update(
      'webhook-endpoints',
      {
        id: endpoint.id,
        data: { status: enabled ? 'disabled' : 'enabled' },
        previousData: endpoint,
      },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => notify(enabled ? 'Endpoint disabled' : 'Endpoint enabled'),
      },
    );
  const rotate = () => {
    if (busy) return;
    setBusy(true);
    unwrap(
      api().POST('/v1/webhook-endpoints/{id}/rotate-secret', {
        params: { path: { id: endpoint.id } },
      }),
    )
      .then((r) => {
        setRotating(false);
        setSecret(r.secret);
        refresh();
      })
      .catch((e: unknown) => notify(plainMessage(e), { type: 'error' }))
      .finally(() => setBusy(false));
  };
  return (
    <Stack direction="row" spacing={1} sx={{ my: 2 }}>
      <Button
        label={enabled ? 'Disable' : 'Enable'}
        variant="outlined"
        disabled={isPending}
        onClick={toggle}
      />
      <Button label="Rotate secret" variant="outlined" onClick={() => setRotating(true)} />
      <Confirm
        isOpen={rotating}
        loading={busy}
        title="Rotate the signing secret"
        content="Make a new signing secret? For 24 hours deliveries are signed with both the old and the new one, so the receiver can switch without missing an event."
        confirm="Rotate secret"
        cancel="Keep it as it is"
        onConfirm={rotate}
        onClose={() => setRotating(false)}
      />
      <SecretOnce secret={secret} onClose={() => setSecret(null)} />
    </Stack>
  );
}

function EndpointDetails() {
  const endpoint = useRecordContext<WebhookEndpoint>();
  const deliveries = useQuery({
    queryKey: ['webhook-endpoints', endpoint?.id, 'deliveries'],
    queryFn: () =>
      unwrap(
        api().GET('/v1/webhook-endpoints/{id}/deliveries', {
          params: { path: { id: endpoint?.id ?? '' }, query: { limit: 50 } },
        }),
      ),
    enabled: endpoint !== undefined,
    refetchInterval: 5_000,
  });
  if (!endpoint) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Typography component="h1" variant="h5" sx={{ overflowWrap: 'anywhere' }}>
        {endpoint.url}
      </Typography>
      <Typography variant="body2">
        <Status value={endpoint.status} />
        {endpoint.disabledReason ? ` · ${endpoint.disabledReason}` : ''} · events:{' '}
        {endpoint.eventTypes.join(', ')}
        {endpoint.previousSecretExpiresAt && (
          <>
            {' · the previous secret still signs until '}
            <Time iso={endpoint.previousSecretExpiresAt} />
          </>
        )}
      </Typography>
      <EndpointActions endpoint={endpoint} />
      <Typography component="h2" variant="h6">
        Deliveries (newest first)
      </Typography>
      {deliveries.error && <Alert severity="error">{plainMessage(deliveries.error)}</Alert>}
      <DeliveryGrid deliveries={deliveries.data?.data ?? []} per="event" />
    </Box>
  );
}

export function EndpointShow() {
  return (
    <Show title="Webhook endpoint" actions={false}>
      <EndpointDetails />
    </Show>
  );
}
