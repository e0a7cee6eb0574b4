import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compileExamples,
  EXAMPLES_DIR,
  installConsumer,
  packClient,
} from '../libs/client/scripts/example.mjs';
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
const section = readme.slice(readme.indexOf('## Typed client'), readme.indexOf('## Configuration'));
const examples = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.ts'));

/**
 * The client as another service gets it: packed with npm pack, installed from the tarball into a
 * project of its own, the README's examples compiled there (strict) and run against the built
 * service with its embedded defaults, exactly as `npm start` then `npm run client:example`.
 */
describe('@msp-direct/payments-client as installed from its tarball', () => {
  const dir = mkdtempSync(join(tmpdir(), 'client-consumer-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'client-data-'));
  let packed: { tarball: string; files: string[] };
  let service: Spawned;
  let port: number;

  beforeAll(async () => {
    ensureBuilt();
    // Before the service starts: building, packing and compiling would slow its start down.
    packed = packClient(dir);
    installConsumer(dir, packed.tarball);
    compileExamples(dir);
    port = await freePort();
    service = spawnNode(MAIN, { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    await waitForReady(`http://127.0.0.1:${port}`, 120_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${service.output()}`);
    });
  }, 400_000);

  afterAll(async () => {
    service?.child.kill('SIGTERM');
    await service?.exited;
    rmSync(dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should pack the built package only: no sources, specs or test helpers', () => {
    expect(packed.files).toContain('package.json');
    expect(packed.files).toEqual(
      expect.arrayContaining([
        'dist/index.js',
        'dist/index.d.ts',
        'dist/generated/openapi.d.ts',
        'dist/webhooks.js',
      ]),
    );
    for (const file of packed.files)
      expect(file).toMatch(/^(package\.json|README\.md|dist\/[a-z/-]+\.(js|d\.ts))$/);
    expect(packed.files.filter((f) => /spec|testing/.test(f))).toEqual([]);
  });

  it('should declare the dependency versions this repository tests it with', () => {
    const client = JSON.parse(readFileSync(`${ROOT}libs/client/package.json`, 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const root = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    for (const [name, range] of Object.entries(client.dependencies))
      expect(root.dependencies[name] ?? root.devDependencies[name], name).toBe(range);
  });

  it('should show in the README exactly the examples it runs', () => {
    expect(examples.sort()).toEqual(['walk-through.ts', 'webhook-receiver.ts']);
    for (const file of examples)
      expect(section, file).toContain(
        `\`\`\`ts\n${readFileSync(join(EXAMPLES_DIR, file), 'utf8')}\`\`\``,
      );
  });

  it('should run the walk-through against the service and print what the README says', () => {
    const output = execFileSync('node', ['out/walk-through.js'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', PAYMENTS_URL: `http://127.0.0.1:${port}` },
    });
    const printed = /It prints[^\n]*\n\n```text\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const expected = printed
      .trimEnd()
      .split('\n')
      .map((line) => line.replaceAll('127.0.0.1:3000', `127.0.0.1:${port}`));
    const lines = output.trimEnd().split('\n');
    expect(lines).toHaveLength(expected.length);
    expected.forEach((line, i) => {
      // "…" in the README stands for ids that vary.
      const pattern = line.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      expect(lines[i]).toMatch(new RegExp(`^${pattern.join('.+')}$`));
    });
  });

  describe('the webhook receiver example', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const rotated = `whsec_${Buffer.from('the new signing secret').toString('base64')}`;
    let receiver: ChildProcess;
    let url: string;
    let printed = '';

    beforeAll(async () => {
      const receiverPort = await freePort();
      url = `http://127.0.0.1:${receiverPort}`;
      receiver = spawn('node', ['out/webhook-receiver.js'], {
        cwd: dir,
        env: {
          PATH: process.env.PATH ?? '',
          PORT: String(receiverPort),
          PAYMENTS_WEBHOOK_SECRETS: `${rotated} ${secret}`,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      receiver.stdout?.on('data', (d: Buffer) => (printed += d.toString()));
      for (let i = 0; i < 100; i++) {
        if (
          await fetch(url).then(
            () => true,
            () => false,
          )
        )
          break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });

    afterAll(() => {
      receiver?.kill('SIGTERM');
    });

    /** Signs `body` as the service would, and sends `sent` (the body, unless a test alters it). */
    const deliver = (body: string, signWith: string, sent = body) => {
      const id = 'evt_1';
      const now = new Date();
      return fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': new Webhook(signWith).sign(id, now, body),
        },
        body: sent,
      });
    };

    it('should apply a delivery signed by the standardwebhooks package once, and refuse forged or altered ones', async () => {
      const body = JSON.stringify({
        id: 'evt_1',
        type: 'payment.completed',
        createdAt: new Date().toISOString(),
        paymentId: 'p-1',
        sequence: 3,
        data: { object: { id: 'p-1', status: 'completed' } },
      });
      expect((await deliver(body, secret)).status).toBe(204);
      expect((await deliver(body, rotated)).status).toBe(204);
      const forged = await deliver(body, `whsec_${Buffer.from('a guess').toString('base64')}`);
      expect(forged.status).toBe(400);
      expect(await forged.text()).toBe('no_valid_signature');
      const altered = await deliver(body, secret, body.replace('"sequence":3', '"sequence":4'));
      expect(altered.status).toBe(400);
      expect(printed.trim().split('\n')).toEqual(['payment.completed p-1 3']);
    });
  });
});
