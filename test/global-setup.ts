import 'reflect-metadata';
import { buildDataSourceOptions, loadDatabaseConfig } from '@app/database';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { TestProject } from 'vitest/node';
import { findCardData, pgDump, readLogs } from './support/card-data.js';
import { printContractReport } from './support/contract.js';
import { printReliabilityReport } from './support/report.js';
import { available, needs } from './support/requirements.js';

declare module 'vitest' {
  export interface ProvidedContext {
    logDir: string;
  }
}

/**
 * With DATABASE_URL (CI: a fresh PostgreSQL database) the schema is migrated once here, so the
 * test files that boot the app in parallel do not race to create it. Without DATABASE_URL each
 * app starts its own embedded PostgreSQL in memory (see test/support/app.ts).
 *
 * Every app the suite boots logs at debug level into one directory. After the whole suite, the
 * logs and a pg_dump of the test database are searched for the test card numbers and CVCs.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const logDir = mkdtempSync(join(tmpdir(), 'payments-e2e-logs-'));
  project.provide('logDir', logDir);
  const config = loadDatabaseConfig(process.env);
  const dumpable =
    config.url !== undefined &&
    (await available(needs.pgDump, 'the pg_dump search for card data after the suite'));
  if (config.url !== undefined) {
    const dataSource = new DataSource(buildDataSourceOptions(config.url, config, false));
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
  }

  return async () => {
    printReliabilityReport(logDir);
    printContractReport(logDir);
    const logs = readLogs(logDir);
    const inLogs = findCardData(logs);
    const inDatabase = dumpable && config.url ? findCardData(pgDump(config.url)) : [];
    rmSync(logDir, { recursive: true, force: true });
    if (inLogs.length > 0 || inDatabase.length > 0) {
      throw new Error(
        `card data leaked: logs ${JSON.stringify(inLogs)}, database ${JSON.stringify(inDatabase)}`,
      );
    }
    await Promise.resolve();
  };
}
