import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/api.js';
import { startApp, type RunningApp } from './support/app.js';
import { ROOT } from './support/process.js';

/**
 * No answer of the API may be kept by a browser, proxy or CDN: payment data, errors included.
 * Every operation of openapi.json under /v1 is called (with path parameters that name nothing,
 * a body that is not valid, with and without a key) and each answer must say `no-store`.
 */
const doc = JSON.parse(readFileSync(`${ROOT}openapi.json`, 'utf8')) as {
  paths: Record<string, Record<string, unknown>>;
};
const operations = Object.entries(doc.paths)
  .filter(([path]) => path.startsWith('/v1/'))
  .flatMap(([path, methods]) =>
    Object.keys(methods)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((method) => [method.toUpperCase(), path] as const),
  );

describe('Cache-Control: no-store on every /v1 answer', () => {
  let sut: RunningApp;

  beforeAll(async () => {
    sut = await startApp({ EVENTS_RELAY_ENABLED: 'false', RECONCILE_INTERVAL_MS: '0' });
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should walk every /v1 operation of openapi.json', () => {
    expect(operations.length).toBeGreaterThanOrEqual(15);
    expect(operations).toContainEqual(['GET', '/v1/payments/{id}']);
    expect(operations).toContainEqual(['POST', '/v1/webhook-endpoints']);
  });

  it.each(operations)(
    'should send no-store on %s %s, authenticated or not',
    async (method, path) => {
      const url = path.replace(/\{[^}]+\}/g, () => randomUUID());
      const body = method === 'GET' || method === 'DELETE' ? undefined : {};
      const answered = await call(sut.url, method, url, body, { idempotencyKey: randomUUID() });
      expect(answered.status, `${method} ${url}: ${answered.text.slice(0, 200)}`).toBeLessThan(500);
      expect(answered.headers.get('cache-control')).toBe('no-store');
      const anonymous = await call(sut.url, method, url, body, { key: null });
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('cache-control')).toBe('no-store');
    },
  );

  it('should send no-store on a successful read and an unknown /v1 route, and not outside /v1', async () => {
    const list = await call(sut.url, 'GET', '/v1/payments?limit=1');
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    const unknown = await call(sut.url, 'GET', '/v1/no-such-route');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('cache-control')).toBe('no-store');
    const live = await call(sut.url, 'GET', '/health/live');
    expect(live.headers.get('cache-control')).not.toBe('no-store');
  });
});
