import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bashBlocks, runBlock } from './support/doc-blocks.js';
import { ensureBuilt, freePort, ROOT, spawnNode, type Spawned } from './support/process.js';

const doc = readFileSync(`${ROOT}docs/sandbox.md`, 'utf8');
const examples = doc.slice(doc.indexOf('## Examples'));
const blocks = bashBlocks(examples);

describe('docs/sandbox.md examples against `npm run sandbox` (the built standalone host)', () => {
  let sandbox: Spawned;
  let port: number;

  beforeAll(async () => {
    ensureBuilt();
    port = await freePort();
    sandbox = spawnNode(`${ROOT}dist/apps/msp-sandbox/src/main.js`, { PORT: String(port) });
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const up = await fetch(`http://127.0.0.1:${port}/sandbox-admin/orders`).then(
        () => true,
        () => false,
      );
      if (up) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the sandbox did not start: ${sandbox.output()}`);
  });

  afterAll(async () => {
    sandbox?.child.kill('SIGTERM');
    await sandbox?.exited;
  });

  it('should have examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });

  it.each(blocks.map((b, i) => [i + 1, b] as const))(
    'should run example %i as written',
    (_i, block) => {
      const { output, expected } = runBlock(block, '127.0.0.1:4000', `127.0.0.1:${port}`);
      expect(expected).toBeDefined();
      expect(output).toContain(expected);
    },
  );
});
