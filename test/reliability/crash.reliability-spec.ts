import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'pg';
import { paymentRequest } from '../support/api.js';
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
import { report } from '../support/report.js';

const MSP_KEY = 'crash-msp-key';
const API = 'dev-secret-crash-0123456789abcdef';
const OPEN = ['created', 'unknown', 'initialized', 'uncleared'];

interface Row {
  id: string;
  order_id: string;
  status: string;
}

/**
 * Real processes (the built service twice, the standalone sandbox) on a real PostgreSQL:
 * kill -9 with payments in flight, gateway faults, two replicas without a proxy.
 */
describe('the built service under faults', () => {
  let db: { url: string; drop: () => Promise<void> };
  let sandbox: Spawned;
  let sandboxUrl: string;
  const services: Spawned[] = [];

  beforeAll(async () => {
    ensureBuilt();
    db = await scratchDatabase();
    const port = await freePort();
    sandboxUrl = `http://127.0.0.1:${port}`;
    sandbox = spawnNode(`${ROOT}dist/apps/msp-sandbox/src/main.js`, {
      PORT: String(port),
      MSP_SANDBOX_API_KEYS: MSP_KEY,
      MSP_SANDBOX_RETRY_DELAYS_MS: '200,200',
      MSP_SANDBOX_UNCLEARED_MS: '2000',
    });
    // The sandbox has no /health/ready: poll its control surface.
    for (let i = 0; i < 200; i += 1) {
      if ((await fetch(`${sandboxUrl}/sandbox-admin/faults`).catch(() => null))?.ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`sandbox did not start: ${sandbox.output()}`);
  });

  // Each scenario starts its own processes: a reconciler left running would take the faults.
  afterEach(async () => {
    for (const s of services.splice(0)) {
      s.child.kill('SIGTERM');
      await s.exited;
    }
  });

  afterAll(async () => {
    sandbox?.child.kill('SIGTERM');
    await db?.drop();
  });

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
      MSP_TIMEOUT_MS: '1000',
      ...extra,
    });
    services.push(proc);
    const url = `http://127.0.0.1:${port}`;
    await waitForReady(url, 60_000);
    return { url, proc };
  }

  async function create(
    url: string,
    body: Record<string, unknown>,
    key = randomUUID(),
  ): Promise<number> {
    try {
      const res = await fetch(`${url}/v1/payments`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${API}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer();
      return res.status;
    } catch {
      return 0; // the connection died with the process
    }
  }

  async function rows(prefix: string): Promise<Row[]> {
    const c = new Client({ connectionString: db.url });
    await c.connect();
    const r = await c.query<Row>(
      `SELECT id, order_id, status FROM payments WHERE order_id LIKE $1`,
      [`${prefix}%`],
    );
    await c.end();
    return r.rows;
  }

  async function sandboxOrders(): Promise<Map<string, { status: string; count: number }>> {
    const list = (await (await fetch(`${sandboxUrl}/sandbox-admin/orders`)).json()) as {
      order_id: string;
      status: string;
    }[];
    const map = new Map<string, { status: string; count: number }>();
    for (const o of list)
      map.set(o.order_id, { status: o.status, count: (map.get(o.order_id)?.count ?? 0) + 1 });
    return map;
  }

  async function settle(prefix: string, timeoutMs: number): Promise<Row[]> {
    const deadline = Date.now() + timeoutMs;
    let current = await rows(prefix);
    while (Date.now() < deadline && current.some((r) => OPEN.includes(r.status))) {
      await new Promise((r) => setTimeout(r, 200));
      current = await rows(prefix);
    }
    return current;
  }

  it('should settle every payment after kill -9 with 50 in flight, without a duplicate order', async () => {
    const first = await service({ RECONCILE_INTERVAL_MS: '0' });
    await fetch(`${sandboxUrl}/sandbox-admin/latency`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms: 400 }),
    });
    const prefix = `crash-${Date.now()}-`;
    const inFlight = Array.from({ length: 50 }, (_, i) =>
      create(
        first.url,
        paymentRequest({ orderId: `${prefix}${i}` }, { number: '4012001038443335' }),
      ),
    );
    await new Promise((r) => setTimeout(r, 250));
    first.proc.child.kill('SIGKILL');
    const answers = await Promise.all(inFlight);
    await fetch(`${sandboxUrl}/sandbox-admin/latency`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms: 0 }),
    });

    await service({
      RECONCILE_INTERVAL_MS: '300',
      RECONCILE_AFTER_MS: '300',
      ABANDON_AFTER_MS: '1500',
    });
    const settled = await settle(prefix, 15_000);
    const orders = await sandboxOrders();
    const ours = [...orders].filter(([id]) => id.startsWith(prefix));
    const stuck = settled.filter((r) => OPEN.includes(r.status)).length;
    const disagree = settled.filter((r) => {
      const order = orders.get(r.order_id);
      return order ? order.status !== r.status : r.status !== 'expired';
    });
    const duplicates = ours.filter(([, o]) => o.count > 1).length;
    report({
      scenario: 'kill -9 with 50 creates in flight, restart',
      injected: 'SIGKILL after 250 ms, gateway latency 400 ms',
      attempted: 50,
      ordersAtSandbox: ours.length,
      duplicates,
      stuck,
      serverErrors: answers.filter((s) => s === 500).length,
      notes: `answered before the kill: ${answers.filter((s) => s === 201).length}; rows: ${settled.length}; disagreeing with MultiSafepay: ${disagree.length}`,
    });
    expect(stuck).toBe(0);
    expect(duplicates).toBe(0);
    expect(disagree).toEqual([]);
    // Every order MultiSafepay got has its payment row (written before the call).
    expect(ours.every(([id]) => settled.some((r) => r.order_id === id))).toBe(true);
  });

  it('should answer gateway faults with 503/504 codes and settle what became unknown', async () => {
    // The reconciler waits until the faults are used up: its reads would take them otherwise.
    const svc = await service({
      RECONCILE_INTERVAL_MS: '300',
      RECONCILE_AFTER_MS: '8000',
      ABANDON_AFTER_MS: '9000',
    });
    const prefix = `fault-${Date.now()}-`;
    const statuses: number[] = [];
    const inject = (body: unknown) =>
      fetch(`${sandboxUrl}/sandbox-admin/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await inject({ mode: 'error', count: 5, status: 503 });
    for (let i = 0; i < 5; i += 1)
      statuses.push(await create(svc.url, paymentRequest({ orderId: `${prefix}e${i}` })));
    await inject({ mode: 'hang', count: 3 });
    for (let i = 0; i < 3; i += 1)
      statuses.push(await create(svc.url, paymentRequest({ orderId: `${prefix}h${i}` })));
    await inject({ mode: 'hang_after', count: 3 });
    for (let i = 0; i < 3; i += 1)
      statuses.push(await create(svc.url, paymentRequest({ orderId: `${prefix}a${i}` })));
    await fetch(`${sandboxUrl}/sandbox-admin/notifications/mode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'drop', count: 10 }),
    });
    for (let i = 0; i < 5; i += 1)
      statuses.push(
        await create(
          svc.url,
          paymentRequest({ orderId: `${prefix}d${i}` }, { number: '4462000000000003' }),
        ),
      );
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill(503));
    expect(statuses.slice(5, 11)).toEqual(Array(6).fill(504));
    const settled = await settle(prefix, 30_000);
    const orders = await sandboxOrders();
    const stuck = settled.filter((r) => OPEN.includes(r.status)).length;
    report({
      scenario: 'gateway faults',
      injected:
        '5×503, 3×hang, 3×hang after acting, 10 dropped notifications (uncleared, then completed)',
      attempted: statuses.length,
      ordersAtSandbox: [...orders.keys()].filter((id) => id.startsWith(prefix)).length,
      duplicates: [...orders].filter(([id, o]) => id.startsWith(prefix) && o.count > 1).length,
      stuck,
      serverErrors: statuses.filter((s) => s === 500).length,
      notes: `answers ${statuses.join(',')}`,
    });
    expect(stuck).toBe(0);
    expect(statuses.filter((s) => s === 500)).toEqual([]);
    for (const r of settled.filter((x) => x.order_id.includes('-a')))
      expect(r.status).toBe('completed');
  });

  it('should keep one order per Idempotency-Key across two processes without a proxy', async () => {
    const a = await service();
    const b = await service();
    const prefix = `two-${Date.now()}-`;
    const keys = Array.from({ length: 5 }, () => randomUUID());
    const results = await Promise.all(
      keys.flatMap((key, k) =>
        Array.from({ length: 8 }, (_, i) =>
          create(i % 2 ? a.url : b.url, paymentRequest({ orderId: `${prefix}${k}` }), key),
        ),
      ),
    );
    const orders = await sandboxOrders();
    const ours = [...orders].filter(([id]) => id.startsWith(prefix));
    report({
      scenario: 'two processes, one Idempotency-Key, alternating',
      injected: '5 keys × 8 concurrent creates over 2 processes',
      attempted: results.length,
      ordersAtSandbox: ours.length,
      duplicates: ours.filter(([, o]) => o.count > 1).length,
      stuck: 0,
      serverErrors: results.filter((s) => s >= 500).length,
    });
    expect(results).toEqual(Array(40).fill(201));
    expect(ours).toHaveLength(5);
  });
});
