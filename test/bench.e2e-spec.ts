import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDatabase } from './support/database.js';
import { ensureBuilt, ROOT } from './support/process.js';

type Line = Record<string, unknown>;

/**
 * `npm run bench` as users run it, briefly and at a low fixed rate so it does not crowd the
 * other test files: every scenario and both floors must run and every request must succeed.
 * No figure is asserted beyond "something was measured": speed is the bench's business.
 */
describe('npm run bench', () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>>;

  beforeAll(async () => {
    ensureBuilt();
    db = await scratchDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('should measure every scenario, the database floor, the HTTP floor and the ceiling, with no failed request', async () => {
    const child = spawn(
      'node',
      [
        'bench/bench.mjs',
        ...['--duration', '1', '--warmup', '0', '--connections', '4', '--rate', '50'],
      ],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);

    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    const byScenario = new Map(lines.map((l) => [l.scenario, l]));
    for (const name of [
      'create payment (non-3DS)',
      'read one payment',
      'list payments (limit 20)',
      'signed POST webhook',
      'HTTP floor (node:http, no database)',
    ]) {
      const line = byScenario.get(name);
      expect(line, name).toBeDefined();
      expect(line?.['non-2xx'], name).toBe(0);
      expect(line?.errors, name).toBe(0);
      expect(line?.['req/s'], name).toBeGreaterThan(0);
      expect(line?.['cpu ms/req service'], name).toBeGreaterThan(0);
    }
    const floor = byScenario.get('database floor (pg, same writes)');
    expect(floor?.['payments/s']).toBeGreaterThan(0);
    expect(floor?.['cpu ms/payment (postgres + client)']).toBeGreaterThan(0);
    expect(floor?.['create/floor']).toBeGreaterThan(0);
    const ceiling = byScenario.get('ceiling on these cores (HTTP floor CPU + database floor CPU)');
    expect(ceiling?.['payments/s']).toBeGreaterThan(0);
  }, 180_000);
});
