import { Client } from 'pg';
import { afterAll, inject } from 'vitest';
import { findCardData, pgDump } from './card-data.js';
import { cloneDatabase, dropDatabase } from './database.js';

/**
 * Set up for every e2e spec (vitest.config.ts `setupFiles`). With DATABASE_URL the spec files
 * run in parallel, each on a PostgreSQL database of its own: a copy of the template that
 * test/global-setup.ts migrated once (CREATE DATABASE … TEMPLATE copies files, it runs no
 * migration). DATABASE_URL then names that copy for the whole file, so the spec and the apps it
 * boots use it. After the file its database is searched for card data the way an attacker with a
 * backup would (pg_dump), then dropped.
 *
 * Where the server would not make the template, the files take turns on DATABASE_URL: each holds
 * an advisory lock on it while it runs. Without DATABASE_URL nothing changes: each app gets its
 * own embedded PostgreSQL in memory (test/support/app.ts).
 */
const template = inject('databaseTemplate');
const base = process.env.DATABASE_URL;
/** Any constant: the key of the advisory lock the files take turns with. */
const TURNS = 72_616_026;

if (base && template) {
  const own = await cloneDatabase(base, template);
  process.env.DATABASE_URL = own.url;

  afterAll(async () => {
    try {
      if (inject('databaseDump')) {
        const leaked = findCardData(pgDump(own.url));
        if (leaked.length > 0)
          throw new Error(`card data leaked into the database: ${JSON.stringify(leaked)}`);
      }
    } finally {
      await dropDatabase(base, own.name);
    }
  });
} else if (base) {
  // The suite's closing search (test/global-setup.ts) dumps DATABASE_URL itself.
  const turn = new Client({ connectionString: base });
  await turn.connect();
  await turn.query('SELECT pg_advisory_lock($1)', [TURNS]);
  afterAll(() => turn.end());
}
