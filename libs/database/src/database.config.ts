import { registerAs } from '@nestjs/config';
import { validateEnv } from '@app/payments';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';

class DatabaseEnv {
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsString()
  DATA_DIR = './data';

  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(200, { message: 'must be at most 200' })
  DATABASE_POOL_SIZE = 10;

  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(100, { message: 'must be at least 100 (ms)' })
  DATABASE_CONNECT_TIMEOUT_MS = 10_000;
}

export interface DatabaseConfig {
  /** Absent: the embedded PostgreSQL (PGlite) is started. */
  url: string | undefined;
  /** Embedded data directory; `memory://` keeps everything in memory. */
  dataDir: string;
  /** Pool size for a real PostgreSQL; the embedded one always uses 1 (see docs/operations.md). */
  poolSize: number;
  connectTimeoutMs: number;
}

export function loadDatabaseConfig(env: NodeJS.ProcessEnv): DatabaseConfig {
  const e = validateEnv(DatabaseEnv, env);
  return {
    url: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    poolSize: e.DATABASE_POOL_SIZE,
    connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
  };
}

export const databaseConfig = registerAs('database', () => loadDatabaseConfig(process.env));
