import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/api.js';
import { startApp, type RunningApp } from './support/app.js';
import { freePort } from './support/process.js';

describe('MANAGEMENT_PORT: /metrics and /health off the public port', () => {
  let sut: RunningApp;
  let management: string;
  let closed = false;

  beforeAll(async () => {
    const port = await freePort();
    management = `http://127.0.0.1:${port}`;
    sut = await startApp({ MANAGEMENT_PORT: String(port), RECONCILE_INTERVAL_MS: '0' });
  });

  afterAll(async () => {
    if (!closed) await sut?.close();
  });

  it.each(['/metrics', '/health/live', '/health/ready'])(
    'should serve %s on the management port only',
    async (path) => {
      expect((await fetch(`${management}${path}`)).status).toBe(200);
      const pub = await call<{ error: { code: string } }>(sut.url, 'GET', path, undefined, {
        key: null,
      });
      expect(pub.status).toBe(404);
      expect(pub.body.error.code).toBe('ROUTE_NOT_FOUND');
    },
  );

  it('should serve the API and the webhook on the public port only', async () => {
    expect((await call(sut.url, 'GET', '/v1/payments?limit=1')).status).toBe(200);
    expect((await call(management, 'GET', '/v1/payments?limit=1')).status).toBe(404);
    const webhook = await fetch(
      `${management}/webhooks/multisafepay?transactionid=never-ours&timestamp=1`,
    );
    expect(webhook.status).toBe(404);
  });

  it('should close the management port with the app', async () => {
    await sut.close();
    closed = true;
    await expect(fetch(`${management}/health/live`)).rejects.toThrow();
  });
});
