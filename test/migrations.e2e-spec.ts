import { buildDataSourceOptions, EmbeddedPostgres, MIGRATIONS } from '@app/database';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Runs every migration up and down on an empty database of its own: a throwaway database on the
 * DATABASE_URL server, or a fresh in-memory embedded PostgreSQL.
 */
describe('migrations', () => {
  let url: string;
  let cleanup: () => Promise<void>;
  let sut: DataSource;

  beforeAll(async () => {
    const base = process.env.DATABASE_URL;
    if (base) {
      const name = `mig_${randomBytes(6).toString('hex')}`;
      const admin = new Client({ connectionString: base });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const target = new URL(base);
      target.pathname = `/${name}`;
      url = target.toString();
      cleanup = async () => {
        const c = new Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      };
    } else {
      const embedded = await EmbeddedPostgres.start('memory://');
      url = embedded.url;
      cleanup = () => embedded.stop();
    }
    sut = new DataSource(
      buildDataSourceOptions(url, { poolSize: 1, connectTimeoutMs: 10_000 }, !base),
    );
    await sut.initialize();
  });

  afterAll(async () => {
    if (sut?.isInitialized) await sut.destroy();
    await cleanup?.();
  });

  const tables = async (): Promise<string[]> =>
    (
      await sut.query<{ table_name: string }[]>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
      )
    ).map((r) => r.table_name);

  it('should create the schema from nothing', async () => {
    const applied = await sut.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(MIGRATIONS.length);
    expect(await tables()).toEqual(expect.arrayContaining(['payments', 'payment_events']));
  });

  it('should leave nothing for the generator: entities and migrations agree', async () => {
    const pending = await sut.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('should revert every migration and apply them again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i += 1) {
      await sut.undoLastMigration({ transaction: 'each' });
    }
    expect(await tables()).toEqual(['typeorm_migrations']);
    expect(await sut.runMigrations({ transaction: 'each' })).toHaveLength(MIGRATIONS.length);
  });

  it("should index the payments search by a card's last 4 digits, newest first", async () => {
    const rows = await sut.query<{ indexdef: string }[]>(
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_payments_card_last4_created_at'`,
    );
    expect(rows.map((r) => r.indexdef)).toEqual([
      expect.stringMatching(
        /ON public\.payments .*\(card_last4, created_at\) WHERE \(card_last4 IS NOT NULL\)/,
      ),
    ]);
  });

  it('should enforce the unique merchant order id', async () => {
    const insert = `INSERT INTO payments (order_id, amount, currency, description, status, version)
                    VALUES ('dup-1', 100, 'EUR', 'x', 'created', 1)`;
    await sut.query(insert);
    await expect(sut.query(insert)).rejects.toThrow(/uq_payments_order_id/);
  });
});
