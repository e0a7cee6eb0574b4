// `npm run bench [-- --rows 1000000 --duration 20 --connections 64 --repeat 1 --rate 0 --only name,…
//   --levels 25,50,75,90 --embedded]` (BENCH_POOL_SIZE: the service's DATABASE_POOL_SIZE, 20;
//   BENCH_BUILD: another checkout, built, whose service and sandbox to measure)
// Starts the standalone MultiSafepay sandbox and the built service (DATABASE_URL, or embedded),
// loads them with autocannon (closed loop: capacity), then creates and reads again open loop at
// fractions of that capacity (latency), and compares them with floors: the same database work
// done directly with `pg`, the same HTTP exchanges with a bare server, the same read with both.
import amqp from 'amqplib';
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { openSync, readdirSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openLoop, percentile } from './open-loop.mjs';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    connections: { type: 'string', default: '64' },
    rows: { type: 'string', default: '0' },
    only: { type: 'string', default: '' },
    // A fixed total request rate (autocannon's overallRate) instead of as fast as the
    // connections go: CPU per request of two builds at the same load.
    rate: { type: 'string', default: '0' },
    // Measure each scenario (and the floor) this many times and report the median run: on a
    // shared VM two identical runs can differ by a quarter.
    repeat: { type: 'string', default: '1' },
    // The open loop's arrival rates, in % of the closed loop's throughput in the same run.
    levels: { type: 'string', default: '25,50,75,90' },
    // The most requests the open loop has in flight; one that finds them all busy waits and
    // counts as late. Far above what the levels need (rate × latency).
    'open-connections': { type: 'string', default: '512' },
    // The embedded database (PGlite), as `npm start` runs without DATABASE_URL, even if set.
    embedded: { type: 'boolean', default: false },
  },
});
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const CONNECTIONS = Number(args.connections);
const ROWS = Number(args.rows);
const RATE = Number(args.rate);
const REPEAT = Math.max(1, Number(args.repeat));
const LEVELS = args.levels
  .split(',')
  .filter(Boolean)
  .map(Number)
  .filter((level) => level > 0);
const OPEN_CONNECTIONS = Number(args['open-connections']);
// The database the service runs on, if any (undefined: embedded).
const DATABASE_URL = args.embedded ? undefined : process.env.DATABASE_URL;
// The checkout whose build runs (BENCH_BUILD=/path/to/other/checkout: an older build, built
// there, measured by this bench; its floors are this checkout's).
const ROOT = process.env.BENCH_BUILD ?? new URL('..', import.meta.url).pathname;
const HERE = new URL('..', import.meta.url).pathname;
// USER_HZ: the unit of /proc/<pid>/stat times, 100 on every Linux this runs on.
const CLOCK_TICKS = 100;
/** The processes the bench started (for their CPU time). */
const children = {};
const MSP_KEY = 'bench-msp-key';
const API_KEY = 'bench-secret-0123456789abcdef';

// Distinct free ports: every listener stays open until all ports are known, or the kernel may
// hand the same port out twice (seen: the sandbox and the service on one port, EADDRINUSE).
async function freePorts(n) {
  const servers = Array.from({ length: n }, () => createServer());
  await Promise.all(
    servers.map((s) => new Promise((resolve) => s.listen(0, '127.0.0.1', resolve))),
  );
  const ports = servers.map((s) => s.address().port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/** Every process the bench started and has not stopped. */
const running = new Set();

function start(entry, env) {
  // BENCH_SERVICE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the service
  // (BENCH_SANDBOX_NODE_ARGS the sandbox).
  const service = entry.includes('apps/payments');
  const extra = service ? process.env.BENCH_SERVICE_NODE_ARGS : process.env.BENCH_SANDBOX_NODE_ARGS;
  // The flags `npm start` and the Dockerfile run both with (a 64 MiB young generation).
  const nodeArgs = ['--max-semi-space-size=64', ...(extra ?? '').split(' ').filter(Boolean)];
  // BENCH_SERVICE_LOG=/tmp/service.log keeps the service's log (its stdout) instead of none.
  const log =
    service && process.env.BENCH_SERVICE_LOG
      ? openSync(process.env.BENCH_SERVICE_LOG, 'a')
      : 'ignore';
  // On the bench's own Node.js (the header's `node`): under `npm run bench`, the `node`
  // devDependency; `BENCH_BUILD` compares builds, another Node.js compares runtimes.
  const child = spawn(
    process.execPath,
    [...nodeArgs, entry.startsWith('bench/') ? HERE + entry : entry],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', log, 'inherit'],
    },
  );
  running.add(child);
  // A process that ends on its own voids every figure after it (connection errors, or nothing
  // at all to measure): stop the bench instead of printing them.
  child.once('exit', (code, signal) => {
    if (!running.delete(child)) return;
    console.error(`${entry} exited (${code ?? signal}) during the bench`);
    for (const other of running) stop(other);
    process.exit(1);
  });
  return child;
}

function stop(child) {
  running.delete(child);
  child.kill('SIGTERM');
}

async function stopAndWait(child) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  stop(child);
  await exited;
}

