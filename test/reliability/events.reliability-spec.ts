// over-400: four fault scenarios sharing the harness defined above them.
import { connect, type ChannelModel } from 'amqplib';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { paymentRequest } from '../support/api.js';
import { rabbitMqAvailable, TEST_AMQP_URL } from '../support/amqp.js';
import { scratchDatabase } from '../support/database.js';
import {
  ensureBuilt,
  freePort,
  MAIN,
  ROOT,
  spawnNode,
  waitForReady,
  type Spawned,
} from '../support/process.js';
import { report, reportEvents } from '../support/report.js';
import { TestSubscriber } from '../support/subscriber.js';

const MSP_KEY = 'events-msp-key';
const API = 'dev-secret-events-0123456789abcdef';
const OPEN = ['created', 'unknown', 'initialized', 'uncleared'];

await rabbitMqAvailable('events reliability (RabbitMQ)');

/** A consuming service's durable queue: it keeps what RabbitMQ routed while the consumer was away. */
class DurableConsumer {
  /** Receipts per event id, with the first one's time. */
  readonly received = new Map<string, { count: number; at: number }>();
  private connection: ChannelModel | undefined;

  constructor(readonly queue = `reliability.events.${randomUUID()}`) {}

  async start(): Promise<void> {
    const connection = await connect(TEST_AMQP_URL);
    connection.on('error', () => undefined);
    const channel = await connection.createChannel();
    await channel.assertExchange('payments.events', 'topic', { durable: true });
    await channel.assertQueue(this.queue, { durable: true });
    await channel.bindQueue(this.queue, 'payments.events', '#');
    await channel.consume(this.queue, (m) => {
      if (!m) return;
      const id = String(m.properties.messageId);
      const seen = this.received.get(id);
      this.received.set(id, { count: (seen?.count ?? 0) + 1, at: seen?.at ?? Date.now() });
      channel.ack(m);
    });
    this.connection = connection;
  }

  async stop(deleteQueue = false): Promise<void> {
    if (deleteQueue) {
      const channel = await this.connection?.createChannel().catch(() => undefined);
      await channel?.deleteQueue(this.queue).catch(() => undefined);
    }
    await this.connection?.close().catch(() => undefined);
    this.connection = undefined;
  }
}

/** One API call; a connection that died with the process answers status 0. */
async function api(url: string, method: string, path: string, body?: unknown, key?: string) {
  try {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${API}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
    };
  } catch {
    return { status: 0, body: {} }; // the connection died with the process
  }
}

/**
 * Creates one payment after another, `pauseMs` apart, until `stop` (which resolves with every
 * answer's status): a steady load while a destination is away.
 */
