// over-400: the API the console reads: a suite per route, one service and database.
import type { Schema } from '@app/client';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  call,
  CARDS,
  createPayment,
  paymentRequest,
  type ErrorResponse,
  type PaymentBody,
} from './support/api.js';
import { startApp, type RunningApp } from './support/app.js';
import { ensureBuilt } from './support/process.js';
import { submit3ds } from './support/sandbox.js';
import { TestSubscriber } from './support/subscriber.js';

// The reads the operators' console needs, which any other caller may use too: who a key is,
// the payments search, a payment's notifications, an event's deliveries, and who asked for a
// refund or a capture.
const READER = 'reader-secret-0123456789abcdef';
const EVENTS_ONLY = 'events-secret-0123456789abcdef';

type Page = Schema<'PaymentListResponseDto'>;

describe('serving the console at /console, and the security headers per route', () => {
  let sut: RunningApp;

  beforeAll(async () => {
    // The console's files come from dist/console, built by the same script as `npm start`.
    ensureBuilt();
    sut = await startApp({ RECONCILE_INTERVAL_MS: '0' });
  });

  afterAll(async () => {
    await sut?.close();
  });

  const get = async (path: string) => {
    const res = await fetch(`${sut.url}${path}`);
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  const directives = (csp: string | null) =>
    new Map(
      (csp ?? '').split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );

  it("should serve index.html uncached under a CSP that allows only the console's own scripts", async () => {
    for (const path of ['/console', '/console/', '/console/payments/anything']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('script-src-attr')).toEqual(["'none'"]);
      expect(csp.get('connect-src')).toEqual(["'self'"]);
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-eval|https:|http:/);
      // No inline script in the page: every script is a file of our origin.
      expect(res.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    }
  });

  it('should cache the hashed files for a year as immutable, and answer 404 for a missing one', async () => {
    const index = await get('/console/');
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(index.text)?.[1];
    expect(script).toMatch(/-[A-Za-z0-9_-]{8}\.js$/);
    const asset = await get(script ?? '');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    const missing = await get('/console/assets/index-00000000.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).not.toMatch(/html/);
  });

  it('should allow inline scripts only on Swagger UI, the demo and the sandbox pages', async () => {
    for (const path of ['/docs', '/demo', '/sandbox/connect/x', '/sandbox-admin/orders']) {
      const csp = directives((await get(path)).headers.get('content-security-policy'));
      expect(csp.get('script-src'), path).toContain("'unsafe-inline'");
    }
    for (const path of [
      '/v1/payments',
      '/health/live',
      '/console',
      '/documents',
      '/democracy',
      '/sandboxes',
    ]) {
      const csp = (await get(path)).headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/script-src 'self'(;|$)/);
      expect(directives(csp).get('script-src'), path).toEqual(["'self'"]);
    }
  });

  it('should not serve the console with CONSOLE_ENABLED=false', async () => {
    const off = await startApp({ RECONCILE_INTERVAL_MS: '0', CONSOLE_ENABLED: 'false' });
    try {
      const res = await fetch(`${off.url}/console/`);
      await res.text();
      expect(res.status).toBe(404);
    } finally {
      await off.close();
    }
  });
});