async function waitFor(url) {
  for (let i = 0; i < 600; i += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

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

/** CPU seconds (user + system, all threads) of a process, from /proc (Linux); 0 elsewhere. */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** The database's processes: every PostgreSQL process, or the service's PGlite worker. */
function databasePids() {
  if (!DATABASE_URL) {
    const pid = children.service?.pid;
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean);
    } catch {
      return [];
    }
  }
  try {
    return readdirSync('/proc').filter((pid) => {
      try {
        return /^\d+$/.test(pid) && readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false; // gone meanwhile
      }
    });
  } catch {
    return []; // no /proc
  }
}

/**
 * Where the CPU goes: service, sandbox, the database's processes (by pid), and this load
 * generator.
 */
function cpuSnapshot() {
  const postgres = new Map(databasePids().map((pid) => [pid, cpuSeconds(pid)]));
  const own = process.cpuUsage();
  return {
    // µs of CLOCK_MONOTONIC, the clock of V8's CPU profiles.
    at: Number(process.hrtime.bigint() / 1000n),
    service: cpuSeconds(children.service?.pid),
    sandbox: cpuSeconds(children.sandbox?.pid),
    postgres,
    load: (own.user + own.system) / 1e6,
  };
}

/**
 * CPU seconds each process spent between two snapshots. PostgreSQL's are summed per process: a
 * backend or autovacuum worker that ended meanwhile drops out of `after` (its last moments are
 * lost), and one that started counts from zero, so the sum never goes negative.
 */
function cpuSpent(before, after) {
  let postgres = 0;
  for (const [pid, seconds] of after.postgres)
    postgres += seconds - (before.postgres.get(pid) ?? 0);
  return {
    service: after.service - before.service,
    sandbox: after.sandbox - before.sandbox,
    postgres,
    load: after.load - before.load,
  };
}

async function run(name, options) {
  if (args.only && !args.only.split(',').includes(name)) return undefined;
  return measure(name, options);
}

const PROFILING = /cpu-prof/.test(
  `${process.env.BENCH_SERVICE_NODE_ARGS} ${process.env.BENCH_SANDBOX_NODE_ARGS}`,
);

/** When profiling, a run's window for `node bench/profile.mjs --window a,b`. */
function profileWindow(before, after) {
  return PROFILING ? { 'profile window µs': `${before.at},${after.at}` } : {};
}

/** CPU milliseconds per request, by process (PostgreSQL: all its processes, or PGlite). */
function cpuPerRequest(spent, requests) {
  return Object.fromEntries(
    Object.entries(spent).map(([k, seconds]) => [
      `cpu ms/req ${k}`,
      Number(((seconds * 1000) / Math.max(1, requests)).toFixed(2)),
    ]),
  );
}

/** Closed loop: `CONNECTIONS` connections, each sending its next request once answered. */
async function measure(name, options) {
  const load = { ...options, connections: CONNECTIONS, ...(RATE > 0 ? { overallRate: RATE } : {}) };
  if (WARMUP > 0) await autocannon({ ...load, duration: WARMUP });
  const rows = [];
  for (let i = 0; i < REPEAT; i += 1) {
    const before = cpuSnapshot();
    const r = await autocannon({ ...load, duration: DURATION });
    const after = cpuSnapshot();
    const spent = cpuSpent(before, after);
    rows.push({
      scenario: name,
      'req/s': Math.round(r.requests.average),
      'p50 ms': r.latency.p50,
      'p99 ms': r.latency.p99,
      'non-2xx': r.non2xx,
      errors: r.errors + r.timeouts,
      ...cpuPerRequest(spent, r.requests.total),
      ...profileWindow(before, after),
    });
    await settle(DATABASE_URL);
  }
  const row = median(rows, (x) => x['req/s']);
  console.log(
    JSON.stringify(REPEAT > 1 ? { ...row, 'req/s of each run': rows.map((x) => x['req/s']) } : row),
  );
  return row;
}

