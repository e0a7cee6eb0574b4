// The bench's own reads and writes of the service's database: seeding, settling between
// scenarios, counting.
import pg from 'pg';
import { DATABASE_URL } from './options.mjs';
import { line } from './report.mjs';

export async function seed(url, rows) {
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
  line({ seeded: rows, seconds: (Date.now() - started) / 1000 });
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
export async function settle(url) {
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

export async function rowCount(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query('SELECT count(*)::int AS n FROM payments');
    return rows[0].n;
  } finally {
    await c.end();
  }
}

/**
 * Waits until no delivery is pending (at most 30 s; embedded: 3 s, the bench cannot read PGlite)
 * and returns the deliveries per way out of the events written since `since`.
 */
export async function drained(since) {
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
