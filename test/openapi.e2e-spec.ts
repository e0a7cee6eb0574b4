import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiJson } from '../apps/payments/src/openapi-document.js';
import { startApp, type RunningApp } from './support/app.js';
import { ROOT } from './support/process.js';

const committed = readFileSync(`${ROOT}openapi.json`, 'utf8');

describe('openapi.json', () => {
  let sut: RunningApp;

  beforeAll(async () => {
    sut = await startApp();
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should be current: regenerate it with `npm run openapi` after changing the API', async () => {
    expect(await buildOpenApiJson()).toBe(committed);
  });

  it('should be what the running service serves at /docs-json (sandbox routes excluded)', async () => {
    const served: unknown = await (await fetch(`${sut.url}/docs-json`)).json();
    expect(served).toEqual(JSON.parse(committed));
  });

  it('should document every endpoint with a summary, Bearer auth and its error codes', () => {
    const doc = JSON.parse(committed) as {
      paths: Record<
        string,
        Record<
          string,
          {
            summary?: string;
            security?: unknown[];
            responses: Record<string, { description: string }>;
          }
        >
      >;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        expect(op.summary, `${method} ${path}`).toBeTruthy();
        if (path.startsWith('/v1/')) {
          expect(op.security, `${method} ${path}`).toEqual([{ bearer: [] }]);
          // GET /v1/me takes no input and needs no scope: 401 is its only error.
          const errors = path === '/v1/me' ? ['401'] : ['400', '401', '403'];
          expect(Object.keys(op.responses), `${method} ${path}`).toEqual(
            expect.arrayContaining(errors),
          );
        }
      }
    }
    const create = doc.paths['/v1/payments']?.post;
    for (const code of [
      'VALIDATION_FAILED',
      'ORDER_ID_EXISTS',
      'IDEMPOTENCY_KEY_REUSED',
      'GATEWAY_REJECTED',
      'GATEWAY_UNAVAILABLE',
      'GATEWAY_TIMEOUT',
    ]) {
      expect(JSON.stringify(create?.responses)).toContain(code);
    }
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/payments',
        '/v1/payments/{id}',
        '/v1/payments/{id}/events',
        '/v1/payments/{id}/refresh',
        '/v1/payments/{id}/refunds',
        '/v1/payments/{id}/cancel',
        '/webhooks/multisafepay',
        '/health/ready',
        '/metrics',
      ]),
    );
    expect(Object.keys(doc.paths).some((p) => p.includes('sandbox'))).toBe(false);
  });

  it('should turn /docs off with DOCS_ENABLED=false', async () => {
    const quiet = await startApp({ DOCS_ENABLED: 'false' });
    try {
      expect((await fetch(`${quiet.url}/docs`)).status).toBe(404);
      expect((await fetch(`${quiet.url}/docs-json`)).status).toBe(404);
    } finally {
      await quiet.close();
      process.env.DOCS_ENABLED = 'true';
    }
  });
});
