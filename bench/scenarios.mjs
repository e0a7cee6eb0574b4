// The scenarios: what the bench asks of the service (creates, reads, the list, a signed
// webhook) and the events scenario (a subscriber and RabbitMQ, each event's lag).
import amqp from 'amqplib';
import { createHmac, randomUUID } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { drained } from './database.mjs';
import { measure, measureOpenLoop, ms, run } from './measure.mjs';
import { openLoop, percentile } from './open-loop.mjs';
import { API_KEY, DURATION, MSP_KEY, OPEN_CONNECTIONS } from './options.mjs';
import { children, start, waitFor } from './processes.mjs';
import { line } from './report.mjs';

function paymentBody(orderId) {
  return JSON.stringify({
    orderId,
    amount: 1000,
    currency: 'EUR',
    description: 'bench',
    card: {
      number: '4012001038443335',
      holder: 'Bench',
      expiryMonth: 12,
      expiryYear: 2030,
      cvc: '123',
    },
    customer: { email: 'bench@example.com', ipAddress: '203.0.113.7' },
  });
}

const AUTH = { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' };

// Card payments with unique idempotency keys and order ids, against `target`.
export const creates = (target) => ({
  url: `${target}/v1/payments`,
  method: 'POST',
  headers: AUTH,
  requests: [
    {
      setupRequest: (req) => {
        const id = `bench-${randomUUID()}`;
        return {
          ...req,
          headers: { ...req.headers, 'idempotency-key': id },
          body: paymentBody(id),
        };
      },
    },
  ],
});
// The same for the open loop.
export const openCreate = () => {
  const id = `bench-${randomUUID()}`;
  return {
    method: 'POST',
    path: '/v1/payments',
    headers: { ...AUTH, 'idempotency-key': id },
    body: paymentBody(id),
  };
};

/**
 * The service's scenarios, each closed loop, and creates and reads again open loop: creates, a
 * read of one payment, the list, and a signed POST webhook.
 */
export async function serviceScenarios({ base, sandboxPort }) {
  const CREATE = 'create payment (non-3DS)';
  const create = await run(CREATE, creates(base));
  // The open loop's rates are fractions of the closed loop's throughput just measured.
  const createOpen = create ? await measureOpenLoop(CREATE, base, openCreate, create['req/s']) : [];

  const readKey = `bench-read-${randomUUID()}`;
  const createdResponse = await fetch(`${base}/v1/payments`, {
    method: 'POST',
    headers: { ...AUTH, 'idempotency-key': readKey },
    body: paymentBody(readKey),
  });
  const created = await createdResponse.json();
  if (createdResponse.status !== 201) {
    throw new Error(`creating the payment to read failed: ${JSON.stringify(created)}`);
  }
  const readPath = `/v1/payments/${created.id}`;
  const openRead = () => ({ method: 'GET', path: readPath, headers: AUTH });
  const READ = 'read one payment';
  const read = await run(READ, { url: `${base}${readPath}`, headers: AUTH });
  if (read) await measureOpenLoop(READ, base, openRead, read['req/s']);
  await run('list payments (limit 20)', {
    url: `${base}/v1/payments?limit=20&status=completed`,
    headers: AUTH,
  });

  const order = await (
    await fetch(`http://127.0.0.1:${sandboxPort}/v1/json/orders/${created.orderId}`, {
      headers: { api_key: MSP_KEY },
    })
  ).text();
  // The sandbox answers with sorted keys: {"data":{…},"success":true}. The webhook body is `data`.
  const body = order.slice('{"data":'.length, order.lastIndexOf(',"success":'));
  await run('signed POST webhook', {
    url: `${base}/webhooks/multisafepay?transactionid=${created.orderId}&timestamp=1`,
    method: 'POST',
    requests: [
      {
        setupRequest: (req) => {
          const ts = Math.floor(Date.now() / 1000);
          const mac = createHmac('sha512', MSP_KEY).update(`${ts}:${body}`).digest('hex');
          return {
            ...req,
            headers: {
              'content-type': 'application/json',
              auth: Buffer.from(`${ts}:${mac}`).toString('base64'),
            },
            body,
          };
        },
      },
    ],
  });
  return { create, createOpen, read, readPath, openRead };
}

/**
 * Events (docs/events.md): the service again on the same port, now with one HTTP subscriber (a
 * bare node:http server in this process) and RabbitMQ (AMQP_URL, default the local broker; a
 * consumer in this process). Create capacity with both, as a ratio to the run without; then
 * creates open loop at half that capacity, and each event's lag from its `createdAt` (set as
 * the statement that commits it is built) to its receipt, per way out.
 */
export async function eventsScenario({ port, serviceEnv, create, targets }) {
  const amqpUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
  const receipts = { webhook: new Map(), amqp: new Map() };
  const receive = (channel, body) => {
    const event = JSON.parse(body);
    const lag = Date.now() - Date.parse(event.createdAt);
    const seen = receipts[channel].get(event.id);
    receipts[channel].set(event.id, { lag: seen ? seen.lag : lag, count: (seen?.count ?? 0) + 1 });
  };
  const subscriber = createHttpServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      receive('webhook', Buffer.concat(chunks).toString('utf8'));
      res.writeHead(204).end();
    });
  });
  await new Promise((resolve) => subscriber.listen(0, '127.0.0.1', resolve));
  let broker;
  try {
    broker = await amqp.connect(amqpUrl, { timeout: 3000 });
  } catch (error) {
    line({
      scenario: 'events',
      note: `no RabbitMQ at ${amqpUrl.replace(/:[^:@/]*@/, ':***@')}: ${error.message}; HTTP subscriber only`,
    });
  }
  if (broker) {
    const channel = await broker.createChannel();
    await channel.assertExchange('payments.events', 'topic', { durable: true });
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    await channel.bindQueue(queue, 'payments.events', '#');
    await channel.consume(queue, (m) => m && receive('amqp', m.content.toString('utf8')), {
      noAck: true,
    });
  }
  const service = (children.service = start('dist/apps/payments/src/main.js', {
    PORT: String(port),
    ...serviceEnv,
    ...(broker ? { AMQP_URL: amqpUrl } : {}),
  }));
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/health/ready`);
  const endpoint = await fetch(`${base}/v1/webhook-endpoints`, {
    method: 'POST',
    headers: AUTH,
    body: JSON.stringify({
      url: `http://127.0.0.1:${subscriber.address().port}/events`,
      eventTypes: ['*'],
      description: 'bench subscriber',
    }),
  });
  if (endpoint.status !== 201) throw new Error(`webhook endpoint: ${await endpoint.text()}`);
  const endpointId = (await endpoint.json()).id;
  try {
    const ways = broker ? 'HTTP subscriber + RabbitMQ' : 'HTTP subscriber';
    const withEvents = await measure(`create payment (non-3DS), events to ${ways}`, creates(base));
    const ratio = Number((withEvents['req/s'] / create['req/s']).toFixed(2));
    line({ scenario: 'create with events ÷ without', ratio });
    targets['create with events/without'] = ratio;

    // Half the capacity with events on, open loop; lags of the events written in that window.
    await drained(new Date());
    for (const r of Object.values(receipts)) r.clear();
    const since = new Date();
    const rate = withEvents['req/s'] / 2;
    const r = await openLoop({
      origin: base,
      rate,
      duration: DURATION,
      request: openCreate,
      connections: OPEN_CONNECTIONS,
    });
    const expected = await drained(since);
    for (const [channel, seen] of Object.entries(receipts)) {
      if (channel === 'amqp' && !broker) continue;
      const lags = Float64Array.from([...seen.values()].map((x) => x.lag)).sort();
      const row = {
        scenario: `events: commit → receipt, ${channel === 'amqp' ? 'RabbitMQ consumer' : 'HTTP subscriber'}`,
        'creates/s': Math.round(rate),
        'creates answered': r.answered,
        events: lags.length,
        // Deliveries the database holds for the window's events (not readable on PGlite).
        ...(expected ? { 'events written': expected[channel] ?? 0 } : {}),
        duplicates: [...seen.values()].reduce((n, x) => n + x.count - 1, 0),
        'p50 ms': ms(percentile(lags, 0.5)),
        'p99 ms': ms(percentile(lags, 0.99)),
        'max ms': ms(lags.at(-1) ?? NaN),
      };
      line(row);
      targets[`event lag p50/p99 ms, ${channel}`] = `${row['p50 ms']} / ${row['p99 ms']}`;
    }
  } finally {
    await broker?.close().catch(() => undefined);
    subscriber.close();
  }
  // Later scenarios run without the subscriber.
  const deleted = await fetch(`${base}/v1/webhook-endpoints/${endpointId}`, {
    method: 'DELETE',
    headers: { authorization: AUTH.authorization },
  });
  if (deleted.status !== 204) throw new Error(`webhook endpoint delete: ${await deleted.text()}`);
  return service;
}
