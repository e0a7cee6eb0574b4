import {
  Inject,
  Injectable,
  Logger,
  Global,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { buildDataSourceOptions } from './data-source.js';
import { databaseConfig } from './database.config.js';
import { EmbeddedPostgres } from './embedded/embedded-postgres.js';

/** Any constant: the key of the advisory lock that serialises migrations across replicas. */
const MIGRATION_LOCK = 72_616_001;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so replicas starting together
 * migrate one after the other instead of racing. The embedded database serves one process with
 * one connection, so it needs (and could not take) no lock.
 */
export async function runMigrationsExclusively(
  dataSource: DataSource,
  embedded: boolean,
): Promise<string[]> {
  if (embedded) return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/**
 * Owns the embedded PostgreSQL when there is no DATABASE_URL, and closes things in the right
 * order on shutdown: the pool first, then the process that serves it.
 */
@Injectable()
export class DatabaseLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private embedded: EmbeddedPostgres | undefined;
  private dataSource: DataSource | undefined;

  constructor(
    @Inject(databaseConfig.KEY) private readonly config: ConfigType<typeof databaseConfig>,
  ) {}

  get isEmbedded(): boolean {
    return this.config.url === undefined;
  }

  async connect(): Promise<DataSource> {
    let url = this.config.url;
    if (url === undefined) {
      const started = Date.now();
      this.embedded = await EmbeddedPostgres.start(this.config.dataDir);
      url = this.embedded.url;
      this.logger.log(
        `embedded PostgreSQL (PGlite) on ${this.config.dataDir} ready in ${Date.now() - started} ms`,
      );
    }
    const dataSource = new DataSource(buildDataSourceOptions(url, this.config, this.isEmbedded));
    this.dataSource = dataSource;
    await dataSource.initialize();
    if (this.isEmbedded) {
      // PGlite is one session behind every connection: a new connection (after an idle close or
      // an error) would find the previous one's prepared statements and fail to prepare them
      // again. Dropping them first lets the hot paths use named prepared statements here too.
      const pool = (dataSource.driver as PostgresDriver).master as Pool;
      pool.on('connect', (client: PoolClient) => {
        client.query('DEALLOCATE ALL').catch((error: unknown) => {
          this.logger.error({ err: error }, 'DEALLOCATE ALL on a new embedded connection failed');
        });
      });
    }
    const applied = await runMigrationsExclusively(dataSource, this.isEmbedded);
    if (applied.length > 0) this.logger.log(`applied migrations: ${applied.join(', ')}`);
    return dataSource;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource?.isInitialized) await this.dataSource.destroy();
    await this.embedded?.stop();
  }
}

/**
 * TypeORM on DATABASE_URL, or on the embedded PostgreSQL; migrations run before anything else.
 * Provides the `DataSource` under the token `@nestjs/typeorm` uses, so `TypeOrmModule.forFeature`
 * and `@InjectRepository` work unchanged; its shutdown is ours so that the pool closes before the
 * embedded server stops.
 */
@Global()
@Module({
  providers: [
    DatabaseLifecycle,
    {
      provide: getDataSourceToken(),
      inject: [DatabaseLifecycle],
      useFactory: (lifecycle: DatabaseLifecycle) => lifecycle.connect(),
    },
    {
      provide: EntityManager,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => dataSource.manager,
    },
  ],
  exports: [DatabaseLifecycle, getDataSourceToken(), EntityManager],
})
export class DatabaseModule {}
