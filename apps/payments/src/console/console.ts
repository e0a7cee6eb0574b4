import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the operators' console is served (apps/console, built into dist/console). */
export const CONSOLE_PATH = '/console';

/**
 * dist/console, from this module's place: dist/apps/payments/src/console when built, or
 * apps/payments/src/console when run from source (the tests).
 */
export function consoleDir(): string {
  const up = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
  return basename(up) === 'dist' ? join(up, 'console') : join(up, 'dist', 'console');
}

const NOT_BUILT =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>Payments console</title>' +
  '<p>The console is not built: run <code>npm run build</code> (or <code>npm start</code>).</p></html>';

/**
 * Serves the console: its hashed files under /console/assets/ cached as immutable for a year,
 * and index.html (at /console and for every other path under it, the app's own routes) never
 * cached, so a new build is picked up at once. It holds no secret: operators sign in with
 * an API key, which the API checks on every call.
 */
export async function serveConsole(app: NestFastifyApplication, dir = consoleDir()): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const indexFile = join(dir, 'index.html');
  const index = existsSync(indexFile) ? readFileSync(indexFile) : null;
  const assets = join(dir, 'assets');
  // Not built (a test run before any build): the pages say so, the files are 404s.
  if (existsSync(assets))
    await app.register(fastifyStatic, {
      root: assets,
      prefix: `${CONSOLE_PATH}/assets/`,
      // Every file there has a content hash in its name: a changed file is a new name.
      immutable: true,
      maxAge: '365d',
      index: false,
      wildcard: true,
      decorateReply: false,
    });
  const sendIndex = (_request: unknown, reply: FastifyReply) => {
    void reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .status(index ? 200 : 503)
      .send(index ?? NOT_BUILT);
  };
  fastify.get(CONSOLE_PATH, sendIndex);
  fastify.get(`${CONSOLE_PATH}/`, sendIndex);
  fastify.get(`${CONSOLE_PATH}/*`, (request, reply) => {
    // A missing asset is a 404, not the app: a stale page must not get HTML for a script.
    if (request.url.startsWith(`${CONSOLE_PATH}/assets/`))
      return void reply
        .status(404)
        .send({ error: { code: 'NOT_FOUND', message: 'No such console file' } });
    sendIndex(request, reply);
  });
}