const ms = (value) => Number(value.toFixed(1));

/**
 * Open loop (bench/open-loop.mjs): requests at evenly spaced instants, `level`% of `capacity`
 * per second, latency from each request's intended instant. Prints one line per level (the run
 * with the median p99 of `--repeat`).
 */
async function measureOpenLoop(name, origin, request, capacity, levels = LEVELS) {
  if (!(capacity > 0)) {
    console.log(JSON.stringify({ scenario: `open loop: ${name}`, note: 'no capacity to scale' }));
    return [];
  }
  const lines = [];
  for (const level of levels) {
    const rate = (capacity * level) / 100;
    const load = { origin, rate, request, connections: OPEN_CONNECTIONS };
    if (WARMUP > 0) await openLoop({ ...load, duration: WARMUP });
    const rows = [];
    for (let i = 0; i < REPEAT; i += 1) {
      const before = cpuSnapshot();
      const r = await openLoop({ ...load, duration: DURATION });
      const after = cpuSnapshot();
      const spent = cpuSpent(before, after);
      rows.push({
        scenario: `open loop: ${name}`,
        'load %': level,
        'target req/s': Math.round(rate),
        'achieved req/s': Math.round(r.achievedPerSecond),
        'p50 ms': ms(r.p50),
        'p99 ms': ms(r.p99),
        'p99.9 ms': ms(r.p999),
        'max ms': ms(r.max),
        requests: r.requests,
        'late starts': r.late,
        'non-2xx': r.non2xx,
        errors: r.errors,
        ...cpuPerRequest(spent, r.requests),
        ...profileWindow(before, after),
      });
      await settle(DATABASE_URL);
    }
    const row = median(rows, (x) => x['p99 ms']);
    console.log(
      JSON.stringify(
        REPEAT > 1 ? { ...row, 'p99 ms of each run': rows.map((x) => x['p99 ms']) } : row,
      ),
    );
    lines.push(row);
  }
  return lines;
}

/** The middle run by `value` (the lower middle for an even count). */
function median(runs, value) {
  return [...runs].sort((a, b) => value(a) - value(b))[Math.floor((runs.length - 1) / 2)];
}

/**
 * The database floor: what the service writes and reads for one card payment, with the
 * service's own statements (prepared, each its own transaction), sent directly with `pg`: no
 * HTTP, no Nest, no MultiSafepay. The claim (idempotency key + `created` payment + first event),
 * MultiSafepay's answer applied (payment update guarded by its version + history row + the
 * outbox event and its deliveries + the stored answer), then the notification: the payment read by order id and the delivery's audit row.
 */
