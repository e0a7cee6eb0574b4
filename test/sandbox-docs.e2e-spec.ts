import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bashBlocks, runBlock } from './support/doc-blocks.js';
import { ensureBuilt, freePort, ROOT, spawnNode, type Spawned } from './support/process.js';

const doc = readFileSync(`${ROOT}docs/sandbox.md`, 'utf8');
const TWO_SITES = '## Examples with two sites';
const blocks = bashBlocks(doc.slice(doc.indexOf('## Examples'), doc.indexOf(TWO_SITES)));
const siteBlocks = bashBlocks(doc.slice(doc.indexOf(TWO_SITES)));

/** The built standalone sandbox on a free port, with `env` beside PORT. */
function standalone(env: Record<string, string>): {
  port: () => number;
  start: () => Promise<void>;
  stop: () => Promise<void>;
} {
  let sandbox: Spawned | undefined;
  let port = 0;
  return {
    port: () => port,
    async start() {
      ensureBuilt();
      port = await freePort();
      const started = spawnNode(`${ROOT}dist/apps/msp-sandbox/src/main.js`, {
        PORT: String(port),
        ...env,
      });
      sandbox = started;
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const up = await fetch(`http://127.0.0.1:${port}/sandbox-admin/orders`).then(
          () => true,
          () => false,
        );
        if (up) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`the sandbox did not start: ${started.output()}`);
    },
    async stop() {
      sandbox?.child.kill('SIGTERM');
      await sandbox?.exited;
    },
  };
}

describe('docs/sandbox.md examples against `npm run sandbox` (the built standalone host)', () => {
  const sandbox = standalone({});

  beforeAll(() => sandbox.start());
  afterAll(() => sandbox.stop());

  it('should have examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });

  it.each(blocks.map((b, i) => [i + 1, b] as const))(
    'should run example %i as written',
    (_i, block) => {
      const { output, expected } = runBlock(block, '127.0.0.1:4000', `127.0.0.1:${sandbox.port()}`);
      expect(expected).toBeDefined();
      expect(output).toContain(expected);
    },
  );
});

describe('docs/sandbox.md examples with two sites (MSP_SANDBOX_API_KEYS=nl:…,be:…)', () => {
  // As the section says to start it.
  const sandbox = standalone({ MSP_SANDBOX_API_KEYS: 'nl:nl-api-key,be:be-api-key' });

  beforeAll(() => sandbox.start());
  afterAll(() => sandbox.stop());

  it('should have examples, and start the sandbox as the section says', () => {
    expect(siteBlocks.length).toBeGreaterThanOrEqual(3);
    expect(doc).toContain('`MSP_SANDBOX_API_KEYS=nl:nl-api-key,be:be-api-key npm run sandbox`');
  });

  it.each(siteBlocks.map((b, i) => [i + 1, b] as const))(
    'should run example %i as written',
    (_i, block) => {
      const { output, expected } = runBlock(block, '127.0.0.1:4000', `127.0.0.1:${sandbox.port()}`);
      expect(expected).toBeDefined();
      expect(output).toContain(expected);
    },
  );
});
