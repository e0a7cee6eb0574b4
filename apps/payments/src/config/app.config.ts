import { registerAs } from '@nestjs/config';
import { validateEnv } from '@app/payments';
import {
  IsBooleanString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { Type } from 'class-transformer';
import { parseCidrList } from './cidr.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

class AppEnv {
  @IsIn(['development', 'production', 'test'], {
    message: 'must be development, production or test',
  })
  NODE_ENV = 'development';

  @Type(() => Number)
  @IsInt({ message: 'must be an integer port number' })
  @Min(0, { message: 'must be between 0 and 65535' })
  @Max(65535, { message: 'must be between 0 and 65535' })
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, {
    message: 'must be an absolute http(s) URL without query or fragment',
  })
  PUBLIC_BASE_URL?: string;

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @IsOptional()
  @IsString()
  LOG_FILE?: string;

  @IsBooleanString({ message: 'must be true or false' })
  DOCS_ENABLED = 'true';

  @IsBooleanString({ message: 'must be true or false' })
  CONSOLE_ENABLED = 'true';

  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of requests per second (0 turns it off)' })
  @Min(0, { message: 'must be 0 or more' })
  RATE_LIMIT_PER_SECOND = 200;

  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of bytes' })
  @Min(1024, { message: 'must be at least 1024 bytes' })
  BODY_LIMIT_BYTES = 65_536;

  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer port number' })
  @Min(1, { message: 'must be between 1 and 65535' })
  @Max(65535, { message: 'must be between 1 and 65535' })
  MANAGEMENT_PORT?: number;
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: `false` (default), `true` (any hop), a number of hops, or the proxies'
 * addresses and CIDR blocks (also `loopback`, `linklocal`, `uniquelocal`), as Fastify takes it.
 */
function parseTrustProxy(raw: string | undefined): {
  value: boolean | number | string[];
  problems: string[];
} {
  if (raw === undefined || raw === 'false') return { value: false, problems: [] };
  if (raw === 'true') return { value: true, problems: [] };
  if (/^\d{1,2}$/.test(raw)) return { value: Number(raw), problems: [] };
  const named = raw.split(',').map((s) => s.trim());
  const addresses = named.filter((s) => !PROXY_NAMES.includes(s));
  const { problems } = addresses.length > 0 ? parseCidrList(addresses.join(',')) : { problems: [] };
  return {
    value: named.filter((s) => s !== ''),
    problems: problems.map(
      (p) => `TRUST_PROXY: ${p}; or true, false, a number of hops, ${PROXY_NAMES.join(', ')}`,
    ),
  };
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Base URL MultiSafepay can reach; no trailing slash. */
  publicBaseUrl: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Append logs to this file instead of stdout. */
  logFile: string | undefined;
  docsEnabled: boolean;
  /** The operators' console at /console (served in production too: it holds no secret). */
  consoleEnabled: boolean;
  bodyLimitBytes: number;
  /** Requests per second per API key on /v1; 0: no limit. */
  rateLimitPerSecond: number;
  /** Which peers' X-Forwarded-For is believed for the client address (Fastify's trustProxy). */
  trustProxy: boolean | number | string[];
  /** With a port, /metrics and /health are served there and not on `port`. */
  managementPort: number | null;
}

export function loadAppConfig(env: NodeJS.ProcessEnv): AppConfig {
  const e = validateEnv(AppEnv, env, (c) => parseTrustProxy(c.TRUST_PROXY).problems);
  return {
    env: e.NODE_ENV as AppConfig['env'],
    port: e.PORT,
    host: e.HOST,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://127.0.0.1:${e.PORT}`).replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
    logFile: e.LOG_FILE,
    docsEnabled: e.DOCS_ENABLED === 'true',
    consoleEnabled: e.CONSOLE_ENABLED === 'true',
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    rateLimitPerSecond: e.RATE_LIMIT_PER_SECOND,
    trustProxy: parseTrustProxy(e.TRUST_PROXY).value,
    managementPort: e.MANAGEMENT_PORT ?? null,
  };
}

export const appConfig = registerAs('app', () => loadAppConfig(process.env));