function steadyCreates(
  url: string,
  prefix: string,
  pauseMs: number,
): { stop: () => Promise<number[]> } {
  const statuses: number[] = [];
  let running = true;
  const loop = (async () => {
    for (let n = 0; running; n += 1) {
      const body = paymentRequest({ orderId: `${prefix}${n}` });
      statuses.push((await api(url, 'POST', '/v1/payments', body, randomUUID())).status);
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return statuses;
    },
  };
}

function rabbitmqctl(...args: string[]): void {
  execFileSync('rabbitmqctl', args, { stdio: 'ignore', timeout: 60_000 });
}

/**
 * Real processes (the built service, the standalone sandbox), a real PostgreSQL, a real HTTP
 * subscriber and a real RabbitMQ: events survive kill -9, a subscriber down for 30 s and RabbitMQ
 * stopped under load; captures survive kill -9 without capturing twice.
 */
describe('events and captures under faults', () => {
  let db: { url: string; drop: () => Promise<void> };
  let sandbox: Spawned;
  let sandboxUrl: string;
  const services: Spawned[] = [];
  const subscriber = new TestSubscriber();

  beforeAll(async () => {
    ensureBuilt();
    db = await scratchDatabase();
    await subscriber.start();
    const port = await freePort();
    sandboxUrl = `http://127.0.0.1:${port}`;
    sandbox = spawnNode(`${ROOT}dist/apps/msp-sandbox/src/main.js`, {
      PORT: String(port),
      MSP_SANDBOX_API_KEYS: MSP_KEY,
      MSP_SANDBOX_RETRY_DELAYS_MS: '200,200',
      MSP_SANDBOX_UNCLEARED_MS: '2000',
    });
    for (let i = 0; i < 200; i += 1) {
      if ((await fetch(`${sandboxUrl}/sandbox-admin/faults`).catch(() => null))?.ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`sandbox did not start: ${sandbox.output()}`);
  });

  afterEach(async () => {
    for (const s of services.splice(0)) {
      s.child.kill('SIGTERM');
      await s.exited;
    }
    subscriber.mode = { kind: 'ok' };
    subscriber.latencyMs = 0;
    await sandboxAdmin('DELETE', '/sandbox-admin/faults');
  });

  afterAll(async () => {
    sandbox?.child.kill('SIGTERM');
    await subscriber.stop();
    await db?.drop();
  });

  async function sandboxAdmin(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${sandboxUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  async function service(
    extra: Record<string, string> = {},
  ): Promise<{ url: string; proc: Spawned }> {
    const port = await freePort();
    const proc = spawnNode(MAIN, {
      PORT: String(port),
      DATABASE_URL: db.url,
      MSP_ENV: 'test',
      MSP_API_KEY: MSP_KEY,
      MSP_BASE_URL: `${sandboxUrl}/v1/json`,
      API_KEYS: `dev:${API}`,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_SECOND: '0',
      MSP_TIMEOUT_MS: '2000',
      RECONCILE_INTERVAL_MS: '300',
      RECONCILE_AFTER_MS: '1000',
      ABANDON_AFTER_MS: '3000',
      AMQP_URL: TEST_AMQP_URL,
      ...extra,
    });
    services.push(proc);
    const url = `http://127.0.0.1:${port}`;
    await waitForReady(url, 60_000);
    return { url, proc };
  }

  async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      return (await c.query(sql, params)).rows as T[];
    } finally {
      await c.end();
    }
  }

  /** The subscriber's endpoint, once for the whole database. */
  async function subscribe(url: string): Promise<void> {
    if (subscriber.secrets.length > 0) return;
    const res = await api(url, 'POST', '/v1/webhook-endpoints', {
      url: subscriber.url,
      eventTypes: ['*'],
    });
    expect(res.status).toBe(201);
    subscriber.secrets.push(String(res.body.secret));
  }

  /** Waits until the payments under `prefix` are settled and every event of theirs has arrived. */
  async function allDelivered(
    prefix: string,
    consumer: DurableConsumer | null,
    timeoutMs: number,
  ): Promise<{ id: string; created_at: Date }[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const open = await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM payments WHERE order_id LIKE $1 AND status = ANY($2)`,
        [`${prefix}%`, OPEN],
      );
      const events = await query<{ id: string; created_at: Date }>(
        `SELECT e.id, e.created_at FROM events e JOIN payments p ON p.id = e.payment_id
         WHERE p.order_id LIKE $1`,
        [`${prefix}%`],
      );
      const http = new Set(subscriber.accepted.map((d) => d.event.id));
      const done =
        open[0]?.n === 0 &&
        events.every((e) => http.has(e.id) && (!consumer || consumer.received.has(e.id)));
      if (done || Date.now() > deadline) return events;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  function tally(
    scenario: string,
    injected: string,
    events: { id: string; created_at: Date }[],
    consumer: DurableConsumer | null,
    notes?: string,
  ) {
    const receipts = new Map<string, number[]>();
    for (const d of subscriber.accepted) {
      receipts.set(d.event.id, [...(receipts.get(d.event.id) ?? []), d.receivedAt]);
    }
    const ids = new Set(events.map((e) => e.id));
    const lostHttp = events.filter((e) => !receipts.has(e.id)).length;
    const lostAmqp = consumer ? events.filter((e) => !consumer.received.has(e.id)).length : null;
    const duplicatesHttp = [...receipts]
      .filter(([id]) => ids.has(id))
      .reduce((n, [, at]) => n + at.length - 1, 0);
    const duplicatesAmqp = consumer
      ? [...consumer.received]
          .filter(([id]) => ids.has(id))
          .reduce((n, [, r]) => n + r.count - 1, 0)
      : null;
    const worstLagMs = Math.max(
      0,
      ...events.map((e) => {
        const first = Math.min(
          receipts.get(e.id)?.[0] ?? Infinity,
          consumer?.received.get(e.id)?.at ?? Infinity,
        );
        return first - e.created_at.getTime();
      }),
    );
    const row = {
      scenario,
      injected,
      events: events.length,
      lostHttp,
      lostAmqp,
      duplicatesHttp,
      duplicatesAmqp,
      worstLagMs,
      notes,
    };
    reportEvents(row);
    return row;
  }

  it('should deliver every event at least once after kill -9 with 200 payments moving', async () => {
    const consumer = new DurableConsumer();
    await consumer.start();
    try {
      const first = await service();
      await subscribe(first.url);
      // Deliveries stay in flight (the subscriber answers slowly), creates take a while.
      subscriber.latencyMs = 150;
      await sandboxAdmin('POST', '/sandbox-admin/latency', { ms: 50 });
      const prefix = `evkill-${Date.now()}-`;
      const cards = ['4012001038443335', '4111111111111111', '4462000000000003'];
      const creates = Array.from({ length: 200 }, (_, i) =>
        api(
          first.url,
          'POST',
          '/v1/payments',
          paymentRequest({ orderId: `${prefix}${i}` }, { number: cards[i % 3] }),
          randomUUID(),
        ),
      );
      // Killed once most payments exist and some of their events are out, others not yet.
      const started = Date.now();
      for (;;) {
        const [row] = await query<{ payments: number; delivered: number }>(
          `SELECT count(*)::int AS payments,
             (SELECT count(*)::int FROM event_deliveries WHERE status = 'succeeded') AS delivered
           FROM payments WHERE order_id LIKE $1`,
          [`${prefix}%`],
        );
        if (
          ((row?.payments ?? 0) >= 150 && (row?.delivered ?? 0) > 0) ||
          Date.now() - started > 20_000
        )
          break;
        await new Promise((r) => setTimeout(r, 100));
      }
      first.proc.child.kill('SIGKILL');
      const answers = await Promise.all(creates);
      await sandboxAdmin('POST', '/sandbox-admin/latency', { ms: 0 });
      subscriber.latencyMs = 0;
      await service();
      // 3-D Secure payments the shopper never finishes expire at MultiSafepay; the rest settle.
      const orders = (await sandboxAdmin('GET', '/sandbox-admin/orders')) as {
        order_id: string;
        status: string;
      }[];
      for (const o of orders.filter(
        (x) => x.order_id.startsWith(prefix) && x.status === 'initialized',
      )) {
        await sandboxAdmin('POST', `/sandbox-admin/orders/${o.order_id}/status`, {
          status: 'expired',
        });
      }
      const events = await allDelivered(prefix, consumer, 60_000);
      const row = tally(
        'kill -9, 200 payments and their deliveries in flight, restart',
        'SIGKILL once 150 payments exist; subscriber answers in 150 ms; gateway latency 50 ms',
        events,
        consumer,
        `payments: ${(await query<{ n: number }>('SELECT count(*)::int AS n FROM payments WHERE order_id LIKE $1', [`${prefix}%`]))[0]?.n}; creates answered before the kill: ${answers.filter((a) => a.status === 201).length}`,
      );
      expect(events.length).toBeGreaterThan(0);
      expect(row.lostHttp).toBe(0);
      expect(row.lostAmqp).toBe(0);
    } finally {
      await consumer.stop(true);
    }
  });

  it('should deliver everything once a subscriber down for 30 s (500, then refused) is back', async () => {
    const svc = await service();
    await subscribe(svc.url);
    const prefix = `evdown-${Date.now()}-`;
    const load = steadyCreates(svc.url, prefix, 200);
    subscriber.mode = { kind: 'status', status: 500 };
    await new Promise((r) => setTimeout(r, 15_000));
    const port = subscriber.port;
    await subscriber.stop();
    await new Promise((r) => setTimeout(r, 15_000));
    subscriber.mode = { kind: 'ok' };
    await subscriber.start(port);
    await new Promise((r) => setTimeout(r, 2_000));
    const statuses = await load.stop();
    const back = Date.now();
    const events = await allDelivered(prefix, null, 60_000);
    const row = tally(
      'subscriber down 30 s under load (default retry schedule)',
      '15 s answering 500, then 15 s refusing connections',
      events,
      null,
      `${statuses.length} payments taken (${statuses.filter((s) => s === 201).length} × 201); all delivered ${((Date.now() - back) / 1000).toFixed(1)} s after it was back`,
    );
    expect(statuses.every((s) => s === 201)).toBe(true);
    expect(row.lostHttp).toBe(0);
  });

  it('should publish every event once RabbitMQ is back after 10 s stopped under load', async () => {
    const consumer = new DurableConsumer();
    await consumer.start();
    const svc = await service();
    await subscribe(svc.url);
    const prefix = `evrabbit-${Date.now()}-`;
    const load = steadyCreates(svc.url, prefix, 100);
    await new Promise((r) => setTimeout(r, 2_000));
    await consumer.stop();
    rabbitmqctl('stop_app');
    const stopped = Date.now();
    try {
      await new Promise((r) => setTimeout(r, 10_000 - (Date.now() - stopped)));
    } finally {
      rabbitmqctl('start_app');
      rabbitmqctl('await_startup');
    }
    await consumer.start();
    await new Promise((r) => setTimeout(r, 2_000));
    const statuses = await load.stop();
    try {
      const events = await allDelivered(prefix, consumer, 60_000);
      const row = tally(
        'RabbitMQ stopped 10 s under load',
        'rabbitmqctl stop_app, 10 s, start_app',
        events,
        consumer,
        `${statuses.length} payments taken (${statuses.filter((s) => s === 201).length} × 201) while the broker was away`,
      );
      expect(statuses.every((s) => s === 201)).toBe(true);
      expect(row.lostAmqp).toBe(0);
      expect(row.lostHttp).toBe(0);
    } finally {
      await consumer.stop(true);
    }
  });

  it('should never capture twice nor leave a capture stuck after kill -9 with captures in flight', async () => {
    const first = await service({ RECONCILE_INTERVAL_MS: '0' });
    const prefix = `capkill-${Date.now()}-`;
    const authorized: { id: string; orderId: string }[] = [];
    for (let i = 0; i < 30; i += 1) {
      const res = await api(
        first.url,
        'POST',
        '/v1/payments',
        paymentRequest({ orderId: `${prefix}${i}`, amount: 1000, captureMode: 'manual' }),
        randomUUID(),
      );
      expect(res.body.status).toBe('authorized');
      authorized.push({ id: String(res.body.id), orderId: String(res.body.orderId) });
    }
    const keys = authorized.map(() => randomUUID());
    await sandboxAdmin('POST', '/sandbox-admin/latency', { ms: 300, stage: 'after_read' });
    const inFlight = authorized.map((p, i) =>
      api(first.url, 'POST', `/v1/payments/${p.id}/captures`, { amount: 600 }, keys[i]),
    );
    await new Promise((r) => setTimeout(r, 400));
    first.proc.child.kill('SIGKILL');
    const answers = await Promise.all(inFlight);
    await sandboxAdmin('POST', '/sandbox-admin/latency', { ms: 0 });
    const second = await service();
    // Callers retry what they did not get an answer to, with the same key (after the lease).
    const retried = await Promise.all(
      authorized.map(async (p, i) => {
        for (let attempt = 0; attempt < 40; attempt += 1) {
          const res = await api(
            second.url,
            'POST',
            `/v1/payments/${p.id}/captures`,
            { amount: 600 },
            keys[i],
          );
          if (res.status !== 409 || res.body.error === undefined) return res;
          await new Promise((r) => setTimeout(r, 1_000));
        }
        return { status: 0, body: {} };
      }),
    );
    const orders = (await sandboxAdmin('GET', '/sandbox-admin/orders')) as {
      order_id: string;
      auth_order_id?: string | null;
    }[];
    const capturesAt = (orderId: string) =>
      orders.filter((o) => o.auth_order_id === orderId).length;
    const double = authorized.filter((p) => capturesAt(p.orderId) > 1).length;
    const rows = await query<{ status: string }>(
      `SELECT c.status FROM captures c JOIN payments p ON p.id = c.payment_id WHERE p.order_id LIKE $1`,
      [`${prefix}%`],
    );
    const stuck = rows.filter((r) => r.status === 'pending' || r.status === 'unknown').length;
    const disagree = await query<{ order_id: string; captured_amount: number }>(
      `SELECT order_id, captured_amount FROM payments WHERE order_id LIKE $1`,
      [`${prefix}%`],
    ).then((ps) => ps.filter((p) => p.captured_amount !== capturesAt(p.order_id) * 600));
    report({
      scenario: 'kill -9 with 30 captures in flight, retried with their keys',
      injected: 'SIGKILL 400 ms into captures answered after 300 ms',
      attempted: 30,
      ordersAtSandbox: orders.filter((o) => o.auth_order_id?.startsWith(prefix)).length,
      duplicates: double,
      stuck,
      serverErrors: [...answers, ...retried].filter((a) => a.status === 500).length,
      notes: `answered before the kill: ${answers.filter((a) => a.status === 201).length}; retries answered 201: ${retried.filter((a) => a.status === 201).length}; captured amount disagreeing with MultiSafepay: ${disagree.length}`,
    });
    expect(double).toBe(0);
    expect(stuck).toBe(0);
    expect(retried.every((a) => a.status === 201)).toBe(true);
    expect(disagree).toEqual([]);
  });
});
