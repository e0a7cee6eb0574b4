import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, freePort, MAIN, spawnNode, waitForReady } from './support/process.js';

describe('the built service as a process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'payments-data-'));

  beforeAll(() => {
    ensureBuilt();
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should exit 1 with one clear line for PORT=abc, and no stack trace', async () => {
    const sut = spawnNode(MAIN, { PORT: 'abc' });
    expect(await sut.exited).toBe(1);
    expect(sut.output()).toBe('Invalid configuration:\n  PORT: must be an integer port number\n');
  });

  it('should refuse to start in production without its secrets', async () => {
    const sut = spawnNode(MAIN, { NODE_ENV: 'production' });
    expect(await sut.exited).toBe(1);
    const lines = sut
      .output()
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.trim());
    expect(lines).toEqual([
      'DATABASE_URL: required when NODE_ENV=production',
      'MSP_API_KEY: required when NODE_ENV=production',
      'API_KEYS: required when NODE_ENV=production',
      'PUBLIC_BASE_URL: required when NODE_ENV=production',
      'TOKEN_ENCRYPTION_KEY: required when NODE_ENV=production',
    ]);
    expect(sut.output()).not.toMatch(/\n\s+at /);
  });

  it('should refuse production without a token encryption key, and a malformed key anywhere', async () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u@127.0.0.1:1/none',
      MSP_API_KEY: 'live-key',
      MSP_ENV: 'live',
      API_KEYS: 'shop:0123456789abcdef0123456789abcdef',
      PUBLIC_BASE_URL: 'https://payments.example.com',
    };
    const missing = spawnNode(MAIN, production);
    expect(await missing.exited).toBe(1);
    expect(missing.output()).toBe(
      'Invalid configuration:\n  TOKEN_ENCRYPTION_KEY: required when NODE_ENV=production\n',
    );
    const malformed = spawnNode(MAIN, { TOKEN_ENCRYPTION_KEY: 'not-a-key' });
    expect(await malformed.exited).toBe(1);
    expect(malformed.output()).toBe(
      'Invalid configuration:\n  TOKEN_ENCRYPTION_KEY: must be 32 bytes in base64 (44 characters) or hex (64 characters)\n',
    );
  });

  it('should start on the embedded database with no other set-up, then stop cleanly', async () => {
    const port = await freePort();
    const sut = spawnNode(MAIN, { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    try {
      const tookMs = await waitForReady(`http://127.0.0.1:${port}`, 60_000);
      expect(tookMs).toBeLessThan(60_000);
      expect(existsSync(join(dataDir, '.lock'))).toBe(true);
      const second = spawnNode(MAIN, { PORT: String(await freePort()), DATA_DIR: dataDir });
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/DATA_DIR .* is in use by process \d+/);
    } finally {
      sut.child.kill('SIGTERM');
    }
    // Nest re-raises the signal once its shutdown hooks (pool, then embedded server) are done.
    expect(await sut.exited).toBe('SIGTERM');
    expect(existsSync(join(dataDir, '.lock'))).toBe(false);
    expect(existsSync(join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);
  });
});
