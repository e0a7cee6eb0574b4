import 'reflect-metadata';
import { Test, type TestingModule } from '@nestjs/testing';
import { EventBroker, type OutgoingEvent } from '@app/payments';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RabbitMqModule } from './rabbitmq.module.js';
import {
  CapturedLogs,
  rabbitMqAvailable,
  TEST_AMQP_URL,
  uniqueName,
  until,
  withAdminChannel,
} from './testing/rabbitmq-test-support.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const doc = readFileSync(`${ROOT}docs/events.md`, 'utf8');
const snippet = /## A consumer in TypeScript[\s\S]*?```ts\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';

const available = await rabbitMqAvailable('docs/events.md consumer');

/**
 * Runs the consumer of docs/events.md as a reader would: type-checked (strict) and
 * started with node, with its queue renamed so that the test leaves nothing behind.
 */
describe.skipIf(!available)('the TypeScript consumer of docs/events.md', () => {
  // Under node_modules so that the snippet finds amqplib as a reader's project would.
  const dir = `${ROOT}node_modules/.cache/events-rabbitmq-doc-${process.pid}`;
  const queue = uniqueName('rmq_doc_queue');
  let consumer: ChildProcess;
  let output = '';
  let moduleRef: TestingModule;

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/consumer.ts`, snippet.replace("'shop.payment-events'", `'${queue}'`));
    moduleRef = await Test.createTestingModule({
      imports: [RabbitMqModule.forRoot({ url: TEST_AMQP_URL })],
    })
      .setLogger(new CapturedLogs())
      .compile();
    await moduleRef.init();
  });

  afterAll(async () => {
    consumer?.kill();
    await moduleRef?.close();
    if (available) await withAdminChannel((channel) => channel.deleteQueue(queue));
    rmSync(dir, { recursive: true, force: true });
  });

  it('should be in the doc and declare the queue it renames here', () => {
    expect(snippet).toContain("const queue = 'shop.payment-events';");
  });

  it('should type-check under strict TypeScript', () => {
    const program = ts.createProgram([`${dir}/consumer.ts`], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ['node'],
      skipLibCheck: true,
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  }, 30_000);

  it('should apply each event once and in sequence order per payment, skipping duplicates and stale ones', async () => {
    const js = ts.transpileModule(readFileSync(`${dir}/consumer.ts`, 'utf8'), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    }).outputText;
    writeFileSync(`${dir}/consumer.mjs`, js);
    consumer = spawn('node', [`${dir}/consumer.mjs`], {
      env: { PATH: process.env.PATH ?? '', AMQP_URL: TEST_AMQP_URL },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    consumer.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    consumer.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    // It consumes once its queue has a consumer.
    await eventually(
      () => withAdminChannel((channel) => channel.checkQueue(queue)).catch(() => null),
      (q) => (q?.consumerCount ?? 0) > 0 || consumer.exitCode !== null,
    );
    expect(consumer.exitCode, output).toBeNull();

    const paymentId = uniqueName('pay');
    const make = (n: number, type: string, sequence: number): OutgoingEvent => {
      const id = `evt_${paymentId}_${n}`;
      const body = { id, type, createdAt: new Date().toISOString(), paymentId, sequence };
      return {
        id,
        type,
        paymentId,
        sequence,
        body: JSON.stringify({ ...body, data: { object: { id: paymentId } } }),
        traceparent: null,
      };
    };
    const initialized = make(1, 'payment.initialized', 1);
    const completed = make(2, 'payment.completed', 2);
    const authorized = make(3, 'capture.succeeded', 3); // not bound: never reaches the queue
    const refunded = make(4, 'refund.succeeded', 4);
    const sut = moduleRef.get(EventBroker);

    // Out of order (a retried batch), a duplicate, an unbound type, then the next event.
    await sut.publish([completed]);
    await sut.publish([initialized, completed]);
    await sut.publish([authorized, refunded]);

    await until(() => output.includes('refund.succeeded'), 10_000, 'the refund event');
    expect(output.trim().split('\n')).toEqual([
      `payment.completed ${paymentId} #2`,
      `refund.succeeded ${paymentId} #4`,
    ]);
    // Stopped, it gives back what it had not acknowledged: nothing, the skipped events included.
    consumer.kill('SIGTERM');
    await eventually(
      () => Promise.resolve(consumer.exitCode),
      (code) => code !== null,
    );
    expect(consumer.exitCode).toBe(0);
    const queued = await eventually(
      () => withAdminChannel((channel) => channel.checkQueue(queue)),
      (q) => q.consumerCount === 0,
    );
    expect(queued.messageCount).toBe(0);
  }, 60_000);
});

/** Calls `read` until `done` holds for its result (10 s at most), and returns that result. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`not within 10 s: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
