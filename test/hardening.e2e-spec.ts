import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type ErrorResponse } from './support/api.js';
import { startApp, type RunningApp } from './support/app.js';

describe('hardening: security headers and per-key rate limits', () => {
  let sut: RunningApp;

  beforeAll(async () => {
    sut = await startApp({
      RATE_LIMIT_PER_SECOND: '5',
      API_KEYS: 'dev:dev-secret,other:other-secret',
    });
  });

  afterAll(async () => {
    await sut?.close();
    process.env.RATE_LIMIT_PER_SECOND = '200';
  });

  it.each(['/health/live', '/v1/payments?limit=1', '/docs'])(
    'should send security headers on %s',
    async (path) => {
      const res = await call(sut.url, 'GET', path);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-powered-by')).toBeNull();
    },
  );

  it('should answer 429 RATE_LIMITED with Retry-After past the per-key limit, and spare other keys', async () => {
    await new Promise((r) => setTimeout(r, 1100)); // a fresh one-second window
    const burst = await Promise.all(
      Array.from({ length: 12 }, () => call<ErrorResponse>(sut.url, 'GET', '/v1/payments?limit=1')),
    );
    const limited = burst.filter((r) => r.status === 429);
    expect(burst.filter((r) => r.status === 200)).toHaveLength(5);
    expect(limited).toHaveLength(7);
    expect(limited[0]?.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited[0]?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const other = await call(sut.url, 'GET', '/v1/payments?limit=1', undefined, {
      key: 'other-secret',
    });
    expect(other.status).toBe(200);
  });

  it('should not rate-limit health checks', async () => {
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => call(sut.url, 'GET', '/health/live')),
    );
    expect(burst.every((r) => r.status === 200)).toBe(true);
  });
});
