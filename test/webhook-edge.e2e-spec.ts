import { parse, stringify } from 'lossless-json';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NotificationsService } from '@app/payments';
import { call, CARDS, createPayment, paymentRequest, type PaymentBody } from './support/api.js';
import { startApp, type RunningApp } from './support/app.js';
import { signNotification } from './support/msp-signature.js';
import { sandboxAdmin, submit3ds } from './support/sandbox.js';

const MSP_KEY = 'edge-test-api-key';
const FLOOD = 5_000;

interface RequestLogEntry {
  method: string;
  path: string;
}

/**
 * The public edge of /webhooks/multisafepay, as an attacker and an operator would try it: a
 * flood of unsigned GETs for one known order, a flood of forged POSTs, senders behind a proxy.
 */
describe.each([
  ['coalesced reads', { WEBHOOK_RATE_LIMIT_PER_SECOND: '0' }],
  [
    'rate limit, allowlist, bounded audit',
    {
      // Bursts of 40 per sender.
      WEBHOOK_RATE_LIMIT_PER_SECOND: '20',
      WEBHOOK_REFUSED_AUDIT_ROWS: '10',
      TRUST_PROXY: 'loopback',
      WEBHOOK_ALLOWED_CIDRS: '127.0.0.0/8, ::1, 198.51.100.0/24',
    },
  ],
] as const)('webhook edge: %s', (part, env) => {
  let sut: RunningApp;

  beforeAll(async () => {
    sut = await startApp({
      MSP_ENV: 'sandbox',
      MSP_API_KEY: MSP_KEY,
      RECONCILE_INTERVAL_MS: '0',
      WEBHOOK_REREAD_WINDOW_MS: '2000',
      ...env,
    });
  });
  const coalescing = part === 'coalesced reads';
  /** Each part registers only its own scenarios, so none shows as skipped in the other. */
  const own = (mine: boolean): typeof it =>
    mine ? it : ((() => undefined) as unknown as typeof it);

  afterAll(async () => {
    await sut?.close();
  });

  afterEach(async () => {
    await sandboxAdmin(sut.url, 'DELETE', '/sandbox-admin/faults');
    await sandboxAdmin(sut.url, 'POST', '/sandbox-admin/notifications/mode', { mode: 'normal' });
  });

  const statusOf = async (id: string): Promise<string> =>
    (await call<PaymentBody>(sut.url, 'GET', `/v1/payments/${id}`)).body.status;

  /** MultiSafepay's reads of one order so far (the sandbox's request log). */
  const readsOf = async (orderId: string): Promise<number> =>
    (await sandboxAdmin<RequestLogEntry[]>(sut.url, 'GET', '/sandbox-admin/requests')).filter(
      (r) => r.method === 'GET' && r.path.endsWith(`/orders/${orderId}`),
    ).length;

  const getNotification = (orderId: string, headers: Record<string, string> = {}) =>
    fetch(`${sut.url}/webhooks/multisafepay?transactionid=${orderId}&timestamp=1`, {
      headers,
    }).then(async (r) => [r.status, await r.text()] as const);

  const postNotification = (
    orderId: string,
    body: string,
    auth: string,
    headers: Record<string, string> = {},
  ) =>
    fetch(
      `${sut.url}/webhooks/multisafepay?transactionid=${orderId}&timestamp=${Math.floor(Date.now() / 1000)}`,
      { method: 'POST', headers: { 'content-type': 'application/json', auth, ...headers }, body },
    ).then(async (r) => [r.status, await r.text()] as const);

  /** The order as MultiSafepay would POST it: compact, keys sorted, big integers intact. */
  async function orderJson(orderId: string): Promise<string> {
    const res = await fetch(`${sut.url}/sandbox/v1/json/orders/${orderId}`, {
      headers: { api_key: MSP_KEY },
    });
    const envelope = parse(await res.text()) as { data: Record<string, unknown> };
    return stringify(sortKeys(envelope.data)) ?? '';
  }

  /** A 3-D Secure payment still `initialized` here; MultiSafepay's own notifications dropped. */
  async function pendingPayment(): Promise<PaymentBody> {
    await sandboxAdmin(sut.url, 'POST', '/sandbox-admin/notifications/mode', { mode: 'drop' });
    const res = await createPayment<PaymentBody>(
      sut.url,
      paymentRequest({ notificationMethod: 'GET' }, { number: CARDS.threeDs }),
    );
    expect(res.body.status).toBe('initialized');
    return res.body;
  }

  async function metric(pattern: RegExp): Promise<number> {
    const text = await (await fetch(`${sut.url}/metrics`)).text();
    return text
      .split('\n')
      .filter((line) => pattern.test(line))
      .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
  }

  own(coalescing)(
    'should make at most 2 MultiSafepay reads for 300 concurrent GETs of a completed payment',
    async () => {
      const payment = await pendingPayment();
      await submit3ds(payment.nextAction?.url ?? '', 'success');
      const before = await readsOf(payment.orderId);
      // Reads answer after 10 s: on two loaded cores, 300 requests can take seconds to arrive,
      // and the bound of 2 is for those that arrive before the trailing read starts.
      await sandboxAdmin(sut.url, 'POST', '/sandbox-admin/latency', { ms: 10_000 });
      const answers = Promise.all(
        Array.from({ length: 300 }, () => getNotification(payment.orderId)),
      );

      expect(await answers).toEqual(Array(300).fill([200, 'OK']));
      expect((await readsOf(payment.orderId)) - before).toBeLessThanOrEqual(2);
      expect(await statusOf(payment.id)).toBe('completed');
      const outcomes = await sut.dataSource.query<{ outcome: string; n: number }[]>(
        `SELECT outcome, count(*)::int AS n FROM notifications WHERE order_id = $1 GROUP BY 1`,
        [payment.orderId],
      );
      // One delivery applied the read; every other one shared a read (and has its audit row).
      expect(Object.fromEntries(outcomes.map((o) => [o.outcome, o.n]))).toMatchObject({
        applied: 1,
      });
      expect(outcomes.reduce((sum, o) => sum + o.n, 0)).toBe(300);
    },
    120_000,
  );

  own(coalescing)(
    'should apply a change that lands at MultiSafepay while a shared read is in flight',
    async () => {
      const payment = await pendingPayment();
      // The first read sees the order as it is, and answers 1.5 s later.
      await sandboxAdmin(sut.url, 'POST', '/sandbox-admin/latency', {
        ms: 1_500,
        stage: 'after_read',
      });
      const first = getNotification(payment.orderId);
      const deadline = Date.now() + 5_000;
      const inFlight = async () =>
        (
          await sut.dataSource.query<{ in_flight: boolean }[]>(
            `SELECT read_gen > done_gen AS in_flight FROM notification_reads WHERE payment_id = $1`,
            [payment.id],
          )
        )[0]?.in_flight === true;
      while (!(await inFlight()) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 10));
      }
      // Claimed; give the call the moment it needs to reach MultiSafepay, which reads at once.
      await new Promise((r) => setTimeout(r, 200));
      await submit3ds(payment.nextAction?.url ?? '', 'success');
      // MultiSafepay's notification of that change, arriving while the first read is in flight.
      const second = await getNotification(payment.orderId);

      expect(second).toEqual([200, 'OK']);
      // Answered OK means committed: the change is applied by the time the answer is sent.
      expect(await statusOf(payment.id)).toBe('completed');
      expect(await first).toEqual([200, 'OK']);
      // The first read saw the order before the change (so it could not count for the second
      // delivery); the second delivery's own read applied it.
      const outcomes = await sut.dataSource.query<{ outcome: string }[]>(
        `SELECT outcome FROM notifications WHERE order_id = $1 ORDER BY received_at`,
        [payment.orderId],
      );
      expect(outcomes.map((o) => o.outcome)).toEqual(['noop', 'applied']);
    },
  );

  own(!coalescing)(
    'should refuse 5,000 forged POSTs (401 or 429) with a bounded audit, and still apply a genuine one within 2 s',
    async () => {
      const victim = await pendingPayment();
      await submit3ds(victim.nextAction?.url ?? '', 'success');
      const genuineBody = await orderJson(victim.orderId);
      const forgedBody = genuineBody.replace('"status":"completed"', '"status":"chargedback"');
      const forged = Buffer.from(`${Math.floor(Date.now() / 1000)}:${'ab'.repeat(64)}`).toString(
        'base64',
      );
      const refusedBefore = await metric(
        /^webhook_notifications_total\{method="POST",outcome="(bad_signature|rate_limited)"\}/,
      );

      const statuses = new Map<number, number>();
      let sent = 0;
      let genuine: Promise<{ answer: readonly [number, string]; ms: number }> | undefined;
      await Promise.all(
        Array.from({ length: 50 }, async () => {
          while (sent < FLOOD) {
            sent += 1;
            if (sent === FLOOD / 2) {
              const started = Date.now();
              genuine = postNotification(
                victim.orderId,
                genuineBody,
                signNotification(genuineBody, MSP_KEY),
              ).then((answer) => ({ answer, ms: Date.now() - started }));
            }
            const [status] = await postNotification(victim.orderId, forgedBody, forged);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
          }
        }),
      );

      expect([...statuses.keys()].every((s) => s === 401 || s === 429)).toBe(true);
      expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(FLOOD);
      const applied = await genuine;
      expect(applied?.answer).toEqual([200, 'OK']);
      expect(applied?.ms).toBeLessThan(2_000);
      expect(await statusOf(victim.id)).toBe('completed');

      // The audit: a few rows of their own, and counts per source, reason and minute.
      await sut.app.get(NotificationsService).flushRefusals();
      const rows = await sut.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM notifications WHERE order_id = $1 AND signature_ok = false`,
        [victim.orderId],
      );
      expect(rows[0]?.n).toBeGreaterThan(0);
      expect(rows[0]?.n).toBeLessThanOrEqual(30);
      const counts = await sut.dataSource.query<
        { source: string; reason: string; refused: number }[]
      >(
        `SELECT source, reason, refused FROM notification_refusals
       WHERE minute >= now() - interval '5 minutes' AND source = '127.0.0.1'`,
      );
      expect(counts.length).toBeLessThanOrEqual(10);
      // Every refusal counted (other tests' refusals from this source may add to it).
      expect(counts.reduce((sum, c) => sum + c.refused, 0)).toBeGreaterThanOrEqual(FLOOD);
      expect(new Set(counts.map((c) => c.reason))).toEqual(
        new Set(['bad_signature', 'rate_limited']),
      );
      const refusedAfter = await metric(
        /^webhook_notifications_total\{method="POST",outcome="(bad_signature|rate_limited)"\}/,
      );
      expect(refusedAfter - refusedBefore).toBe(FLOOD);
    },
    300_000,
  );

  own(!coalescing)(
    'should limit each sender behind the trusted proxy on its own, by X-Forwarded-For',
    async () => {
      // A sender of its own per run, and only rows since it started: DATABASE_URL may hold an
      // earlier run's rows.
      const source = `198.51.100.${10 + Math.floor(Math.random() * 240)}`;
      const since = new Date();
      const noisy = { 'x-forwarded-for': source };
      const quiet = { 'x-forwarded-for': '198.51.100.8' };
      const answers: (readonly [number, string])[] = [];
      await Promise.all(
        Array.from({ length: 100 }, async () => {
          for (let i = 0; i < 10; i += 1)
            answers.push(await getNotification('never-ours-edge', noisy));
        }),
      );
      expect(answers.filter(([s]) => s === 429).length).toBeGreaterThan(0);
      expect(answers.every(([s]) => s === 200 || s === 429)).toBe(true);
      expect(await getNotification('never-ours-edge', quiet)).toEqual([200, 'OK']);
      await sut.app.get(NotificationsService).flushRefusals();
      const counts = await sut.dataSource.query<{ reason: string; refused: number }[]>(
        `SELECT reason, sum(refused)::int AS refused FROM notification_refusals
       WHERE source = $1 AND minute >= date_trunc('minute', $2::timestamptz) GROUP BY 1 ORDER BY 1`,
        [source, since],
      );
      expect(counts).toEqual([
        { reason: 'rate_limited', refused: answers.filter(([s]) => s === 429).length },
        { reason: 'unknown_order', refused: answers.filter(([s]) => s === 200).length },
      ]);
      const own = await sut.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM notifications WHERE source = $1 AND received_at >= $2`,
        [source, since],
      );
      // Ten a minute (twice that if the test straddles a minute).
      expect(own[0]?.n).toBeGreaterThanOrEqual(10);
      expect(own[0]?.n).toBeLessThanOrEqual(20);
    },
    120_000,
  );

  own(!coalescing)(
    'should refuse a sender outside WEBHOOK_ALLOWED_CIDRS with 403, signed or not',
    async () => {
      const outside = { 'x-forwarded-for': '203.0.113.9' };
      const [status, text] = await getNotification('never-ours-edge', outside);
      expect(status).toBe(403);
      expect(JSON.parse(text)).toMatchObject({ error: { code: 'SOURCE_NOT_ALLOWED' } });
      const body = JSON.stringify({ order_id: 'never-ours-edge', status: 'completed' });
      const [postStatus] = await postNotification(
        'never-ours-edge',
        body,
        signNotification(body, MSP_KEY),
        outside,
      );
      expect(postStatus).toBe(403);
    },
  );
});

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object' && value.constructor === Object) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
