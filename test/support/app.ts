import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/payments/src/bootstrap.js';

export interface RunningApp {
  app: NestFastifyApplication;
  url: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * Boots the real payments app on a free loopback port. Without DATABASE_URL it gets its own
 * in-memory embedded PostgreSQL, exactly as `npm start` would (but not on ./data).
 */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  process.env.LOG_LEVEL ??= 'silent';
  if (!process.env.DATABASE_URL) process.env.DATA_DIR ??= 'memory://';
  Object.assign(process.env, env);
  const app = await createApp();
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, dataSource: app.get(DataSource), close: () => app.close() };
}

export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
