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
import { DataSource, EntityManager } from 'typeorm';
import { buildDataSourceOptions } from './data-source.js';
import { databaseConfig } from './database.config.js';
import { EmbeddedPostgres } from './embedded/embedded-postgres.js';

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
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) {
      this.logger.log(`applied migrations: ${applied.map((m) => m.name).join(', ')}`);
    }
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