describe('the API the console reads (through HTTP, real PostgreSQL)', () => {
  let sut: RunningApp;
  const subscriber = new TestSubscriber();

  beforeAll(async () => {
    await subscriber.start();
    sut = await startApp({
      RECONCILE_INTERVAL_MS: '0',
      API_KEYS: `dev:dev-secret,support:${READER}:payments:read,feed:${EVENTS_ONLY}:events:read`,
    });
  });

  afterAll(async () => {
    await sut?.close();
    await subscriber.stop();
  });

  const search = (query: Record<string, string>, key?: string) =>
    call<Page & ErrorResponse>(
      sut.url,
      'GET',
      `/v1/payments?${new URLSearchParams(query).toString()}`,
      undefined,
      { key },
    );

  describe('GET /v1/me', () => {
    it("should name the key and list its scopes, never its secret; admin's are all of them", async () => {
      const dev = await call<{ name: string; scopes: string[] }>(sut.url, 'GET', '/v1/me');
      expect(dev.status).toBe(200);
      expect(dev.body).toEqual({
        name: 'dev',
        scopes: [
          'payments:read',
          'payments:write',
          'refunds:write',
          'events:read',
          'events:admin',
          'admin',
        ],
      });
      const reader = await call(sut.url, 'GET', '/v1/me', undefined, { key: READER });
      expect(reader.body).toEqual({ name: 'support', scopes: ['payments:read'] });
      expect(reader.text).not.toContain(READER);
    });

    it('should answer 401 UNAUTHENTICATED without a key or with a wrong one', async () => {
      for (const key of [null, 'not-a-key']) {
        const res = await call<ErrorResponse>(sut.url, 'GET', '/v1/me', undefined, { key });
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe('UNAUTHENTICATED');
      }
    });
  });

  describe('GET /v1/payments?q= (search)', () => {
    let visa: PaymentBody;
    let amex: PaymentBody;
    const before = new Date(Date.now() - 1000).toISOString();

    beforeAll(async () => {
      visa = (await createPayment<PaymentBody>(sut.url, paymentRequest())).body;
      amex = (
        await createPayment<PaymentBody>(
          sut.url,
          paymentRequest({}, { number: CARDS.amexNoThreeDs, cvc: '1234' }),
        )
      ).body;
      expect(visa.status).toBe('completed');
      expect(amex.status).toBe('completed');
    });

    it('should find a payment by our id, its orderId and its MultiSafepay transaction id', async () => {
      const transactionId = visa.gateway.transactionId ?? '';
      expect(transactionId).not.toBe('');
      for (const q of [visa.id, visa.orderId, transactionId]) {
        const res = await search({ q });
        expect(res.status).toBe(200);
        expect(res.body.data.map((p) => p.id)).toEqual([visa.id]);
      }
    });

    it("should find payments by the card's last 4 digits within a date range, newest first", async () => {
      const last4 = visa.card.last4 ?? '';
      expect(last4).toBe(CARDS.noThreeDs.slice(-4));
      const res = await search({ q: last4, createdFrom: before });
      expect(res.status).toBe(200);
      const ids = res.body.data.map((p) => p.id);
      expect(ids).toContain(visa.id);
      expect(ids).not.toContain(amex.id);
      expect(res.body.data.every((p) => p.card.last4 === last4)).toBe(true);
      // A range that ends before they were made finds none of them.
      const earlier = await search({ q: last4, createdTo: before });
      expect(earlier.body.data.map((p) => p.id)).not.toContain(visa.id);
    });

    it('should page a search with the cursor, without repeats', async () => {
      const more = await createPayment<PaymentBody>(sut.url, paymentRequest());
      const last4 = visa.card.last4 ?? '';
      const first = await search({ q: last4, createdFrom: before, limit: '1' });
      expect(first.body.data.map((p) => p.id)).toEqual([more.body.id]);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await search({
        q: last4,
        createdFrom: before,
        limit: '1',
        cursor: first.body.nextCursor ?? '',
      });
      expect(second.body.data.map((p) => p.id)).toEqual([visa.id]);
    });

    it('should combine the search with the status filter', async () => {
      const res = await search({ q: visa.orderId, status: 'declined' });
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual([]);
    });

    it('should find nothing for an unknown term, and refuse a malformed one with 400', async () => {
      expect((await search({ q: 'no-such-order' })).body.data).toEqual([]);
      for (const q of ['', "1' OR '1'='1", 'x'.repeat(51), '4111 1111']) {
        const res = await search({ q });
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
        expect(JSON.stringify(res.body.error.details)).toContain('q must be');
      }
    });

    it('should be open to payments:read and refused to a key without it', async () => {
      expect((await search({ q: visa.orderId }, READER)).body.data).toHaveLength(1);
      const refused = await search({ q: visa.orderId }, EVENTS_ONLY);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
    });
  });

  describe('GET /v1/payments/{id}/notifications', () => {
    it('should list what MultiSafepay sent about a payment, with method, signature verdict and outcome', async () => {
      const created = await createPayment<PaymentBody>(
        sut.url,
        paymentRequest({}, { number: CARDS.threeDs }),
      );
      expect(created.body.status).toBe('initialized');
      await submit3ds(created.body.nextAction?.url ?? '', 'success');
      await expect
        .poll(
          async () =>
            (await call<PaymentBody>(sut.url, 'GET', `/v1/payments/${created.body.id}`)).body
              .status,
          { timeout: 10_000 },
        )
        .toBe('completed');
      const res = await call<{ data: Record<string, unknown>[] }>(
        sut.url,
        'GET',
        `/v1/payments/${created.body.id}/notifications`,
        undefined,
        { key: READER },
      );
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeGreaterThanOrEqual(1);
      expect(res.body.data[0]).toEqual({
        id: expect.any(String),
        receivedAt: expect.any(String),
        method: 'POST',
        orderId: created.body.orderId,
        signatureOk: true,
        outcome: 'applied',
        note: null,
        source: expect.any(String),
      });
    });

    it('should record a forged notification as refused with its verdict', async () => {
      const created = await createPayment<PaymentBody>(sut.url, paymentRequest());
      type Notifications = Schema<'PaymentNotificationListResponseDto'>;
      const verdicts = async () =>
        (
          await call<Notifications>(sut.url, 'GET', `/v1/payments/${created.body.id}/notifications`)
        ).body.data.map((n) => [n.signatureOk, n.outcome]);
      // The sandbox notifies the completion on its own, a moment after the answer: that first.
      await expect.poll(verdicts, { timeout: 10_000 }).toEqual([[true, 'noop']]);
      const forged = await fetch(
        `${sut.url}/webhooks/multisafepay?transactionid=${created.body.orderId}&timestamp=1`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', auth: 'Zm9yZ2Vk' },
          body: JSON.stringify({ order_id: created.body.orderId, status: 'refunded' }),
        },
      );
      await forged.text();
      // Then the forged one, refused, beside it.
      expect(await verdicts()).toEqual([
        [true, 'noop'],
        [false, 'bad_signature'],
      ]);
      // It changed nothing.
      expect(
        (await call<PaymentBody>(sut.url, 'GET', `/v1/payments/${created.body.id}`)).body.status,
      ).toBe('completed');
    });

    it('should answer 404 for an unknown payment, 400 for a malformed id, 403 without payments:read', async () => {
      const unknown = await call<ErrorResponse>(
        sut.url,
        'GET',
        `/v1/payments/${randomUUID()}/notifications`,
      );
      expect([unknown.status, unknown.body.error.code]).toEqual([404, 'PAYMENT_NOT_FOUND']);
      const malformed = await call<ErrorResponse>(sut.url, 'GET', '/v1/payments/x/notifications');
      expect([malformed.status, malformed.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      const refused = await call<ErrorResponse>(
        sut.url,
        'GET',
        `/v1/payments/${randomUUID()}/notifications`,
        undefined,
        { key: EVENTS_ONLY },
      );
      expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
    });
  });

  describe('GET /v1/events/{id}/deliveries', () => {
    it("should list an event's delivery per endpoint with status, attempts, last error and attempt log", async () => {
      const endpoint = await call<{ id: string; secret: string }>(
        sut.url,
        'POST',
        '/v1/webhook-endpoints',
        { url: subscriber.url, eventTypes: ['payment.completed'] },
      );
      expect(endpoint.status).toBe(201);
      subscriber.secrets = [endpoint.body.secret];
      subscriber.mode = { kind: 'status', status: 503 };
      const payment = (await createPayment<PaymentBody>(sut.url, paymentRequest())).body;
      // The feed shows a transaction once every older one on the server has ended
      // (docs/events.md): with other databases busy beside this one, that can take a moment.
      const completed = await vi.waitFor(
        async () => {
          const events = await call<{ data: { id: string; type: string }[] }>(
            sut.url,
            'GET',
            `/v1/events?paymentId=${payment.id}`,
          );
          const found = events.body.data.find((e) => e.type === 'payment.completed');
          expect(found).toBeDefined();
          return found;
        },
        { timeout: 10_000 },
      );
      const path = `/v1/events/${completed?.id}/deliveries`;
      type Deliveries = Schema<'EventDeliveryListDto'>;
      // Ours, beside the demo's built-in subscriber's.
      const ours = async (key?: string) =>
        (await call<Deliveries>(sut.url, 'GET', path, undefined, { key })).body.data.filter(
          (d) => d.endpointId === endpoint.body.id,
        );
      await expect
        .poll(async () => (await ours(EVENTS_ONLY))[0]?.lastError, { timeout: 10_000 })
        .toBe('HTTP 503');
      const failing = await ours();
      expect(failing).toHaveLength(1);
      expect(failing[0]).toMatchObject({
        eventId: completed?.id,
        eventType: 'payment.completed',
        channel: 'webhook',
        endpointId: endpoint.body.id,
        endpointUrl: subscriber.url,
        status: 'pending',
        attempts: 1,
        lastStatus: 503,
        lastError: 'HTTP 503',
        deliveredAt: null,
        attemptLog: [expect.objectContaining({ status: 503, error: 'HTTP 503' })],
      });

      // Redelivered to a receiver that now accepts it: a new attempt, delivered.
      subscriber.mode = { kind: 'ok' };
      const redeliver = await call(sut.url, 'POST', `/v1/events/${completed?.id}/redeliver`, {
        endpointId: endpoint.body.id,
      });
      expect(redeliver.status).toBe(202);
      await expect
        .poll(async () => (await ours())[0]?.status, { timeout: 10_000 })
        .toBe('succeeded');
      const delivered = (await ours())[0];
      expect(delivered?.deliveredAt).toEqual(expect.any(String));
      expect(delivered?.attemptLog).toEqual([
        expect.objectContaining({ status: 503 }),
        expect.objectContaining({ status: 204, error: null }),
      ]);
      await call(sut.url, 'DELETE', `/v1/webhook-endpoints/${endpoint.body.id}`);
    });

    it('should answer 404 for an unknown event, 400 for a malformed id, 403 without events:read', async () => {
      const unknown = await call<ErrorResponse>(
        sut.url,
        'GET',
        `/v1/events/evt_${'0'.repeat(26)}/deliveries`,
      );
      expect([unknown.status, unknown.body.error.code]).toEqual([404, 'EVENT_NOT_FOUND']);
      const malformed = await call<ErrorResponse>(sut.url, 'GET', '/v1/events/nope/deliveries');
      expect([malformed.status, malformed.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      const refused = await call<ErrorResponse>(
        sut.url,
        'GET',
        `/v1/events/evt_${'0'.repeat(26)}/deliveries`,
        undefined,
        { key: READER },
      );
      expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
    });
  });

  it('should name the API key that asked for a refund and for a capture', async () => {
    const paid = (await createPayment<PaymentBody>(sut.url, paymentRequest())).body;
    const refund = await call<{ requestedBy: string }>(
      sut.url,
      'POST',
      `/v1/payments/${paid.id}/refunds`,
      { amount: 100 },
      { idempotencyKey: randomUUID() },
    );
    expect(refund.status).toBe(201);
    expect(refund.body.requestedBy).toBe('dev');
    const refunds = await call<{ data: { requestedBy: string }[] }>(
      sut.url,
      'GET',
      `/v1/payments/${paid.id}/refunds`,
      undefined,
      { key: READER },
    );
    expect(refunds.body.data.map((r) => r.requestedBy)).toEqual(['dev']);

    const authorized = (
      await createPayment<PaymentBody>(sut.url, paymentRequest({ captureMode: 'manual' }))
    ).body;
    expect(authorized.status).toBe('authorized');
    const capture = await call<{ requestedBy: string }>(
      sut.url,
      'POST',
      `/v1/payments/${authorized.id}/captures`,
      { amount: 400 },
      { idempotencyKey: randomUUID() },
    );
    expect(capture.status).toBe(201);
    expect(capture.body.requestedBy).toBe('dev');
    const captures = await call<{ data: { requestedBy: string }[] }>(
      sut.url,
      'GET',
      `/v1/payments/${authorized.id}/captures`,
    );
    expect(captures.body.data.map((c) => c.requestedBy)).toEqual(['dev']);
  });

  it("should give a payment's customer: recurring.customerReference, else customer.reference, else null", async () => {
    const base = paymentRequest();
    const customer = { ...base.customer, reference: 'cust-console-7' };
    const plain = (await createPayment<PaymentBody>(sut.url, { ...base, customer })).body;
    const saving = (
      await createPayment<PaymentBody>(
        sut.url,
        paymentRequest({
          customer,
          recurring: { model: 'cardOnFile', customerReference: 'cust-saving-8' },
        }),
      )
    ).body;
    const anonymous = (await createPayment<PaymentBody>(sut.url, paymentRequest())).body;
    const expected = [
      [plain, 'cust-console-7'],
      [saving, 'cust-saving-8'],
      [anonymous, null],
    ] as const;
    for (const [payment, reference] of expected) {
      expect(payment.customerReference).toBe(reference);
      // The same to a reader, and in the list the console searches.
      const read = await call<PaymentBody>(
        sut.url,
        'GET',
        `/v1/payments/${payment.id}`,
        undefined,
        {
          key: READER,
        },
      );
      expect(read.body.customerReference).toBe(reference);
      const found = await search({ q: payment.orderId }, READER);
      expect(found.body.data.map((p) => p.customerReference)).toEqual([reference]);
    }
  });

  // The console sends cancel, release and refresh again on a double click that gets through or a
  // retry after an error (same Idempotency-Key, which these routes do not need): the payment moves
  // once, and the repeat says why it did nothing.
  describe('cancel, release and refresh sent twice act once', () => {
    const history = async (id: string) =>
      (
        await call<{ data: { from: string | null; to: string }[] }>(
          sut.url,
          'GET',
          `/v1/payments/${id}/events`,
        )
      ).body.data.map((e) => `${e.from ?? ''}→${e.to}`);
    const twice = async (id: string, action: 'cancel' | 'refresh') => {
      const idempotencyKey = randomUUID();
      const first = await call<PaymentBody & ErrorResponse>(
        sut.url,
        'POST',
        `/v1/payments/${id}/${action}`,
        undefined,
        { idempotencyKey },
      );
      const second = await call<PaymentBody & ErrorResponse>(
        sut.url,
        'POST',
        `/v1/payments/${id}/${action}`,
        undefined,
        { idempotencyKey },
      );
      return [first, second] as const;
    };

    it('should cancel once: the repeat is refused as NOT_CANCELLABLE, the payment moved to void once', async () => {
      const open = (
        await createPayment<PaymentBody>(sut.url, paymentRequest({}, { number: CARDS.threeDs }))
      ).body;
      expect(open.status).toBe('initialized');
      const [first, second] = await twice(open.id, 'cancel');
      expect(first.status).toBe(200);
      expect(first.body.status).toBe('void');
      expect(second.status).toBe(409);
      expect(second.body.error.code).toBe('NOT_CANCELLABLE');
      expect((await history(open.id)).filter((move) => move.endsWith('→void'))).toEqual([
        'initialized→void',
      ]);
    });

    it('should release once: the repeat is refused, the rest released and the payment completed once', async () => {
      const authorized = (
        await createPayment<PaymentBody>(sut.url, paymentRequest({ captureMode: 'manual' }))
      ).body;
      const captured = await call(
        sut.url,
        'POST',
        `/v1/payments/${authorized.id}/captures`,
        { amount: 400 },
        { idempotencyKey: randomUUID() },
      );
      expect(captured.status).toBe(201);
      const [first, second] = await twice(authorized.id, 'cancel');
      expect(first.status).toBe(200);
      expect(first.body.status).toBe('completed');
      expect(first.body.capture?.capturedAmount).toBe(400);
      expect(second.status).toBe(409);
      expect(second.body.error.code).toBe('NOT_CANCELLABLE');
      expect(
        (await history(authorized.id)).filter((move) => move.startsWith('authorized→')),
      ).toEqual(['authorized→completed']);
      const after = await call<PaymentBody>(sut.url, 'GET', `/v1/payments/${authorized.id}`);
      expect(after.body.capture).toMatchObject({ capturedAmount: 400, capturableAmount: 0 });
    });

    it('should refresh twice to the same answer, the repeat recording nothing', async () => {
      const open = (
        await createPayment<PaymentBody>(sut.url, paymentRequest({}, { number: CARDS.threeDs }))
      ).body;
      await submit3ds(open.nextAction?.url ?? '', 'success');
      const [first, second] = await twice(open.id, 'refresh');
      expect(first.status).toBe(200);
      expect(first.body.status).toBe('completed');
      expect(second.status).toBe(200);
      expect(second.body).toEqual({ ...first.body, updatedAt: second.body.updatedAt });
      const moves = await history(open.id);
      expect(moves.filter((move) => move.endsWith('→completed'))).toEqual([
        'initialized→completed',
      ]);
    });
  });
});
