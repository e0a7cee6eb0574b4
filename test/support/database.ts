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

/** `url` with its database name replaced by `name`. */
export function databaseUrl(url: string, name: string): string {
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

/** The database name in a PostgreSQL URL. */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

async function admin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A copy of `template` (a migrated database nobody is connected to) on the server of `url`,
 * named after `url`'s database: CREATE DATABASE … TEMPLATE copies the files, it runs no
 * migration. The connection that issues it goes to `url`'s database, never to the template.
 */
export async function cloneDatabase(
  url: string,
  template: string,
): Promise<{ name: string; url: string }> {
  const name = `${databaseName(url).slice(0, 40)}_f${randomBytes(5).toString('hex')}`;
  await admin(url, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return { name, url: databaseUrl(url, name) };
}

/** Creates the empty database `name` on the server of `url` (connected to `url`'s database). */
export async function createDatabase(url: string, name: string): Promise<void> {
  await admin(url, (c) => c.query(`CREATE DATABASE "${name}"`));
}

/** Drops `name` on the server of `url` (connected to `url`'s database), ending its sessions. */
export async function dropDatabase(url: string, name: string): Promise<void> {
  await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** The databases on the server of `url` whose names start with `prefix`. */
export async function databasesNamed(url: string, prefix: string): Promise<string[]> {
  return admin(url, async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [prefix],
    );
    return rows.map((r) => r.datname);
  });
}
