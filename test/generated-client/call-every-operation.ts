/**
 * A caller written against an SDK that @hey-api/openapi-ts generates from openapi.json, as a team
 * adopting the service would write it. test/generated-client.e2e-spec.ts generates the SDK into a
 * scratch directory beside a copy of this file (`./sdk/`), type-checks both with strict tsc, then
 * runs this against the service. It is not part of the repository's own type check and lint:
 * `./sdk/` exists only there.
 */
import { createClient } from './sdk/client/index.js';
import * as api from './sdk/sdk.gen.js';

export interface Harness {
  baseUrl: string;
  apiKey: string;
  /** The 3-D Secure-free test card of the sandbox. */
  card: string;
  /** A URL that accepts event deliveries. */
  subscriberUrl: string;
  /** MultiSafepay's POST notification of an order, as it would send it: body and Auth header. */
  notification(orderId: string): Promise<{ body: string; auth: string }>;
}

/** What each operation answered: its HTTP status, by operationId. */
export type Answered = Record<string, number>;

interface Result<T> {
  data?: T;
  error?: unknown;
  response?: Response;
}

export async function callEveryOperation(h: Harness): Promise<{
  answered: Answered;
  checks: Record<string, unknown>;
}> {
  const client = createClient({ baseUrl: h.baseUrl, auth: h.apiKey });
  const answered: Answered = {};
  const checks: Record<string, unknown> = {};

  /** Records the answer of `operationId` and returns its body; an error answer throws. */
  async function call<T>(operationId: string, pending: Promise<Result<T>>): Promise<T> {
    const { data, error, response } = await pending;
    if (!response) throw new Error(`${operationId}: no answer`);
    answered[operationId] = response.status;
    if (!response.ok || error !== undefined)
      throw new Error(`${operationId} answered ${response.status}: ${JSON.stringify(error)}`);
    return data as T;
  }

  const card = {
    number: h.card,
    holder: 'J. Jansen',
    expiryMonth: 12,
    expiryYear: 2030,
    cvc: '123',
  };
  const order = (name: string) => ({
    orderId: `sdk-${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    amount: 1000,
    currency: 'EUR',
    description: `Generated SDK: ${name}`,
    card,
    customer: { email: 'j@example.com', ipAddress: '203.0.113.7' },
  });
  const key = () => `sdk-${crypto.randomUUID()}`;

  // Operations of the service itself: open, no API key.
  checks.live = (await call('getLiveness', api.getLiveness({ client }))).status;
  checks.ready = (await call('getReadiness', api.getReadiness({ client }))).status;
  checks.metricsText = (await call('getMetrics', api.getMetrics({ client }))).includes(
    'http_request_duration_seconds',
  );

  // Who the key is.
  checks.me = (await call('getMe', api.getMe({ client }))).name;

  // A payment: create, read, list, history, refresh, refund.
  const paid = await call(
    'createPayment',
    api.createPayment({
      client,
      headers: { 'Idempotency-Key': key() },
      body: order('paid'),
    }),
  );
  checks.paidStatus = paid.status;
  checks.paidNextAction = paid.nextAction;
  const read = await call('getPayment', api.getPayment({ client, path: { id: paid.id } }));
  checks.readSameOrder = read.orderId === paid.orderId;
  const listed = await call(
    'listPayments',
    api.listPayments({ client, query: { orderId: paid.orderId, limit: 5 } }),
  );
  checks.listed = listed.data.map((p) => p.id);
  const history = await call(
    'listPaymentEvents',
    api.listPaymentEvents({ client, path: { id: paid.id } }),
  );
  checks.historyTo = history.data.map((e) => e.to);
  await call('refreshPayment', api.refreshPayment({ client, path: { id: paid.id } }));
  const refund = await call(
    'refundPayment',
    api.refundPayment({
      client,
      path: { id: paid.id },
      headers: { 'Idempotency-Key': key() },
      body: { amount: 400, description: 'Returned one item' },
    }),
  );
  checks.refundAmount = refund.amount;
  const refunds = await call('listRefunds', api.listRefunds({ client, path: { id: paid.id } }));
  checks.refunds = refunds.data.map((r) => r.id);

  // Authorize now, capture later: capture part, list, release the rest.
  const authorized = await call(
    'createPayment',
    api.createPayment({
      client,
      headers: { 'Idempotency-Key': key() },
      body: { ...order('manual'), captureMode: 'manual' },
    }),
  );
  checks.authorizedStatus = authorized.status;
  const capture = await call(
    'capturePayment',
    api.capturePayment({
      client,
      path: { id: authorized.id },
      headers: { 'Idempotency-Key': key() },
      body: { amount: 600 },
    }),
  );
  checks.captureStatus = capture.status;
  const captures = await call(
    'listCaptures',
    api.listCaptures({ client, path: { id: authorized.id } }),
  );
  checks.captures = captures.data.map((c) => c.amount);
  const released = await call(
    'cancelPayment',
    api.cancelPayment({ client, path: { id: authorized.id } }),
  );
  checks.released = released.capture;

  // Save the card, list the customer's cards, delete it: the path parameters are typed.
  const customerReference = `sdk-cust-${Math.random().toString(36).slice(2, 10)}`;
  const saving = await call(
    'createPayment',
    api.createPayment({
      client,
      headers: { 'Idempotency-Key': key() },
      body: { ...order('save'), recurring: { model: 'subscription', customerReference } },
    }),
  );
  const savedCardId = saving.savedCard?.id ?? '';
  checks.savedCardLast4 = saving.savedCard?.last4;
  const cards = await call(
    'listSavedCards',
    api.listSavedCards({ client, path: { reference: customerReference } }),
  );
  checks.cards = cards.data.map((c) => c.id);
  const deleted = await call(
    'deleteSavedCard',
    api.deleteSavedCard({ client, path: { reference: customerReference, id: savedCardId } }),
  );
  checks.deletedStatus = deleted.status;

  // MultiSafepay's notifications, GET and signed POST.
  checks.notifiedGet = await call(
    'receiveMultisafepayNotificationGet',
    api.receiveMultisafepayNotificationGet({
      client,
      query: { transactionid: paid.orderId, timestamp: String(Math.floor(Date.now() / 1000)) },
    }),
  );
  const signed = await h.notification(paid.orderId);
  checks.notifiedPost = await call(
    'receiveMultisafepayNotification',
    api.receiveMultisafepayNotification({
      client,
      query: { transactionid: paid.orderId, timestamp: String(Math.floor(Date.now() / 1000)) },
      headers: { Auth: signed.auth },
      body: {},
      // The signature covers the bytes: send them as MultiSafepay would, not re-serialized.
      bodySerializer: () => signed.body,
    }),
  );

  const notified = await call(
    'listPaymentNotifications',
    api.listPaymentNotifications({ client, path: { id: paid.id } }),
  );
  checks.notifications = notified.data.length;

  // The event feed: `type` narrows `data.object` to the resource it carries.
  const feed = await call(
    'listEvents',
    api.listEvents({ client, query: { paymentId: authorized.id, limit: 50 } }),
  );
  const kinds: string[] = [];
  for (const event of feed.data) {
    if (event.type === 'capture.succeeded' || event.type === 'capture.failed')
      kinds.push(`capture ${event.data.object.amount} ${event.data.object.gateway.orderId ?? ''}`);
    else if (event.type === 'refund.succeeded' || event.type === 'refund.failed')
      kinds.push(`refund ${event.data.object.amount}`);
    else if (event.type === 'saved_card.created' || event.type === 'saved_card.deleted')
      kinds.push(`saved card ${event.data.object.last4 ?? ''}`);
    else kinds.push(`payment ${event.data.object.status}`);
  }
  checks.feed = kinds;
  const first = feed.data[0];
  if (!first) throw new Error('the feed has no event of the authorized payment');
  const one = await call('getEvent', api.getEvent({ client, path: { id: first.id } }));
  checks.sameEvent = one.id === first.id && one.type === first.type;

  // Webhook endpoints: subscribe, read, change, rotate, redeliver, deliveries, unsubscribe.
  const endpoint = await call(
    'createWebhookEndpoint',
    api.createWebhookEndpoint({
      client,
      body: { url: h.subscriberUrl, eventTypes: ['payment.completed'], description: 'SDK' },
    }),
  );
  checks.secretGiven = endpoint.secret.startsWith('whsec_');
  const endpoints = await call('listWebhookEndpoints', api.listWebhookEndpoints({ client }));
  checks.endpointListed = endpoints.data.some((e) => e.id === endpoint.id);
  await call('getWebhookEndpoint', api.getWebhookEndpoint({ client, path: { id: endpoint.id } }));
  const changed = await call(
    'updateWebhookEndpoint',
    api.updateWebhookEndpoint({
      client,
      path: { id: endpoint.id },
      body: { description: 'SDK, renamed' },
    }),
  );
  checks.renamed = changed.description;
  const rotated = await call(
    'rotateWebhookEndpointSecret',
    api.rotateWebhookEndpointSecret({ client, path: { id: endpoint.id } }),
  );
  checks.rotated = rotated.secret !== endpoint.secret;
  const redelivered = await call(
    'redeliverEvent',
    api.redeliverEvent({ client, path: { id: first.id }, body: { endpointId: endpoint.id } }),
  );
  checks.scheduled = redelivered.scheduled;
  const deliveries = await call(
    'listWebhookEndpointDeliveries',
    api.listWebhookEndpointDeliveries({ client, path: { id: endpoint.id } }),
  );
  checks.deliveries = deliveries.data.map((d) => d.eventId);
  const eventDeliveries = await call(
    'listEventDeliveries',
    api.listEventDeliveries({ client, path: { id: first.id } }),
  );
  checks.eventDeliveries = eventDeliveries.data.length;
  await call(
    'deleteWebhookEndpoint',
    api.deleteWebhookEndpoint({ client, path: { id: endpoint.id } }),
  );

  return { answered, checks };
}
