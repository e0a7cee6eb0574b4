// The floors: what the service's work costs with nothing of the service in the way. The same
// database work sent with `pg`, the same HTTP exchanges with a bare server, the same read with
// both; and the ceiling the first two imply on these cores.
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import pg from 'pg';
import { cpuSnapshot, cpuSpent } from './cpu.mjs';
import { settle } from './database.mjs';
import { measure, measureOpenLoop, median } from './measure.mjs';
import { CONNECTIONS, DURATION, LEVELS, MSP_KEY, REPEAT } from './options.mjs';
import { children, freePorts, start, stop, waitFor } from './processes.mjs';
import { line } from './report.mjs';

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
export async function floors({
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
  line({
    scenario: 'database floor (pg, same writes)',
    'payments/s': db.perSecond,
    ...(REPEAT > 1 ? { 'payments/s of each run': runs.map((x) => x.perSecond) } : {}),
    'cpu ms/payment (postgres + client)': db.cpu,
    'create/floor': create ? Number((create['req/s'] / db.perSecond).toFixed(2)) : null,
  });

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
    line({
      scenario: 'ceiling on these cores (HTTP floor CPU + database floor CPU)',
      'payments/s': ceiling,
      'ceiling/floor': Number((ceiling / db.perSecond).toFixed(2)),
      'create/ceiling': createCeiling,
      // Closed loop: each connection waits for its answer, so latency = connections ÷ rate.
      'mean latency ms at this rate': Math.round((CONNECTIONS * 1000) / ceiling),
    });
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
        line({ scenario: 'read ÷ read floor', 'read/read floor': ratio });
        targets['read/read floor'] = ratio;
        await measureOpenLoop(READ_FLOOR, origin, openRead, read['req/s'], TOP_LEVEL);
      }
    },
  );
}
