import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { createApp, type AppOptions } from '../../apps/payments/src/bootstrap.js';
import { registerManagementOrigin } from './contract.js';
import { freePort } from './process.js';

export interface RunningApp {
  app: NestFastifyApplication;
  url: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

let starting: Promise<unknown> = Promise.resolve();

/**
 * Boots the real payments app on a free loopback port. Without DATABASE_URL it gets its own
 * embedded PostgreSQL, exactly as `npm start` would, on a copy of an already migrated data
 * directory (not on ./data).
 * Starts are serialised: the app reads its configuration from process.env while it boots.
 * `options.resolveHost` answers the DNS look-ups of webhook endpoints' host names (offline).
 */
export function startApp(
  env: Record<string, string> = {},
  options: AppOptions = {},
): Promise<RunningApp> {
  const started = starting.then(() => boot(env, options));
  starting = started.catch(() => undefined);
  return started;
}

async function boot(env: Record<string, string>, options: AppOptions): Promise<RunningApp> {
  // Logs go to the suite's log directory, searched for card data after the run.
  process.env.LOG_LEVEL ??= 'debug';
  process.env.LOG_FILE ??= join(inject('logDir'), `app-${process.pid}-${Date.now()}.log`);
  const dataDir =
    process.env.DATABASE_URL || env.DATABASE_URL || env.DATA_DIR || process.env.DATA_DIR
      ? undefined
      : embeddedDataDir();
  // The port is chosen first: PUBLIC_BASE_URL (webhooks, the sandbox's payment_url) derives from it.
  const port = await freePort();
  const overrides: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    ...(dataDir ? { DATA_DIR: dataDir } : {}),
    ...env,
  };
  // The app reads its configuration while it boots; the overrides are put back afterwards, so a
  // scenario's settings (a scratch DATABASE_URL, a disabled relay) never leak into the next one.
  const previous = Object.keys(overrides).map((key) => [key, process.env[key]] as const);
  Object.assign(process.env, overrides);
  let app: NestFastifyApplication;
  try {
    app = await createApp(options);
    await app.listen(port, '127.0.0.1');
  } finally {
    for (const [key, value] of previous) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  const url = `http://127.0.0.1:${port}`;
  // The MANAGEMENT_PORT serves /health and /metrics only: the rest of the contract is not its own.
  if (overrides.MANAGEMENT_PORT)
    registerManagementOrigin(`http://127.0.0.1:${overrides.MANAGEMENT_PORT}`);
  const close = async (): Promise<void> => {
    await app.close();
    if (dataDir && dataDir !== MEMORY) rmSync(dataDir, { recursive: true, force: true });
  };
  return { app, url, dataSource: app.get(DataSource), close };
}

const MEMORY = 'memory://';

/**
 * Without DATABASE_URL: a copy of the migrated embedded data directory test/global-setup.ts made
 * (opening it takes a fraction of the time of a new cluster plus every migration), or a new
 * in-memory database if there is none. Either way the app's own, removed when it closes.
 */
function embeddedDataDir(): string {
  const template = inject('embeddedTemplate');
  if (!template) return MEMORY;
  const dir = mkdtempSync(join(tmpdir(), 'payments-e2e-app-'));
  cpSync(template, dir, { recursive: true });
  return dir;
}

export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
