import 'reflect-metadata';
import { buildDataSourceOptions, loadDatabaseConfig } from '@app/database';
import { DataSource } from 'typeorm';

/**
 * With DATABASE_URL (CI: a fresh PostgreSQL database) the schema is migrated once here, so the
 * test files that boot the app in parallel do not race to create it. Without DATABASE_URL each
 * app starts its own embedded PostgreSQL in memory (see test/support/app.ts).
 */
export default async function setup(): Promise<void> {
  const config = loadDatabaseConfig(process.env);
  if (config.url === undefined) return;
  const dataSource = new DataSource(buildDataSourceOptions(config.url, config, false));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
