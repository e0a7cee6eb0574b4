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

  it('should document every endpoint with a summary, its security, its error codes and a caller-named operationId', () => {
    const doc = JSON.parse(committed) as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          {
            operationId: string;
            summary?: string;
            security?: unknown[];
            responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
          }
        >
      >;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
    const operationIds: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const name = `${method} ${path}`;
        operationIds.push(op.operationId);
        expect(op.summary, name).toBeTruthy();
        expect(op.operationId, name).toMatch(/^[a-z]+[A-Z][A-Za-z]+$/);
        // The API is for Bearer keys; health, metrics and MultiSafepay's webhook are open.
        expect(op.security, name).toEqual(path.startsWith('/v1/') ? [{ bearer: [] }] : []);
        // GET /v1/me needs no scope: it cannot answer 403.
        if (path.startsWith('/v1/'))
          expect(Object.keys(op.responses), name).toEqual(
            expect.arrayContaining(
              path === '/v1/me' ? ['401', '429', '500'] : ['401', '403', '429', '500'],
            ),
          );
        for (const [status, response] of Object.entries(op.responses))
          if (Number(status) >= 400)
            expect(response.content?.['application/json']?.schema, `${name} ${status}`).toEqual({
              $ref: '#/components/schemas/ErrorResponseDto',
            });
      }
    }
    expect(new Set(operationIds).size).toBe(operationIds.length);
    expect(operationIds).toEqual(
      expect.arrayContaining([
        'createPayment',
        'getPayment',
        'listPayments',
        'listPaymentEvents',
        'refreshPayment',
        'refundPayment',
        'listRefunds',
        'capturePayment',
        'listCaptures',
        'cancelPayment',
        'listSavedCards',
        'deleteSavedCard',
        'listEvents',
        'getEvent',
        'redeliverEvent',
        'createWebhookEndpoint',
        'listWebhookEndpoints',
      ]),
    );
    const savedCard = doc.paths['/v1/customers/{reference}/saved-cards/{id}']
      ?.delete as unknown as {
      parameters: { name: string; in: string; required: boolean }[];
    };
    expect(
      savedCard.parameters
        .filter((p) => p.in === 'path')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['id', 'reference']);
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
