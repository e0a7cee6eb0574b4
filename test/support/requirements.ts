import { connect as amqpConnect } from 'amqplib';
import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { promisify } from 'node:util';
import { Client } from 'pg';

/**
 * Something a few tests need beyond Node and `npm ci`: a PostgreSQL server, Chromium, RabbitMQ.
 * `probe` rejects, with the reason, when it is not there.
 */
export interface Requirement {
  name: string;
  probe: () => Promise<void>;
  /** How a person gets it, said in the skip line. */
  howTo: string;
}

/**
 * Whether `requirement` is met. When it is not, the tests of `suite` are skipped with one line
 * saying what is missing and how to get it; under CI=true (`.ci/run`) the run fails instead, so
 * CI always runs everything.
 */
export async function available(requirement: Requirement, suite: string): Promise<boolean> {
  try {
    await requirement.probe();
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const why = `${suite}: needs ${requirement.name} (${reason.split('\n')[0]}); ${requirement.howTo}`;
    if (process.env.CI === 'true') throw new Error(`${why}. CI requires it.`, { cause: error });
    console.warn(`SKIPPED ${why}`);
    return false;
  }
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const chromium: Requirement = {
  name: `Chromium at ${CHROMIUM_PATH}`,
  probe: () => access(CHROMIUM_PATH, constants.X_OK),
  howTo: 'install it with `apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium binary',
};

/**
 * The server scenarios with several replicas (and scratch databases) use: the one in
 * DATABASE_URL, or TEST_POSTGRES_URL, or the local server. The embedded database serves one
 * connection, so it cannot stand in.
 */
export const TEST_POSTGRES_URL =
  process.env.DATABASE_URL ??
  process.env.TEST_POSTGRES_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

const postgres: Requirement = {
  name: `a PostgreSQL server at ${redact(TEST_POSTGRES_URL)}`,
  probe: async () => {
    const client = new Client({
      connectionString: TEST_POSTGRES_URL,
      connectionTimeoutMillis: 3_000,
    });
    try {
      await client.connect();
      await client.query('SELECT 1');
    } finally {
      await client.end().catch(() => undefined);
    }
  },
  howTo:
    'start one (e.g. `apt-get install -y postgresql && service postgresql start`) or set TEST_POSTGRES_URL',
};

const run = promisify(execFile);

const pgDump: Requirement = {
  name: 'pg_dump',
  probe: async () => {
    await run('pg_dump', ['--version'], { timeout: 10_000 });
  },
  howTo: 'install the PostgreSQL client (`apt-get install -y postgresql-client`)',
};

/** The broker the tests use: a local RabbitMQ unless AMQP_URL names another. */
export const TEST_AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

const rabbitMq: Requirement = {
  name: `RabbitMQ at ${redact(TEST_AMQP_URL)}`,
  probe: async () => {
    const connection = await amqpConnect(TEST_AMQP_URL, { timeout: 3_000 });
    await connection.close();
  },
  howTo:
    'start it with `/etc/init.d/rabbitmq-server start` (guest/guest on 127.0.0.1:5672) or set AMQP_URL',
};

/** What the tests may need: `available(needs.postgres, 'test/x.e2e-spec.ts (what it checks)')`. */
export const needs = { chromium, postgres, pgDump, rabbitMq };

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}
