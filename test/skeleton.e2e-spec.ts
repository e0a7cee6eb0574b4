import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app.js';

describe('walking skeleton (real HTTP, real database)', () => {
  let sut: RunningApp;

  beforeAll(async () => {
    sut = await startApp();
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should answer liveness', async () => {
    const res = await fetch(`${sut.url}/health/live`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('should report the database ready', async () => {
    const res = await fetch(`${sut.url}/health/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('should serve Swagger UI at /docs and the document at /docs-json', async () => {
    const html = await fetch(`${sut.url}/docs`);
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('swagger-ui');
    const json = await fetch(`${sut.url}/docs-json`);
    const doc = (await json.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/health/live', '/health/ready']),
    );
  });

  it('should answer an unknown route with the error body and a request id', async () => {
    const res = await fetch(`${sut.url}/no/such/route`);
    expect(res.status).toBe(404);
    const body = (await res.json()) as {
      error: { code: string; message: string };
      requestId: string;
    };
    expect(body.error.code).toBe('ROUTE_NOT_FOUND');
    expect(body.error.message).toEqual(expect.any(String));
    expect(body.requestId).toBe(res.headers.get('x-request-id'));
  });

  it("should keep a caller's sane X-Request-Id and replace an unsafe one", async () => {
    const kept = await fetch(`${sut.url}/health/live`, { headers: { 'x-request-id': 'trace-42' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-42');
    const replaced = await fetch(`${sut.url}/health/live`, {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should run the migrations: both tables exist and synchronize is off', async () => {
    const rows: { table_name: string }[] = await sut.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['payments', 'payment_events', 'typeorm_migrations']),
    );
    expect(sut.dataSource.options.synchronize).toBe(false);
  });
});
