import 'reflect-metadata';
import { buildDataSourceOptions, EmbeddedPostgres, loadDatabaseConfig } from '@app/database';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { TestProject } from 'vitest/node';
import { findCardData, pgDump, readLogs } from './support/card-data.js';
import {
  createDatabase,
  databaseName,
  databasesNamed,
  databaseUrl,
  dropDatabase,
} from './support/database.js';
import { printContractReport } from './support/contract.js';
import { printReliabilityReport } from './support/report.js';
import { available, needs } from './support/requirements.js';

declare module 'vitest' {
  export interface ProvidedContext {
    logDir: string;
    /** With DATABASE_URL: the migrated database each e2e file gets a copy of (test/support/file-database.ts). */
    databaseTemplate: string;
    /** Whether each file's database is searched with pg_dump for card data before it is dropped. */
    databaseDump: boolean;
    /** Without DATABASE_URL: a migrated embedded data directory each app gets a copy of (test/support/app.ts). */
    embeddedTemplate: string;
  }
}

/**
 * With DATABASE_URL (CI: a fresh PostgreSQL database) the schema is migrated once here, into the
 * database itself and into a template beside it (`<name>_tpl`): each e2e file runs on a copy of
 * the template of its own (test/support/file-database.ts), so files run in parallel without
 * seeing each other's rows. If the server refuses to create databases, the files take turns on
 * DATABASE_URL instead. Without DATABASE_URL each app starts its own embedded PostgreSQL in
 * memory (see test/support/app.ts).
 *
 * Every app the suite boots logs at debug level into one directory. After the whole suite, the
 * logs are searched for the test card numbers and CVCs (each file's database is, with pg_dump,
 * before it is dropped).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const logDir = mkdtempSync(join(tmpdir(), 'payments-e2e-logs-'));
  project.provide('logDir', logDir);
  const config = loadDatabaseConfig(process.env);
  const dumpable =
    config.url !== undefined &&
    (await available(needs.pgDump, 'the pg_dump search for card data after the suite'));
  project.provide('databaseDump', dumpable);
  let template = '';
  if (config.url !== undefined) {
    await migrate(config.url);
    if (project.name === 'e2e') template = await makeTemplate(config.url);
  }
  project.provide('databaseTemplate', template);
  const embeddedTemplate =
    config.url === undefined && project.name === 'e2e' ? await makeEmbeddedTemplate() : '';
  project.provide('embeddedTemplate', embeddedTemplate);

  return async () => {
    printReliabilityReport(logDir);
    printContractReport(logDir);
    const logs = readLogs(logDir);
    const inLogs = findCardData(logs);
    const inDatabase = dumpable && config.url ? findCardData(pgDump(config.url)) : [];
    rmSync(logDir, { recursive: true, force: true });
    if (embeddedTemplate !== '') rmSync(embeddedTemplate, { recursive: true, force: true });
    if (config.url !== undefined && template !== '') {
      // The template, and the copy of any file that did not get to drop its own.
      const prefix = template.slice(0, -'tpl'.length);
      for (const name of await databasesNamed(config.url, prefix))
        await dropDatabase(config.url, name);
    }
    if (inLogs.length > 0 || inDatabase.length > 0) {
      throw new Error(
        `card data leaked: logs ${JSON.stringify(inLogs)}, database ${JSON.stringify(inDatabase)}`,
      );
    }
    await Promise.resolve();
  };
}

async function migrate(url: string): Promise<void> {
  const dataSource = new DataSource(
    buildDataSourceOptions(url, loadDatabaseConfig({ ...process.env, DATABASE_URL: url }), false),
  );
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/**
 * `<name>_tpl` beside DATABASE_URL's database, migrated, for the e2e files to copy; '' when the
 * server will not create it (no CREATEDB right): the files then share DATABASE_URL in turns.
 */
async function makeTemplate(url: string): Promise<string> {
  const template = `${databaseName(url).slice(0, 40)}_tpl`;
  try {
    await dropDatabase(url, template);
    await createDatabase(url, template);
  } catch (error) {
    console.warn(
      `e2e files take turns on DATABASE_URL: cannot create a template database beside it (${String(error)})`,
    );
    return '';
  }
  await migrate(databaseUrl(url, template));
  return template;
}

/**
 * Without DATABASE_URL every app the e2e files boot starts the embedded PostgreSQL. A new
 * in-memory one spends seconds of CPU creating its cluster and running every migration; here
 * that is done once, into a data directory (DATA_DIR, as `npm start` uses ./data), and each app
 * opens a copy of it (test/support/app.ts). '' if it cannot be made: apps then start in memory.
 */
async function makeEmbeddedTemplate(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'payments-e2e-pglite-'));
  let embedded: EmbeddedPostgres | undefined;
  try {
    embedded = await EmbeddedPostgres.start(dir);
    const config = loadDatabaseConfig({});
    const dataSource = new DataSource(buildDataSourceOptions(embedded.url, config, true));
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    return dir;
  } catch (error) {
    console.warn(`e2e apps start their embedded PostgreSQL in memory: ${String(error)}`);
    rmSync(dir, { recursive: true, force: true });
    return '';
  } finally {
    await embedded?.stop();
  }
}
