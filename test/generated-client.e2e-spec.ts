import { createClient as generateSdk } from '@hey-api/openapi-ts';
import { parse, stringify } from 'lossless-json';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARDS, DEV_KEY } from './support/api.js';
import { startApp, type RunningApp } from './support/app.js';
import { contractOperations } from './support/contract.js';
import { signNotification } from './support/msp-signature.js';
import { ROOT } from './support/process.js';
import { TestSubscriber } from './support/subscriber.js';

const MSP_KEY = 'generated-sdk-api-key';
const CALLER = 'call-every-operation.ts';

/** test/generated-client/call-every-operation.ts, loaded from the scratch directory. */
interface Caller {
  callEveryOperation(harness: {
    baseUrl: string;
    apiKey: string;
    card: string;
    subscriberUrl: string;
    notification(orderId: string): Promise<{ body: string; auth: string }>;
  }): Promise<{ answered: Record<string, number>; checks: Record<string, unknown> }>;
}

/**
 * The contract works for a team that does not use libs/client: an SDK generated from
 * openapi.json by @hey-api/openapi-ts (a generator other than libs/client's openapi-typescript)
 * type-checks under strict tsc together with a caller written against it, and that caller
 * reaches every operation of the document against the running service, over real HTTP.
 */
describe('an SDK generated from openapi.json by @hey-api/openapi-ts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'generated-sdk-'));
  const subscriber = new TestSubscriber();
  let sut: RunningApp;
  /** tsc's output on the SDK and the caller ('' when clean), run beside the other test. */
  let typeCheck: Promise<string>;

  beforeAll(async () => {
    await subscriber.start();
    const generated = generateSdk({
      input: `${ROOT}openapi.json`,
      output: join(dir, 'sdk'),
      logs: { level: 'silent' },
    }).then(() => copyFileSync(join(ROOT, 'test/generated-client', CALLER), join(dir, CALLER)));
    typeCheck = generated.then(strictTsc);
    // Settled here so that a failed generation fails this hook, not an unhandled rejection.
    typeCheck.catch(() => undefined);
    [sut] = await Promise.all([
      startApp({ MSP_ENV: 'sandbox', MSP_API_KEY: MSP_KEY, RECONCILE_INTERVAL_MS: '0' }),
      generated,
    ]);
  });

  /** Strict tsc over the scratch directory: the generated SDK and the caller. */
  function strictTsc(): Promise<string> {
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2023',
          // fetch, Request and Response as the SDK uses them.
          lib: ['ES2023', 'DOM'],
          module: 'nodenext',
          moduleResolution: 'nodenext',
          strict: true,
          noUnusedLocals: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        include: ['**/*.ts'],
      }),
    );
    return new Promise((resolve) => {
      execFile(join(ROOT, 'node_modules/.bin/tsc'), ['-p', dir], (error, stdout, stderr) =>
        resolve(error ? `${stdout}${stderr}` || error.message : ''),
      );
    });
  }

  afterAll(async () => {
    await sut?.close();
    await subscriber.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should type-check, SDK and caller, under strict TypeScript', async () => {
    expect(await typeCheck).toBe('');
  });

  it('should call every operation of openapi.json through it, each answered as documented', async () => {
    const { callEveryOperation } = (await import(join(dir, CALLER))) as Caller;
    const { answered, checks } = await callEveryOperation({
      baseUrl: sut.url,
      apiKey: DEV_KEY,
      card: CARDS.noThreeDs,
      subscriberUrl: subscriber.url,
      notification: async (orderId) => {
        // MultiSafepay's POST body is its order, as its API returns it (big numbers intact).
        const res = await fetch(`${sut.url}/sandbox/v1/json/orders/${orderId}`, {
          headers: { api_key: MSP_KEY },
        });
        const envelope = parse(await res.text()) as { data: unknown };
        const body = stringify(envelope.data) ?? '';
        return { body, auth: signNotification(body, MSP_KEY) };
      },
    });

    const operations = contractOperations();
    expect(Object.keys(answered).sort()).toEqual(operations.map((o) => o.operationId));
    const documented = JSON.parse(readFileSync(`${ROOT}openapi.json`, 'utf8')) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    for (const { operationId, method, path } of operations) {
      const status = answered[operationId];
      const success = Object.keys(documented.paths[path]?.[method.toLowerCase()]?.responses ?? {})
        .filter((s) => s.startsWith('2'))
        .map(Number);
      expect(success, operationId).toContain(status);
    }
    expect(checks).toMatchObject({
      live: 'ok',
      ready: 'ok',
      metricsText: true,
      paidStatus: 'completed',
      paidNextAction: null,
      readSameOrder: true,
      historyTo: ['created', 'completed'],
      refundAmount: 400,
      authorizedStatus: 'authorized',
      captureStatus: 'succeeded',
      captures: [600],
      released: { mode: 'manual', capturedAmount: 600, capturableAmount: 0 },
      savedCardLast4: CARDS.noThreeDs.slice(-4),
      deletedStatus: 'deleted',
      notifiedGet: 'OK',
      notifiedPost: 'OK',
      sameEvent: true,
      secretGiven: true,
      endpointListed: true,
      renamed: 'SDK, renamed',
      rotated: true,
      scheduled: 1,
    });
    expect(checks.feed).toEqual(
      expect.arrayContaining([expect.stringMatching(/^capture 600 /), 'payment completed']),
    );
    expect(checks.cards).toHaveLength(1);
    expect(checks.listed).toHaveLength(1);
    expect(checks.refunds).toHaveLength(1);
    expect(checks.deliveries).toHaveLength(1);
    expect(checks.me).toBe('dev');
    // The GET and the signed POST above, at least (the sandbox notifies too).
    expect(checks.notifications).toBeGreaterThanOrEqual(2);
    expect(checks.eventDeliveries).toBeGreaterThanOrEqual(1);
  });
});
