import type { PaymentHistoryEntry } from '@app/client';
import { buildDataSourceOptions, MIGRATIONS, runMigrationsExclusively } from '@app/database';
import { MspEnvelopeFilter, MspSandboxModule } from '@app/msp-sandbox';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { parse, stringify } from 'lossless-json';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe as suite, expect, it } from 'vitest';
import { call, CARDS, createPayment, paymentRequest, type PaymentBody } from './support/api.js';
import { startApp, type RunningApp } from './support/app.js';
import { scratchDatabase } from './support/database.js';
import { available, needs } from './support/requirements.js';
import { signNotification } from './support/msp-signature.js';
import { freePort } from './support/process.js';
import { sandboxAdmin, sandboxOrders, submit3ds } from './support/sandbox.js';
import { TestSubscriber } from './support/subscriber.js';

const MSP_KEY = 'replica-test-key';

// Without a PostgreSQL server: skipped with one line saying how to get one (CI=true: fails).
const describe = (await available(needs.postgres, 'test/replicas.e2e-spec.ts (two replicas)'))
  ? suite
  : suite.skip;

describe('two replicas on one PostgreSQL database, one MultiSafepay sandbox', () => {
  let db: { url: string; drop: () => Promise<void> };
  let sandbox: NestFastifyApplication;
  let sandboxUrl: string;
  let a: RunningApp;
  let b: RunningApp;

  beforeAll(async () => {
    db = await scratchDatabase();
    const port = await freePort();
    sandboxUrl = `http://127.0.0.1:${port}`;
    sandbox = await NestFactory.create<NestFastifyApplication>(
      MspSandboxModule.forRoot({
        apiKeys: [MSP_KEY],
        publicBaseUrl: sandboxUrl,
        routePrefix: '',
        notificationRetryDelaysMs: [100, 100],
      }),
      new FastifyAdapter(),
      { logger: false },
    );
    sandbox.useGlobalFilters(new MspEnvelopeFilter());
    await sandbox.listen(port, '127.0.0.1');
    const env = {
      DATABASE_URL: db.url,
      MSP_ENV: 'test',
      MSP_API_KEY: MSP_KEY,
      MSP_BASE_URL: `${sandboxUrl}/v1/json`,
      RECONCILE_INTERVAL_MS: '300',
      RECONCILE_AFTER_MS: '1000',
    };
    [a, b] = await Promise.all([startApp(env), startApp(env)]);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await sandbox?.close();
    await db?.drop();
  });

  const replicas = () => [a, b];
  const events = async (id: string) =>
    (await call<{ data: PaymentHistoryEntry[] }>(a.url, 'GET', `/v1/payments/${id}/events`)).body
      .data;

  it('should migrate a fresh database once when two replicas start at the same moment', async () => {
    const fresh = await scratchDatabase();
    const sources = [0, 1].map(
      () =>
        new DataSource(
          buildDataSourceOptions(fresh.url, { poolSize: 2, connectTimeoutMs: 10_000 }, false),
        ),
    );
    try {
      await Promise.all(sources.map((s) => s.initialize()));
      const applied = await Promise.all(sources.map((s) => runMigrationsExclusively(s, false)));
      expect(applied.map((names) => names.length).sort()).toEqual([0, MIGRATIONS.length]);
    } finally {
      await Promise.all(sources.map((s) => s.destroy()));
      await fresh.drop();
    }
  });

  it('should create one order for one Idempotency-Key sent to both replicas at once', async () => {
    const request = paymentRequest({}, { number: CARDS.threeDs });
    const idempotencyKey = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createPayment<PaymentBody>(replicas()[i % 2]?.url ?? '', request, { idempotencyKey }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((r) => r.text)).size).toBe(1);
    expect(await sandboxOrders(sandboxUrl, request.orderId)).toBe(1);
  });

  it('should apply notifications spread over both replicas exactly once', async () => {
    await sandboxAdmin(sandboxUrl, 'POST', '/sandbox-admin/notifications/mode', { mode: 'drop' });
    try {
      const created = await createPayment<PaymentBody>(
        a.url,
        paymentRequest({ notificationMethod: 'POST' }, { number: CARDS.threeDs }),
      );
      await submit3ds(created.body.nextAction?.url ?? '', 'success');
      const res = await fetch(`${sandboxUrl}/v1/json/orders/${created.body.orderId}`, {
        headers: { api_key: MSP_KEY },
      });
      const order = parse(await res.text()) as { data: Record<string, unknown> };
      const body =
        stringify(
          Object.fromEntries(Object.entries(order.data).sort(([x], [y]) => (x < y ? -1 : 1))),
        ) ?? '';
      const deliveries = Array.from({ length: 40 }, async (_, i) => {
        const target = replicas()[i % 2]?.url ?? '';
        const query = `transactionid=${created.body.orderId}&timestamp=${Math.floor(Date.now() / 1000)}`;
        const r =
          i % 4 < 2
            ? await fetch(`${target}/webhooks/multisafepay?${query}`, {
                method: 'POST',
                headers: {
                  'content-type': 'application/json',
                  auth: signNotification(body, MSP_KEY),
                },
                body,
              })
            : await fetch(`${target}/webhooks/multisafepay?${query}`);
        return [r.status, await r.text()];
      });
      expect(await Promise.all(deliveries)).toEqual(Array(40).fill([200, 'OK']));
      const history = await events(created.body.id);
      expect(history.filter((e) => e.to === 'completed')).toHaveLength(1);
      expect(history.some((e) => e.anomaly)).toBe(false);
      for (const r of replicas()) {
        expect(
          (await call<PaymentBody>(r.url, 'GET', `/v1/payments/${created.body.id}`)).body.status,
        ).toBe('completed');
      }
    } finally {
      await sandboxAdmin(sandboxUrl, 'POST', '/sandbox-admin/notifications/mode', {
        mode: 'normal',
      });
    }
  });

  it('should let both reconcilers share the work: every lost payment settled once', async () => {
    await sandboxAdmin(sandboxUrl, 'POST', '/sandbox-admin/notifications/mode', { mode: 'drop' });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 10; i += 1) {
        const created = await createPayment<PaymentBody>(
          replicas()[i % 2]?.url ?? '',
          paymentRequest({}, { number: CARDS.threeDs }),
        );
        await submit3ds(created.body.nextAction?.url ?? '', 'success');
        ids.push(created.body.id);
      }
      const deadline = Date.now() + 6_000;
      let statuses: string[] = [];
      while (Date.now() < deadline) {
        statuses = await Promise.all(
          ids.map(
            async (id) => (await call<PaymentBody>(b.url, 'GET', `/v1/payments/${id}`)).body.status,
          ),
        );
        if (statuses.every((s) => s === 'completed')) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(statuses).toEqual(Array(10).fill('completed'));
      for (const id of ids) {
        const history = await events(id);
        expect(history.filter((e) => e.source === 'reconciler')).toHaveLength(1);
      }
    } finally {
      await sandboxAdmin(sandboxUrl, 'POST', '/sandbox-admin/notifications/mode', {
        mode: 'normal',
      });
    }
  });

  it('should deliver every event exactly once with both relays running', async () => {
    const subscriber = new TestSubscriber();
    await subscriber.start();
    try {
      const endpoint = await call<{ secret: string }>(a.url, 'POST', '/v1/webhook-endpoints', {
        url: subscriber.url,
        eventTypes: ['*'],
      });
      subscriber.secrets.push(endpoint.body.secret);
      const created = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          createPayment<PaymentBody>(
            replicas()[i % 2]?.url ?? '',
            paymentRequest({}, { number: i % 3 === 0 ? CARDS.threeDs : CARDS.noThreeDs }),
          ),
        ),
      );
      await Promise.all(
        created
          .filter((r) => r.body.nextAction)
          .map((r) => submit3ds(r.body.nextAction?.url ?? '', 'success')),
      );
      const ids = new Set(created.map((r) => r.body.id));
      // 20 payments with one event, 10 with two.
      await subscriber.waitFor(
        () => subscriber.accepted.filter((d) => ids.has(d.event.paymentId ?? '')).length >= 40,
        15_000,
      );
      await new Promise((r) => setTimeout(r, 500));
      const ours = subscriber.deliveries.filter((d) => ids.has(d.event.paymentId ?? ''));
      const perEvent = new Map<string, number>();
      for (const d of ours) perEvent.set(d.event.id, (perEvent.get(d.event.id) ?? 0) + 1);
      expect(perEvent.size).toBe(40);
      expect([...perEvent.values()].every((n) => n === 1)).toBe(true);
      expect(ours.every((d) => d.verifiedWith.length === 1)).toBe(true);
    } finally {
      await subscriber.stop();
    }
  });

  it('should let exactly one of 10 concurrent 60% captures through, spread over both replicas', async () => {
    const created = await createPayment<PaymentBody>(
      a.url,
      paymentRequest({ amount: 1000, captureMode: 'manual' }, { number: CARDS.noThreeDs }),
    );
    expect(created.body.status).toBe('authorized');
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call<{ status: string; error?: { code: string } }>(
          replicas()[i % 2]?.url ?? '',
          'POST',
          `/v1/payments/${created.body.id}/captures`,
          { amount: 600 },
          { idempotencyKey: randomUUID() },
        ),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(422)]);
    const orders = (await (await fetch(`${sandboxUrl}/sandbox-admin/orders`)).json()) as {
      auth_order_id?: string | null;
    }[];
    expect(orders.filter((o) => o.auth_order_id === created.body.orderId)).toHaveLength(1);
  });
});