async function floor(url) {
  const pool = new pg.Pool({ connectionString: url, max: CONNECTIONS > 32 ? 32 : CONNECTIONS });
  // The stored answer is the payment as the API returns it (about 450 bytes).
  const answer = JSON.stringify({
    ok: true,
    payment: {
      id: randomUUID(),
      orderId: `floor-${randomUUID()}`,
      status: 'completed',
      amount: 1000,
      currency: 'EUR',
      description: 'floor',
      card: { brand: 'VISA', last4: '3335', expiryMonth: 12, expiryYear: 2030 },
      nextAction: null,
      refundedAmount: 0,
      gatewayTransactionId: '17472052900000001',
      metadata: null,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    },
  });
  const claim = `WITH claimed AS (
      INSERT INTO idempotency_keys (client_id, key, request_hash, state, lease_until, payment_id)
      VALUES ('bench', $1, repeat('0', 64), 'in_progress', now() + interval '30 seconds', gen_random_uuid())
      ON CONFLICT (client_id, key) DO NOTHING RETURNING payment_id
    ), created AS (
      INSERT INTO payments (id, order_id, client_id, amount, currency, description, status, card_brand,
        card_last4, card_expiry_month, card_expiry_year, notification_method, metadata, refunded_amount, version)
      SELECT payment_id, $1, 'bench', 1000, 'EUR', 'floor', 'created', 'VISA', '3335', 12, 2030, 'POST', NULL, 0, 1
      FROM claimed RETURNING id, created_at, updated_at
    ), history AS (
      INSERT INTO payment_events (payment_id, to_status, source) SELECT id, 'created', 'api' FROM created
    ) SELECT id, created_at, updated_at FROM created`;
  // The move writes its outbox event (the payment resource as its body) and the deliveries of
  // the endpoints subscribed to it (none here, as in the create scenario), as the service does.
  const apply = `WITH moved AS (
      UPDATE payments SET status = 'completed', gateway_transaction_id = $2, gateway_status = 'completed',
        version = 2, event_sequence = 1, updated_at = now()
      WHERE id = $1 AND version = 1 RETURNING id
    ), history AS (
      INSERT INTO payment_events (payment_id, from_status, to_status, source, anomaly, note, gateway_payload_digest)
      SELECT id, 'created', 'completed', 'api', false, NULL, repeat('0', 64) FROM moved
    ), ev AS (
      INSERT INTO events (id, tx_id, type, payment_id, sequence, body, traceparent, created_at)
      SELECT 'evt_' || substr(md5(random()::text), 1, 26), pg_current_xact_id()::text::bigint,
        'payment.completed', id, 1, $3, NULL, now() FROM moved
      RETURNING id, type
    ), hooks AS (
      INSERT INTO event_deliveries (event_id, channel, endpoint_id, status, next_attempt_at)
      SELECT ev.id, 'webhook', w.id, 'pending', now() FROM ev
      JOIN webhook_endpoints w ON w.status = 'enabled'
        AND (ev.type = ANY(w.event_types) OR '*' = ANY(w.event_types))
      RETURNING 1
    ), also AS (
      UPDATE idempotency_keys SET state = 'completed', response_status = 201, response_body = $3, updated_at = now()
      WHERE client_id = 'bench' AND key = $4 AND EXISTS (SELECT 1 FROM moved)
    ) SELECT count(*)::int AS moved FROM moved`;
  const read = 'SELECT * FROM payments WHERE order_id = $1';
  const audit = `WITH also AS (
      INSERT INTO notifications (method, order_id, payment_id, signature_ok, payload_digest, outcome, note)
      SELECT 'POST', $1, $2::uuid, true, repeat('0', 64), 'noop', NULL WHERE TRUE
    ) SELECT 1`;
  let done = 0;
  const before = cpuSnapshot();
  const until = Date.now() + DURATION * 1000;
  const worker = async () => {
    while (Date.now() < until) {
      const key = `floor-${randomUUID()}`;
      const { rows } = await pool.query({ name: 'floor-claim', text: claim, values: [key] });
      const id = rows[0].id;
      await pool.query({
        name: 'floor-apply',
        text: apply,
        values: [id, key.slice(6, 46), answer, key],
      });
      await pool.query({ name: 'floor-read', text: read, values: [key] });
      await pool.query({ name: 'floor-audit', text: audit, values: [key, id] });
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: pool.options.max }, worker));
  const spent = cpuSpent(before, cpuSnapshot());
  await pool.end();
  // CPU milliseconds per payment: PostgreSQL plus this process (the client).
  const cpu = ((spent.postgres + spent.load) * 1000) / done;
  return { perSecond: Math.round(done / DURATION), cpu: Number(cpu.toFixed(2)) };
}

async function seed(url, rows) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const started = Date.now();
  await c.query(
    `INSERT INTO payments (order_id, client_id, amount, currency, description, status, card_brand, card_last4, card_expiry_month, card_expiry_year, version, created_at, updated_at)
     SELECT 'seed-' || g, 'seed', 1000, 'EUR', 'seed', 'completed', 'VISA', '3335', 12, 2030, 1,
            now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval
     FROM generate_series(1, $1) g`,
    [rows],
  );
  await c.end();
  console.log(JSON.stringify({ seeded: rows, seconds: (Date.now() - started) / 1000 }));
}

const TABLES = [
  'payments',
  'payment_events',
  'idempotency_keys',
  'notifications',
  'events',
  'event_deliveries',
];

/**
 * Lets the previous scenario finish before the next starts: waits until no notification has
 * arrived for a second (MultiSafepay's callbacks for the last creates), then VACUUM ANALYZE,
 * so each scenario starts from the same state instead of inheriting a backlog or autovacuum.
 */
