import { PAYMENTS_ENTITIES } from '@app/payments';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from './database.config.js';
import { MIGRATIONS } from './migrations/index.js';

/**
 * The one place that builds TypeORM options, for the app, the CLI and the tests alike.
 * `synchronize` is off everywhere: the schema only changes through migrations.
 */
export function buildDataSourceOptions(
  url: string,
  config: Pick<DatabaseConfig, 'poolSize' | 'connectTimeoutMs'>,
  embedded: boolean,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: PAYMENTS_ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // PGlite has only plpgsql: gen_random_uuid() is core since PostgreSQL 13.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // The embedded server accepts exactly one connection (ADR 0003: more interleave messages).
    poolSize: embedded ? 1 : config.poolSize,
    extra: { connectionTimeoutMillis: config.connectTimeoutMs },
    logging: false,
  };
}
