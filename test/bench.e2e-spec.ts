import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openLoop, percentile } from '../bench/open-loop.mjs';
import { scratchDatabase } from './support/database.js';
import { available, needs } from './support/requirements.js';
import { ensureBuilt, ROOT } from './support/process.js';

type Line = Record<string, unknown>;

/** `node bench/bench.mjs …args` with `env`: its JSON lines, once it exited 0 with no stderr. */
async function bench(args: string[], env: Record<string, string>): Promise<Line[]> {
  const child = spawn('node', ['bench/bench.mjs', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
}

const BRIEF = ['--duration', '1', '--warmup', '0', '--connections', '4', '--rate', '50'];

function expectClosedLoop(line: Line | undefined, name: string): void {
  expect(line, name).toBeDefined();
  expect(line?.['non-2xx'], name).toBe(0);
  expect(line?.errors, name).toBe(0);
  expect(line?.['req/s'], name).toBeGreaterThan(0);
  expect(line?.['cpu ms/req service'], name).toBeGreaterThan(0);
}

/** One line of the open-loop table: every request of the schedule answered with a 2xx. */
function expectOpenLoop(line: Line | undefined, name: string): void {
  expect(line, name).toBeDefined();
  expect(line?.requests, name).toBeGreaterThan(0);
  expect(line?.['non-2xx'], name).toBe(0);
  expect(line?.errors, name).toBe(0);
  expect(line?.['achieved req/s'], name).toBeGreaterThan(0);
  const [p50, p99, p999, max] = ['p50 ms', 'p99 ms', 'p99.9 ms', 'max ms'].map((k) =>
    Number(line?.[k]),
  );
  expect(p50, name).toBeGreaterThan(0);
  expect(p99, name).toBeGreaterThanOrEqual(p50);
  expect(p999, name).toBeGreaterThanOrEqual(p99);
  expect(max, name).toBeGreaterThanOrEqual(p999);
  expect(line?.['cpu ms/req load'], name).toBeGreaterThan(0);
}

/**
 * `npm run bench` as users run it, briefly and at a low fixed rate so it does not crowd the
 * other test files: every scenario, the open-loop table and every floor must run and every
 * request must succeed. No figure is asserted beyond "something was measured": speed is the
 * bench's business.
 */
const withPostgres = await available(needs.postgres, 'test/bench.e2e-spec.ts (npm run bench)');

describe.runIf(withPostgres)('npm run bench', () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>>;

  beforeAll(async () => {
    ensureBuilt();
    db = await scratchDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('should measure every scenario, the open-loop table, the floors and the ceiling, with no failed request', async () => {
    const lines = await bench(BRIEF, { DATABASE_URL: db.url });
    const byScenario = new Map(lines.filter((l) => !('load %' in l)).map((l) => [l.scenario, l]));
    for (const name of [
      'create payment (non-3DS)',
      'read one payment',
      'list payments (limit 20)',
      'signed POST webhook',
      'HTTP floor (node:http, no database)',
      'read floor (node:http + pg, same SELECT)',
    ]) {
      expectClosedLoop(byScenario.get(name), name);
    }
    const floor = byScenario.get('database floor (pg, same writes)');
    expect(floor?.['payments/s']).toBeGreaterThan(0);
    expect(floor?.['cpu ms/payment (postgres + client)']).toBeGreaterThan(0);
    expect(floor?.['create/floor']).toBeGreaterThan(0);
    const ceiling = byScenario.get('ceiling on these cores (HTTP floor CPU + database floor CPU)');
    expect(ceiling?.['payments/s']).toBeGreaterThan(0);
    expect(ceiling?.['create/ceiling']).toBeGreaterThan(0);
    expect(byScenario.get('read ÷ read floor')?.['read/read floor']).toBeGreaterThan(0);

    // The open loop at 25/50/75/90% of each closed loop's throughput; the floors at the top one.
    const levels = (name: string): unknown[] =>
      lines.filter((l) => l.scenario === `open loop: ${name}`).map((l) => l['load %']);
    for (const name of ['create payment (non-3DS)', 'read one payment']) {
      expect(levels(name), name).toEqual([25, 50, 75, 90]);
    }
    for (const name of [
      'HTTP floor (node:http, no database)',
      'read floor (node:http + pg, same SELECT)',
    ]) {
      expect(levels(name), name).toEqual([90]);
    }
    for (const line of lines.filter((l) => 'load %' in l)) {
      expectOpenLoop(line, `${String(line.scenario)} at ${String(line['load %'])}%`);
    }

    // Events: creates with a subscriber (and RabbitMQ when one answers), and every event of the
    // open-loop window received, its lag measured.
    const withEvents = [...byScenario.keys()].find((k) =>
      String(k).startsWith('create payment (non-3DS), events to HTTP subscriber'),
    );
    expectClosedLoop(byScenario.get(withEvents), 'create with events');
    expect(byScenario.get('create with events ÷ without')?.ratio).toBeGreaterThan(0);
    const lags = lines.filter((l) => String(l.scenario).startsWith('events: commit → receipt'));
    expect(lags.map((l) => l.scenario)).toContain('events: commit → receipt, HTTP subscriber');
    for (const line of lags) {
      expect(line.events, String(line.scenario)).toBeGreaterThan(0);
      expect(line.events, String(line.scenario)).toBe(line['events written']);
      expect(line['p99 ms'], String(line.scenario)).toBeGreaterThanOrEqual(Number(line['p50 ms']));
    }

    const targets = byScenario.get('targets');
    for (const key of [
      'create/ceiling',
      'service cpu ms/payment',
      'open-loop create p99 ms at 75%',
      'read/read floor',
    ]) {
      expect(targets?.[key], key).toBeGreaterThan(0);
    }
  }, 300_000);

  it('should measure creates and reads on the embedded database with --embedded, even with DATABASE_URL set', async () => {
    const lines = await bench(
      [
        ...BRIEF,
        '--embedded',
        '--only',
        'create payment (non-3DS),read one payment',
        '--levels',
        '75',
      ],
      { DATABASE_URL: db.url },
    );
    expect(lines[0]?.database).toMatch(/^embedded PGlite/);
    const byScenario = new Map(lines.filter((l) => !('load %' in l)).map((l) => [l.scenario, l]));
    for (const name of ['create payment (non-3DS)', 'read one payment']) {
      expectClosedLoop(byScenario.get(name), name);
    }
    // The embedded database's worker is the service's child: its CPU is counted too.
    expect(byScenario.get('create payment (non-3DS)')?.['cpu ms/req postgres']).toBeGreaterThan(0);
    for (const line of lines.filter((l) => 'load %' in l)) {
      expectOpenLoop(line, `${String(line.scenario)} at ${String(line['load %'])}%`);
    }
    expect(lines.filter((l) => 'load %' in l).map((l) => [l.scenario, l['load %']])).toEqual([
      ['open loop: create payment (non-3DS)', 75],
      ['open loop: read one payment', 75],
    ]);
    expect(byScenario.has('database floor (pg, same writes)')).toBe(false);
    const targets = byScenario.get('targets');
    expect(targets?.['embedded creates/s']).toBeGreaterThan(0);
    expect(targets?.['embedded reads/s']).toBeGreaterThan(0);
  }, 180_000);
});

/**
 * The open-loop generator against a local server that holds every answer: what makes it an
 * open loop is asserted by lower bounds only (no request early, latency at least the hold),
 * which a slow or busy machine cannot break.
 */
describe('the open-loop generator (bench/open-loop.mjs)', () => {
  let server: Server | undefined;

  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  });

  /** Answers `/<i>` after `holdMs`; records when each request arrived and the most at once. */
  async function holdingServer(holdMs: number) {
    const arrivals = new Map<number, number>();
    let open = 0;
    let mostAtOnce = 0;
    server = createServer((req, res) => {
      arrivals.set(Number(req.url?.slice(1)), performance.now());
      open += 1;
      mostAtOnce = Math.max(mostAtOnce, open);
      setTimeout(() => {
        open -= 1;
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      }, holdMs);
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { origin: `http://127.0.0.1:${port}`, arrivals, mostAtOnce: () => mostAtOnce };
  }

  it('should start every request at its instant, never earlier, without waiting for earlier answers', async () => {
    const sut = await holdingServer(200);
    const rate = 50;
    const result = await openLoop({
      origin: sut.origin,
      rate,
      duration: 1,
      request: (i) => ({ method: 'GET', path: `/${i}`, headers: {} }),
    });

    expect(result).toMatchObject({ requests: 50, answered: 50, non2xx: 0, errors: 0 });
    expect(sut.arrivals.size).toBe(50);
    for (const [i, arrived] of sut.arrivals) {
      expect(arrived, `request ${i}`).toBeGreaterThanOrEqual(result.firstAt + (i * 1000) / rate);
    }
    // 50/s with answers held 200 ms: about 10 at once, which no loop waiting for them sends.
    expect(sut.mostAtOnce()).toBeGreaterThanOrEqual(5);
    expect(result.p50).toBeGreaterThanOrEqual(200);
  });

  it('should count a request that had to wait for a connection from its instant, and as late (no coordinated omission)', async () => {
    // One connection and 50 ms per answer: 20/s served, 100/s scheduled. Request k is answered
    // at least (k + 1) × 50 ms after the first instant and was due at k × 10 ms: its latency is
    // at least 50 + 40k ms; measured from when it left, every one would look like 50 ms.
    const sut = await holdingServer(50);
    const result = await openLoop({
      origin: sut.origin,
      rate: 100,
      duration: 0.3,
      connections: 1,
      request: (i) => ({ method: 'GET', path: `/${i}`, headers: {} }),
    });

    expect(result).toMatchObject({ requests: 30, answered: 30, errors: 0 });
    expect(sut.mostAtOnce()).toBe(1);
    expect(result.p50).toBeGreaterThanOrEqual(50 + 40 * 14);
    expect(result.max).toBeGreaterThanOrEqual(50 + 40 * 29);
    expect(result.late).toBeGreaterThanOrEqual(29);
    expect(result.maxStartLagMs).toBeGreaterThanOrEqual(40 * 29);
  });

  it('should take percentiles by nearest rank from the samples themselves', () => {
    const samples = Float64Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(percentile(samples, 0.5)).toBe(500);
    expect(percentile(samples, 0.99)).toBe(990);
    expect(percentile(samples, 0.999)).toBe(999);
    expect(percentile(samples, 1)).toBe(1000);
    expect(percentile(Float64Array.of(7), 0.999)).toBe(7);
  });
});