async function settle(url) {
  if (!url) {
    await new Promise((r) => setTimeout(r, 2000));
    return;
  }
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    let last = -1;
    for (let i = 0; i < 60; i += 1) {
      const { rows } = await c.query('SELECT count(*)::int AS n FROM notifications');
      if (rows[0].n === last) break;
      last = rows[0].n;
      await new Promise((r) => setTimeout(r, 1000));
    }
    // Those the schema has (an older build, measured for comparison, may lack the newer ones).
    const { rows } = await c.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename = ANY($1)`,
      [TABLES],
    );
    await c.query(`VACUUM (ANALYZE) ${rows.map((r) => r.tablename).join(', ')}`);
  } finally {
    await c.end();
  }
}

async function rowCount(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query('SELECT count(*)::int AS n FROM payments');
    return rows[0].n;
  } finally {
    await c.end();
  }
}

async function main() {
  const [sandboxPort, port] = await freePorts(2);
  const url = DATABASE_URL;
  console.log(
    JSON.stringify({
      machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${cpus()[0]?.model ?? ''}`,
      node: process.version,
      database: url
        ? url.replace(/\/\/[^@]*@/, '//')
        : `embedded PGlite (${args.embedded ? '--embedded' : 'no DATABASE_URL'})`,
      connections: CONNECTIONS,
      duration_s: DURATION,
      warmup_s: WARMUP,
      rows: ROWS,
      // Other processes' load shows here: on a shared machine, the noise of this run.
      started: new Date().toISOString(),
      'load average 1/5/15 min': loadavg().map((x) => Number(x.toFixed(1))),
    }),
  );
  const sandbox = (children.sandbox = start('dist/apps/msp-sandbox/src/main.js', {
    PORT: String(sandboxPort),
    MSP_SANDBOX_API_KEYS: MSP_KEY,
    MSP_SANDBOX_MAX_ORDERS: '200000',
  }));
  const serviceEnv = {
    ...(url
      ? { DATABASE_URL: url, DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE ?? '20' }
      : { DATA_DIR: 'memory://' }),
    MSP_ENV: 'test',
    MSP_API_KEY: MSP_KEY,
    MSP_BASE_URL: `http://127.0.0.1:${sandboxPort}/v1/json`,
    MSP_NOTIFICATION_METHOD: 'POST',
    API_KEYS: `bench:${API_KEY}`,
    LOG_LEVEL: 'warn',
    RECONCILE_INTERVAL_MS: '0',
    // One key drives the whole load: the per-key limit would measure itself.
    RATE_LIMIT_PER_SECOND: '0',
  };
  let service = (children.service = start('dist/apps/payments/src/main.js', {
    PORT: String(port),
    ...serviceEnv,
  }));
  try {
    await waitFor(`http://127.0.0.1:${sandboxPort}/sandbox-admin/faults`);
    await waitFor(`http://127.0.0.1:${port}/health/ready`);
    if (ROWS > 0 && url) await seed(url, ROWS);
    if (url) console.log(JSON.stringify({ 'payments in the table': await rowCount(url) }));
    await settle(url);
    const base = `http://127.0.0.1:${port}`;
    const auth = { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' };
    // This run's figures for the targets (docs/performance.md), printed last.
    const targets = {};

    // Card payments with unique idempotency keys and order ids, against `target`.
    const creates = (target) => ({
      url: `${target}/v1/payments`,
      method: 'POST',
      headers: auth,
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
    const openCreate = () => {
      const id = `bench-${randomUUID()}`;
      return {
        method: 'POST',
        path: '/v1/payments',
        headers: { ...auth, 'idempotency-key': id },
        body: paymentBody(id),
      };
    };
    const CREATE = 'create payment (non-3DS)';
    const create = await run(CREATE, creates(base));
    // The open loop's rates are fractions of the closed loop's throughput just measured.
    const createOpen = create
      ? await measureOpenLoop(CREATE, base, openCreate, create['req/s'])
      : [];

    const readKey = `bench-read-${randomUUID()}`;
    const createdResponse = await fetch(`${base}/v1/payments`, {
      method: 'POST',
      headers: { ...auth, 'idempotency-key': readKey },
      body: paymentBody(readKey),
    });
    const created = await createdResponse.json();
    if (createdResponse.status !== 201) {
      throw new Error(`creating the payment to read failed: ${JSON.stringify(created)}`);
    }
    const readPath = `/v1/payments/${created.id}`;
    const openRead = () => ({ method: 'GET', path: readPath, headers: auth });
    const READ = 'read one payment';
    const read = await run(READ, { url: `${base}${readPath}`, headers: auth });
    if (read) await measureOpenLoop(READ, base, openRead, read['req/s']);
    await run('list payments (limit 20)', {
      url: `${base}/v1/payments?limit=20&status=completed`,
      headers: auth,
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

    if (create && (!args.only || args.only.includes('events'))) {
      // The events scenario runs its own service (with a subscriber and RabbitMQ); this one stops.
      await stopAndWait(service);
      service = await eventsScenario({
        port,
        serviceEnv,
        auth,
        creates,
        openCreate,
        create,
        targets,
      });
    }

    if (create) targets['service cpu ms/payment'] = create['cpu ms/req service'];
    const at75 = createOpen.find((x) => x['load %'] === 75);
    if (at75) targets['open-loop create p99 ms at 75%'] = at75['p99 ms'];
    if (!url) {
      // `npm start` without DATABASE_URL: its targets are absolute (docs/performance.md).
      if (create) targets['embedded creates/s'] = create['req/s'];
      if (read) targets['embedded reads/s'] = read['req/s'];
      console.log(
        JSON.stringify({
          note: 'the floors are measured on DATABASE_URL only (PGlite serves one connection)',
        }),
      );
    } else if (!args.only || args.only.includes('floor')) {
      await floors({
        url,
        sandboxPort,
        creates,
        openCreate,
        create,
        readPath,
        openRead,
        read,
        targets,
      });
    }
    if (Object.keys(targets).length > 0) {
      console.log(JSON.stringify({ scenario: 'targets', ...targets }));
    }
    console.log(
      JSON.stringify({
        finished: new Date().toISOString(),
        'load average 1/5/15 min': loadavg().map((x) => Number(x.toFixed(1))),
      }),
    );
  } finally {
    stop(service);
    stop(sandbox);
  }
}

/**
 * Events (docs/events.md): the service again on the same port, now with one HTTP subscriber (a
 * bare node:http server in this process) and RabbitMQ (AMQP_URL, default the local broker; a
 * consumer in this process). Create capacity with both, as a ratio to the run without; then
 * creates open loop at half that capacity, and each event's lag from its `createdAt` (set as
 * the statement that commits it is built) to its receipt, per way out.
 */
async function eventsScenario({ port, serviceEnv, auth, creates, openCreate, create, targets }) {
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
    console.log(
      JSON.stringify({
        scenario: 'events',
        note: `no RabbitMQ at ${amqpUrl.replace(/:[^:@/]*@/, ':***@')}: ${error.message}; HTTP subscriber only`,
      }),
    );
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
    headers: auth,
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
    console.log(JSON.stringify({ scenario: 'create with events ÷ without', ratio }));
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
      console.log(JSON.stringify(row));
      targets[`event lag p50/p99 ms, ${channel}`] = `${row['p50 ms']} / ${row['p99 ms']}`;
    }
  } finally {
    await broker?.close().catch(() => undefined);
    subscriber.close();
  }
  // Later scenarios run without the subscriber.
  const deleted = await fetch(`${base}/v1/webhook-endpoints/${endpointId}`, {
    method: 'DELETE',
    headers: { authorization: auth.authorization },
  });
  if (deleted.status !== 204) throw new Error(`webhook endpoint delete: ${await deleted.text()}`);
  return service;
}

/**
 * Waits until no delivery is pending (at most 30 s; embedded: 3 s, the bench cannot read PGlite)
 * and returns the deliveries per way out of the events written since `since`.
 */
async function drained(since) {
  const url = DATABASE_URL;
  if (!url) {
    await new Promise((r) => setTimeout(r, 3000));
    return undefined;
  }
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (let i = 0; i < 300; i += 1) {
      const { rows } = await c.query(
        `SELECT count(*)::int AS n FROM event_deliveries WHERE status = 'pending'`,
      );
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const { rows } = await c.query(
      `SELECT d.channel, count(*)::int AS n FROM event_deliveries d
       JOIN events e ON e.id = d.event_id WHERE e.created_at >= $1 GROUP BY d.channel`,
      [since],
    );
    return Object.fromEntries(rows.map((x) => [x.channel, x.n]));
  } finally {
    await c.end();
  }
}

/** Starts a bare floor server on a fresh port and measures with it as the "service". */
async function withFloorServer(entry, env, work) {
  // The port is taken now, not at the bench's start: by now the runs' outgoing connections may
  // have used a port chosen then.
  const [port] = await freePorts(1);
  const server = start(entry, { PORT: String(port), ...env });
  const service = children.service;
  try {
    await waitFor(`http://127.0.0.1:${port}/health/ready`);
    children.service = server;
    return await work(`http://127.0.0.1:${port}`);
  } finally {
    children.service = service;
    stop(server);
  }
}

/** The highest open-loop level, for the floors: the generator's hardest test. */
const TOP_LEVEL = LEVELS.length > 0 ? [Math.max(...LEVELS)] : [];

/**
 * The floors, measured in the same run as the service: the database floor, the HTTP floor and
 * the ceiling both imply, and the read floor. Each bare server also takes the open loop at the
 * service's highest rate, where its latency is the instrument's own.
 */
async function floors({
  url,
  sandboxPort,
  creates,
  openCreate,
  create,
  readPath,
  openRead,
  read,
  targets,
}) {
  const runs = [];
  for (let i = 0; i < REPEAT; i += 1) {
    if (i > 0) await settle(url);
    runs.push(await floor(url));
  }
  const db = median(runs, (x) => x.perSecond);
  console.log(
    JSON.stringify({
      scenario: 'database floor (pg, same writes)',
      'payments/s': db.perSecond,
      ...(REPEAT > 1 ? { 'payments/s of each run': runs.map((x) => x.perSecond) } : {}),
      'cpu ms/payment (postgres + client)': db.cpu,
      'create/floor': create ? Number((create['req/s'] / db.perSecond).toFixed(2)) : null,
    }),
  );

  // The HTTP floor: the same creates against a bare node:http server (bench/http-floor.mjs)
  // that makes the same calls to the sandbox and takes its notifications, with nothing else.
  // Its "service" column is that bare server.
  const HTTP = 'HTTP floor (node:http, no database)';
  const env = { MSP_BASE_URL: `http://127.0.0.1:${sandboxPort}/v1/json`, MSP_API_KEY: MSP_KEY };
  await withFloorServer('bench/http-floor.mjs', env, async (origin) => {
    const http = await measure(HTTP, creates(origin));
    const transport =
      http['cpu ms/req service'] + http['cpu ms/req sandbox'] + http['cpu ms/req load'];
    // No implementation can use more CPU than the machine has: a payment costs at least the
    // HTTP floor's CPU (load generator + sandbox + bare server) plus the database floor's
    // (PostgreSQL + client), so this is the most payments/s these cores allow.
    const ceiling = Math.round((cpus().length * 1000) / (transport + db.cpu));
    const createCeiling = create ? Number((create['req/s'] / ceiling).toFixed(2)) : null;
    console.log(
      JSON.stringify({
        scenario: 'ceiling on these cores (HTTP floor CPU + database floor CPU)',
        'payments/s': ceiling,
        'ceiling/floor': Number((ceiling / db.perSecond).toFixed(2)),
        'create/ceiling': createCeiling,
        // Closed loop: each connection waits for its answer, so latency = connections ÷ rate.
        'mean latency ms at this rate': Math.round((CONNECTIONS * 1000) / ceiling),
      }),
    );
    if (createCeiling !== null) targets['create/ceiling'] = createCeiling;
    targets['bare transport cpu ms/payment'] = http['cpu ms/req service'];
    if (create) await measureOpenLoop(HTTP, origin, openCreate, create['req/s'], TOP_LEVEL);
  });

  // The read floor: the same read against a bare node:http server running the service's own
  // SELECT on a pool of the service's size (bench/read-floor.mjs).
  const READ_FLOOR = 'read floor (node:http + pg, same SELECT)';
  const poolSize = process.env.BENCH_POOL_SIZE ?? '20';
  await withFloorServer(
    'bench/read-floor.mjs',
    { DATABASE_URL: url, POOL_SIZE: poolSize },
    async (origin) => {
      const bare = await measure(READ_FLOOR, { url: `${origin}${readPath}` });
      if (read) {
        const ratio = Number((read['req/s'] / bare['req/s']).toFixed(2));
        console.log(JSON.stringify({ scenario: 'read ÷ read floor', 'read/read floor': ratio }));
        targets['read/read floor'] = ratio;
        await measureOpenLoop(READ_FLOOR, origin, openRead, read['req/s'], TOP_LEVEL);
      }
    },
  );
}

await main();
