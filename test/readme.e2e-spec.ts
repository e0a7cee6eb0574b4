import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bashBlocks, runBlock } from './support/doc-blocks.js';
import {
  ensureBuilt,
  freePort,
  MAIN,
  ROOT,
  spawnNode,
  waitForReady,
  type Spawned,
} from './support/process.js';

const readme = readFileSync(`${ROOT}README.md`, 'utf8');
const walkThrough = readme.slice(
  readme.indexOf('## Walk-through'),
  readme.indexOf('## Configuration'),
);
const blocks = bashBlocks(walkThrough);

describe('README walk-through against the built service with its embedded defaults', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'readme-data-'));
  const workDir = mkdtempSync(join(tmpdir(), 'readme-cwd-'));
  let service: Spawned;
  let port: number;

  beforeAll(async () => {
    ensureBuilt();
    port = await freePort();
    // No DATABASE_URL, no MSP_API_KEY: exactly `npm start` on a fresh machine, on another port.
    service = spawnNode(MAIN, { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    await waitForReady(`http://127.0.0.1:${port}`, 60_000);
  });

  afterAll(async () => {
    service?.child.kill('SIGTERM');
    await service?.exited;
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
  });

  it('should have the walk-through', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });

  it.each(blocks.map((b, i) => [i + 1, b] as const))(
    'should run step %i as written',
    (_i, block) => {
      const { output, expected } = runBlock(block, '127.0.0.1:3000', `127.0.0.1:${port}`, workDir);
      expect(expected).toBeDefined();
      expect(output).toContain(expected);
    },
  );
});
