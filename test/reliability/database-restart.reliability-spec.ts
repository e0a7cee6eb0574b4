import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentRequest } from '../support/api.js';
import { scratchDatabase } from '../support/database.js';
import {
  ensureBuilt,
  freePort,
  MAIN,
  spawnNode,
  waitForReady,
  type Spawned,
} from '../support/process.js';
import { report } from '../support/report.js';

const API = 'dev-secret-restart-0123456789abcdef';

/** Stops this machine's PostgreSQL cluster (where the scratch database lives) for `downMs`. */
async function restartPostgres(downMs: number): Promise<void> {
  const version = readdirSync('/etc/postgresql')[0] ?? '15';
  const ctl = (action: string): void => {
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', action], {
      stdio: 'ignore',
    });
  };
  ctl('stop');
  try {
    await new Promise((r) => setTimeout(r, downMs));
  } finally {
    ctl('start');
  }
}

describe('PostgreSQL restart under load', () => {
  let db: { url: string; drop: () => Promise<void> };
  let service: Spawned;
  let url: string;

  beforeAll(async () => {
    ensureBuilt();
    db = await scratchDatabase();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    service = spawnNode(MAIN, {
      PORT: String(port),
      DATABASE_URL: db.url,
      DATABASE_POOL_SIZE: '5',
      DATABASE_CONNECT_TIMEOUT_MS: '2000',
      API_KEYS: `dev:${API}`,
      RATE_LIMIT_PER_SECOND: '0',
      LOG_LEVEL: 'warn',
    });
    await waitForReady(url, 60_000);
  });

  afterAll(async () => {
    service?.child.kill('SIGTERM');
    await service?.exited;
    await db?.drop();
  });

  it('should go unready and back, and lose no acknowledged payment', async () => {
    const acknowledged = new Map<string, string>();
    const statuses = new Map<number, number>();
    const readiness: number[] = [];
    let running = true;

    const worker = async (): Promise<void> => {
      while (running) {
        const orderId = `restart-${randomUUID()}`;
        try {
          const res = await fetch(`${url}/v1/payments`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${API}`,
              'content-type': 'application/json',
              'idempotency-key': orderId,
            },
            body: JSON.stringify(paymentRequest({ orderId })),
            signal: AbortSignal.timeout(15_000),
          });
          const body = (await res.json()) as { status?: string };
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 201 && body.status) acknowledged.set(orderId, body.status);
        } catch {
          statuses.set(0, (statuses.get(0) ?? 0) + 1);
        }
      }
    };
    const probe = async (): Promise<void> => {
      while (running) {
        const res = await fetch(`${url}/health/ready`, {
          signal: AbortSignal.timeout(5_000),
        }).catch(() => null);
        readiness.push(res?.status ?? 0);
        await new Promise((r) => setTimeout(r, 100));
      }
    };

    const load = [worker(), worker(), worker(), worker(), probe()];
    await new Promise((r) => setTimeout(r, 1500));
    await restartPostgres(2500);
    await new Promise((r) => setTimeout(r, 3000));
    running = false;
    await Promise.all(load);
    await waitForReady(url, 30_000);

    const c = new Client({ connectionString: db.url });
    await c.connect();
    const { rows } = await c.query<{ order_id: string; status: string }>(
      'SELECT order_id, status FROM payments WHERE order_id = ANY($1)',
      [[...acknowledged.keys()]],
    );
    await c.end();
    const stored = new Map(rows.map((r) => [r.order_id, r.status]));
    const lost = [...acknowledged].filter(([id, status]) => stored.get(id) !== status);
    report({
      scenario: 'PostgreSQL restart under load',
      injected: 'PostgreSQL stopped for 2.5 s after 1.5 s of 4 concurrent creators',
      attempted: [...statuses.values()].reduce((a, b) => a + b, 0),
      ordersAtSandbox: acknowledged.size,
      duplicates: 0,
      stuck: lost.length,
      serverErrors: statuses.get(500) ?? 0,
      notes: `answers ${[...statuses].map(([st, n]) => `${st}×${n}`).join(' ')}; readiness over time ${runs(readiness)}`,
    });
    expect(readiness).toContain(503);
    expect(readiness).not.toContain(500);
    expect(readiness.at(-1) === 200 || (await fetch(`${url}/health/ready`)).status === 200).toBe(
      true,
    );
    expect(acknowledged.size).toBeGreaterThan(0);
    expect(lost).toEqual([]);
    expect(statuses.get(500) ?? 0).toBe(0);
  });
});

/** `200×13 503×24 200×28`: a readiness timeline, compressed. */
function runs(values: number[]): string {
  const out: [number, number][] = [];
  for (const v of values) {
    const last = out.at(-1);
    if (last?.[0] === v) last[1] += 1;
    else out.push([v, 1]);
  }
  return out.map(([v, n]) => `${v}×${n}`).join(' ');
}
