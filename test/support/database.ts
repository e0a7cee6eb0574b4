import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TEST_POSTGRES_URL } from './requirements.js';

/**
 * A throwaway database on a real PostgreSQL server: the one in DATABASE_URL, or else the local
 * server at 127.0.0.1:5432 (scenarios with several replicas need more than the embedded
 * database's single connection). Suites that call it check `available(postgres, …)` first.
 */
export async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = TEST_POSTGRES_URL;
  const name = `scratch_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `This scenario needs a PostgreSQL server (DATABASE_URL or TEST_POSTGRES_URL, default 127.0.0.1:5432): ${String(error)}`,
      { cause: error },
    );
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
