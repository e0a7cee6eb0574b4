import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { stripVTControlCharacters } from 'node:util';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDatabase } from './support/database.js';
import { ensureBuilt, freePort, MAIN, ROOT, spawnNode, waitForReady } from './support/process.js';
import { available, needs } from './support/requirements.js';
import { PINNED_NODE } from './support/runtime.js';

const withPostgres = await available(
  needs.postgres,
  'test/process.e2e-spec.ts (the start-up line on PostgreSQL)',
);

/** `script` (util-linux) gives the process a pseudo-terminal, as a person's shell would. */
const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** The JSON log lines of a process whose stdout is a pipe (each line must parse). */
function jsonLines(output: string): { msg?: string; context?: string }[] {
  return output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { msg?: string; context?: string });
}

async function startupLineOf(env: Record<string, string>): Promise<string> {
  const port = await freePort();
  const sut = spawnNode(MAIN, { PORT: String(port), ...env });
  try {
    await waitForReady(`http://127.0.0.1:${port}`, 60_000);
    await expect
      .poll(() => jsonLines(sut.output()).some((l) => l.context === 'Startup'), { timeout: 5_000 })
      .toBe(true);
    const startup = jsonLines(sut.output()).filter((l) => l.context === 'Startup');
    expect(startup).toHaveLength(1);
    return (startup[0]?.msg ?? '').replaceAll(String(port), 'PORT');
  } finally {
    sut.child.kill('SIGTERM');
    await sut.exited;
  }
}

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

  // Phase 2 of ADR 0012 (several accounts routed) deletes this test.
  it('should exit 1 with one clear line when several MultiSafepay accounts are configured', async () => {
    const sut = spawnNode(MAIN, { MSP_ACCOUNTS: 'nl:nl-key,be:be-key' });
    expect(await sut.exited).toBe(1);
    expect(sut.output()).toBe(
      'Invalid configuration:\n  MSP_ACCOUNTS: 2 accounts are configured (nl, be), but this build routes payments for one account only; configure one\n',
    );
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
      'MSP_API_KEY or MSP_ACCOUNTS: required when NODE_ENV=production',
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

  it('should log JSON when stdout is not a terminal, with one start-up line giving the URLs and the mode', async () => {
    const line = await startupLineOf({ DATA_DIR: 'memory://' });
    expect(line).toBe(
      'Payments service ready: API http://127.0.0.1:PORT/v1 · docs http://127.0.0.1:PORT/docs · ' +
        'demo http://127.0.0.1:PORT/demo · health http://127.0.0.1:PORT/health/ready | ' +
        'database: embedded PostgreSQL (in memory) | gateway: built-in MultiSafepay sandbox | ' +
        'webhook endpoints: http or https, loopback allowed (not production), private addresses allowed | ' +
        // The `node` devDependency (Node.js 24), as under `npm start`.
        `Node.js v${PINNED_NODE}`,
    );
  });

  it.runIf(withPostgres)(
    'should name PostgreSQL (host and database, no password) and MultiSafepay test in the start-up line',
    async () => {
      const db = await scratchDatabase();
      try {
        const url = new URL(db.url);
        url.password = 'start-up-line-secret';
        const line = await startupLineOf({
          DATABASE_URL: url.toString(),
          MSP_ENV: 'test',
          MSP_API_KEY: 'not-a-real-key',
          MSP_BASE_URL: 'http://127.0.0.1:9/v1/json',
          DOCS_ENABLED: 'false',
        });
        expect(line).toBe(
          `Payments service ready: API http://127.0.0.1:PORT/v1 · health http://127.0.0.1:PORT/health/ready | ` +
            `database: PostgreSQL ${url.host}${url.pathname} | gateway: MultiSafepay test | ` +
            'webhook endpoints: http or https, loopback allowed (not production), private addresses allowed | ' +
            `Node.js v${PINNED_NODE}`,
        );
        expect(line).not.toMatch(/start-up-line-secret|not-a-real-key/);
      } finally {
        await db.drop();
      }
    },
  );

  it.runIf(withPostgres)(
    'should state in the start-up line that production wants https and refuses loopback',
    async () => {
      const db = await scratchDatabase();
      try {
        const line = await startupLineOf({
          NODE_ENV: 'production',
          DATABASE_URL: db.url,
          MSP_ENV: 'test',
          MSP_API_KEY: 'not-a-real-key',
          MSP_BASE_URL: 'http://127.0.0.1:9/v1/json',
          API_KEYS: 'shop:0123456789abcdef0123456789abcdef',
          PUBLIC_BASE_URL: 'https://payments.example.com',
          TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
          DOCS_ENABLED: 'false',
          WEBHOOK_ENDPOINT_ALLOWED_CIDRS: '10.20.0.0/16',
          WEBHOOK_ENDPOINT_DENIED_CIDRS: '10.20.5.0/24',
        });
        expect(line).toMatch(
          / \| webhook endpoints: https only, loopback refused, private addresses only in 10\.20\.0\.0\/16, denied 10\.20\.5\.0\/24 \| Node\.js v/,
        );
      } finally {
        await db.drop();
      }
    },
  );

  it.runIf(hasScript)(
    'should write pretty lines for a person when stdout is a terminal',
    async () => {
      const port = await freePort();
      // `script` runs the service on a pseudo-terminal; its transcript is the terminal's output.
      // Its own process group, so the service under it stops with it.
      const child = spawn('script', ['-qfec', `node ${MAIN}`, '/dev/null'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', PORT: String(port), DATA_DIR: 'memory://' },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        await waitForReady(`http://127.0.0.1:${port}`, 60_000);
        await expect.poll(() => output, { timeout: 5_000 }).toContain('Payments service ready');
      } finally {
        process.kill(-(child.pid ?? 0), 'SIGTERM');
        await exited;
      }
      const plain = stripVTControlCharacters(output);
      const line = plain.split('\n').find((l) => l.includes('Payments service ready')) ?? '';
      expect(line).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: Payments service ready: API http/);
      expect(plain).not.toMatch(/^\{"level"/m);
      // Nest's module and route listing stays out of a person's way.
      expect(plain).not.toContain('Mapped {');
      expect(plain).toContain('Nest application successfully started');
    },
  );
});
