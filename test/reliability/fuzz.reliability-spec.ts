// over-400: one property per route against one service, its arbitraries beside it.
import type { HostResolver } from '@app/payments';
import fc from 'fast-check';
import { createHmac, randomBytes } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentRequest } from '../support/api.js';
import { startApp, type RunningApp } from '../support/app.js';
import { report } from '../support/report.js';

/**
 * Hostile input: property-based fuzzing of bodies, headers, query strings, webhook payloads and
 * webhook endpoint URLs. 12,000 cases in all. Every answer must come within 5 s, be a 4xx/2xx (or
 * 502-504 from the gateway, never 500), and the service must stay healthy.
 */
const MSP_KEY = 'fuzz-msp-key';
const OPS_KEY = `ops-${randomBytes(16).toString('hex')}`;

describe('hostile input (fast-check)', () => {
  let sut: RunningApp;
  let requests = 0;
  let serverErrors = 0;
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    sut = await startApp(
      {
        RATE_LIMIT_PER_SECOND: '0',
        // The edge's per-sender limit would answer 429 to the unsigned deliveries checked below.
        WEBHOOK_RATE_LIMIT_PER_SECOND: '0',
        RECONCILE_INTERVAL_MS: '0',
        MSP_ENV: 'sandbox',
        MSP_API_KEY: MSP_KEY,
        LOG_LEVEL: 'warn',
      },
      // DNS is the test's (fuzzDns): offline, and a name means what the oracle below says.
      { resolveHost: fuzzDns },
    );
  });

  afterAll(async () => {
    const orders = (await (await fetch(`${sut.url}/sandbox-admin/orders`)).json()) as {
      order_id: string;
    }[];
    report({
      scenario: 'hostile input',
      injected: 'fast-check bodies, headers, queries, paths, webhook payloads, endpoint URLs',
      attempted: requests,
      ordersAtSandbox: orders.length,
      duplicates: orders.length - new Set(orders.map((o) => o.order_id)).size,
      stuck: 0,
      serverErrors,
      notes: [...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' '),
    });
    await sut?.close();
  });

  async function send(path: string, init: RequestInit): Promise<number> {
    requests += 1;
    const res = await fetch(`${sut.url}${path}`, { ...init, signal: AbortSignal.timeout(5_000) });
    await res.arrayBuffer();
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.status === 500 || res.status > 504) serverErrors += 1;
    return res.status;
  }

  const fine = (status: number) => status < 500 || (status >= 502 && status <= 504);
  const auth = { authorization: 'Bearer dev-secret' };
  const header = fc.stringMatching(/^[\x21-\x7e]{0,40}$/);

  it('should survive arbitrary JSON bodies on POST /v1/payments', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json({ maxDepth: 4 }), header, async (body, key) => {
        const status = await send('/v1/payments', {
          method: 'POST',
          headers: {
            ...auth,
            'content-type': 'application/json',
            ...(key ? { 'idempotency-key': key } : {}),
          },
          body,
        });
        expect(fine(status)).toBe(true);
      }),
      { numRuns: 2500 },
    );
  });

  it('should survive mutated payment requests (typed fields of the wrong type, shape or size)', async () => {
    const anyValue = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.object({ maxDepth: 1 }),
    );
    const fields = [
      'orderId',
      'amount',
      'currency',
      'description',
      'card',
      'customer',
      'redirectUrl',
      'metadata',
      'notificationMethod',
    ];
    const cardFields = ['number', 'holder', 'expiryMonth', 'expiryYear', 'cvc'];
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...fields), anyValue, { maxKeys: 3 }),
        fc.dictionary(fc.constantFrom(...cardFields), anyValue, { maxKeys: 2 }),
        fc.uuid(),
        async (top, card, key) => {
          const base = paymentRequest();
          const body = { ...base, ...top, card: { ...base.card, ...card } };
          const status = await send('/v1/payments', {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': key },
            body: JSON.stringify(body),
          });
          expect(fine(status)).toBe(true);
        },
      ),
      { numRuns: 2500 },
    );
  });

  it('should survive saved card payments and routes with hostile savedCardId, customerReference and recurring.model', async () => {
    // A real saved card, so that some cases reach the gateway with its token.
    const owner = 'fuzz-owner';
    const first = await fetch(`${sut.url}/v1/payments`, {
      method: 'POST',
      headers: {
        ...auth,
        'content-type': 'application/json',
        'idempotency-key': `fuzz-first-${Date.now()}`,
      },
      body: JSON.stringify(
        paymentRequest({ recurring: { model: 'cardOnFile', customerReference: owner } }),
      ),
    });
    const savedCardId = ((await first.json()) as { savedCard: { id: string } | null }).savedCard
      ?.id;
    expect(savedCardId).toMatch(/^card_/);
    const anyValue = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }),
      fc.object({ maxDepth: 1 }),
    );
    const cardId = fc.oneof(
      fc.constant(savedCardId),
      fc.stringMatching(/^card_[a-z2-7]{26}$/),
      fc.string({ maxLength: 40 }).map((s) => `card_${s}`),
      anyValue,
    );
    const reference = fc.oneof(
      fc.constant(owner),
      fc.stringMatching(/^[A-Za-z0-9._:@-]{1,50}$/),
      fc.string({ maxLength: 60 }),
      anyValue,
    );
    const model = fc.oneof(
      fc.constantFrom('cardOnFile', 'subscription', 'unscheduled', 'cardonfile', ''),
      anyValue,
    );
    const recurring = fc.oneof(
      fc.record(
        { model, customerReference: reference },
        { requiredKeys: [] },
      ) as fc.Arbitrary<unknown>,
      anyValue,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            savedCardId: cardId,
            recurring,
            card: fc.constant(true),
            customer: fc.constant(true),
            captureMode: fc.constantFrom('manual', 'automatic', 42),
          },
          { requiredKeys: [] },
        ),
        fc.uuid(),
        async (parts, key) => {
          const base: Record<string, unknown> = paymentRequest();
          const body: Record<string, unknown> = { ...base, ...parts };
          if (parts.card === undefined) delete body.card;
          else body.card = base.card;
          if (parts.customer === undefined) delete body.customer;
          else body.customer = base.customer;
          const status = await send('/v1/payments', {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': key },
            body: JSON.stringify(body),
          });
          expect(fine(status)).toBe(true);
        },
      ),
      { numRuns: 1500 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'DELETE'),
        fc.oneof(fc.constant(owner), fc.stringMatching(/^[\w\-%.~!$&'()*+,;=:@]{0,60}$/)),
        fc.oneof(
          fc.constant(''),
          fc.stringMatching(/^card_[a-z2-7]{26}$/),
          fc.stringMatching(/^[\w\-%.~!$&'()*+,;=:@]{0,40}$/),
        ),
        async (method, ref, id) => {
          const status = await send(
            `/v1/customers/${ref}/saved-cards${method === 'DELETE' ? `/${id}` : ''}`,
            { method, headers: auth },
          );
          expect(fine(status)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('should survive arbitrary headers, content types and raw bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json; charset=latin1',
          'multipart/form-data',
          '',
        ),
        fc.uint8Array({ maxLength: 512 }),
        fc.stringMatching(/^[\x20-\x7e]{0,80}$/),
        async (contentType, bytes, authorization) => {
          const headers: Record<string, string> = { authorization, 'idempotency-key': 'fuzz' };
          if (contentType) headers['content-type'] = contentType;
          const status = await send('/v1/payments', { method: 'POST', headers, body: bytes });
          expect(fine(status)).toBe(true);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('should survive arbitrary paths and query strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/v1/payments',
          '/v1/payments/',
          '/webhooks/multisafepay',
          '/health/ready',
          '/sandbox/v1/json/orders/',
        ),
        fc.stringMatching(/^[\w\-%.~!$&'()*+,;=:@/?]{0,60}$/),
        async (prefix, rest) => {
          const status = await send(
            `${prefix}${rest.startsWith('?') || prefix.endsWith('/') ? '' : '?'}${rest}`,
            { headers: auth },
          );
          expect(fine(status)).toBe(true);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('should survive signed and unsigned webhook payloads of any shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.json({ maxDepth: 3 }),
        fc.boolean(),
        fc.stringMatching(/^[\w.:-]{1,50}$/),
        async (body, signed, orderId) => {
          const ts = Math.floor(Date.now() / 1000);
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (signed) {
            const mac = createHmac('sha512', MSP_KEY).update(`${ts}:${body}`).digest('hex');
            headers.auth = Buffer.from(`${ts}:${mac}`).toString('base64');
          }
          const status = await send(
            `/webhooks/multisafepay?transactionid=${encodeURIComponent(orderId)}&timestamp=${ts}`,
            {
              method: 'POST',
              headers,
              body,
            },
          );
          expect(fine(status)).toBe(true);
          // Fastify refuses prototype-poisoning JSON (400) before any handler, so before the
          // signature is checked; every other unsigned body is refused as unauthenticated.
          if (!signed) expect(status).toBe(poisoned(JSON.parse(body)) ? 400 : 401);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('should refuse hostile webhook endpoint URLs, in production and out, and store only allowed ones', async () => {
    // The same hostile URLs against an app started as production (https only, no loopback),
    // whose DNS is the test's: `*.loop.test` is loopback, `*.meta.test` the metadata service.
    const production = await startApp(
      {
        NODE_ENV: 'production',
        API_KEYS: `ops:${OPS_KEY}`,
        TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        MSP_ENV: 'test',
        MSP_API_KEY: MSP_KEY,
        MSP_BASE_URL: `${sut.url}/sandbox/v1/json`,
        RATE_LIMIT_PER_SECOND: '0',
        EVENTS_RELAY_ENABLED: 'false',
        RECONCILE_INTERVAL_MS: '0',
        LOG_LEVEL: 'warn',
        DATA_DIR: 'memory://',
        DATABASE_URL: '',
      },
      { resolveHost: fuzzDns },
    );
    const targets = [
      { app: sut, production: false, key: 'dev-secret' },
      { app: production, production: true, key: OPS_KEY },
    ];
    try {
      await fc.assert(
        fc.asyncProperty(hostileUrl, async (url) => {
          for (const target of targets) {
            requests += 1;
            const res = await fetch(`${target.app.url}/v1/webhook-endpoints`, {
              method: 'POST',
              headers: {
                authorization: `Bearer ${target.key}`,
                'content-type': 'application/json',
              },
              body: JSON.stringify({ url, eventTypes: ['payment.completed'] }),
              signal: AbortSignal.timeout(5_000),
            });
            const body = (await res.json()) as {
              id?: string;
              url?: string;
              error?: { code: string };
            };
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            if (res.status >= 500) serverErrors += 1;
            expect([201, 400], url).toContain(res.status);
            if (res.status === 400) {
              expect(['VALIDATION_FAILED', 'ENDPOINT_ADDRESS_REFUSED']).toContain(body.error?.code);
              continue;
            }
            // Accepted: then it must be somewhere deliveries may go, by an independent reading.
            expect(allowedByOracle(url, target.production), url).toBe(true);
            await fetch(`${target.app.url}/v1/webhook-endpoints/${body.id}`, {
              method: 'DELETE',
              headers: { authorization: `Bearer ${target.key}` },
            });
          }
        }),
        { numRuns: 1000 },
      );
    } finally {
      await production.close();
    }
  });

  it('should still be healthy, with no unexpected 5xx', async () => {
    expect((await fetch(`${sut.url}/health/ready`)).status).toBe(200);
    expect(requests).toBeGreaterThanOrEqual(12_000);
    expect(serverErrors).toBe(0);
  });
});

/**
 * What Fastify's JSON parser (secure-json-parse, `onProtoPoisoning`/`onConstructorPoisoning`
 * left at "error") refuses: an own `__proto__` key, or a `constructor` object with `prototype`.
 */
function poisoned(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(poisoned);
  const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);
  if (own(value, '__proto__')) return true;
  const ctor = (value as Record<string, unknown>).constructor;
  if (
    own(value, 'constructor') &&
    ctor !== null &&
    typeof ctor === 'object' &&
    own(ctor, 'prototype')
  ) {
    return true;
  }
  return Object.values(value).some(poisoned);
}

/** The fuzz DNS: `*.loop.test` is loopback, `*.meta.test` the metadata service, `*.pub.test` public. */
const fuzzDns: HostResolver = (name) => {
  const answer = name.endsWith('.loop.test')
    ? '127.0.0.1'
    : name.endsWith('.meta.test')
      ? '169.254.169.254'
      : name.endsWith('.pub.test')
        ? '203.0.113.20'
        : undefined;
  return answer
    ? Promise.resolve([{ address: answer, family: 4 as const }])
    : Promise.reject(Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' }));
};

/** Where no delivery may go, written out here apart from the service's own list. */
const NEVER = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['169.254.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NEVER.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['fe80::', 10],
  ['ff00::', 8],
  ['::', 96],
] as const) {
  NEVER.addSubnet(net, bits, 'ipv6');
}
NEVER.addAddress('fd00:ec2::254', 'ipv6');
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

function allowedByOracle(raw: string, production: boolean): boolean {
  const url = new URL(raw);
  if (url.username || url.password) return false;
  if (production && url.protocol !== 'https:') return false;
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  const family = isIP(host);
  if (family !== 0) {
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (LOOPBACK.check(host, type)) return !production;
    return !NEVER.check(host, type);
  }
  if (host.endsWith('.meta.test')) return false;
  const loopbackName =
    host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.loop.test');
  return !(production && loopbackName);
}

/** An IPv4 address in any of the spellings the URL parser reads: 1 to 4 parts, base 8, 10 or 16. */
const ipv4Spelling = fc
  .tuple(
    fc.oneof(
      fc.tuple(fc.constant(127), fc.nat(255), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(169), fc.constant(254), fc.nat(255), fc.nat(255)),
      fc.tuple(
        fc.constantFrom(0, 10, 100, 172, 192, 203, 224, 255),
        fc.nat(255),
        fc.nat(255),
        fc.nat(255),
      ),
    ),
    fc.integer({ min: 1, max: 4 }),
    fc.array(fc.constantFrom(8, 10, 16), { minLength: 4, maxLength: 4 }),
  )
  .map(([bytes, parts, radixes]) => {
    const rest = bytes.slice(parts - 1).reduce((n, b) => n * 256 + b, 0);
    return [...bytes.slice(0, parts - 1), rest]
      .map((n, i) =>
        radixes[i] === 16
          ? `0x${n.toString(16)}`
          : radixes[i] === 8
            ? `0${n.toString(8)}`
            : String(n),
      )
      .join('.');
  });

const hostileHost = fc.oneof(
  ipv4Spelling,
  fc.constantFrom(
    '[::1]',
    '[::]',
    '[0:0:0:0:0:0:0:1]',
    '[::ffff:127.0.0.1]',
    '[::ffff:7f00:1]',
    '[::ffff:169.254.169.254]',
    '[::ffff:a9fe:a9fe]',
    '[fe80::1]',
    '[ff02::1]',
    '[fd00:ec2::254]',
    '[::7f00:1]',
    '[fd12::1]',
    '[2001:db8::1]',
    'localhost',
    'LOCALHOST',
    'localhost.',
    'db.localhost',
    '127.0.0.%31',
    '%31%32%37.0.0.1',
    '127。0。0。1',
    '１２７.０.０.１',
    'xn--nxasmq6b',
    'a.loop.test',
    'b.meta.test',
    'c.pub.test',
    'orders.internal',
  ),
  fc.stringMatching(/^[a-z0-9.-]{1,20}\.(loop|meta|pub)\.test$/),
  fc.string({ maxLength: 30 }),
);

const hostileUrl = fc
  .tuple(
    fc.constantFrom('http', 'https', 'HTTPS', 'hTTp', 'ftp', 'file', 'javascript'),
    fc.constantFrom('://', ':', ':/', ':\\\\', '://\\'),
    fc.option(fc.constantFrom('user:pass@', 'user@', ':@', 'a%40b:c@', 'x:y@evil.test@'), {
      nil: '',
    }),
    hostileHost,
    fc.option(fc.constantFrom(':80', ':443', ':9301', ':5432', ':0', ':65536', ':'), { nil: '' }),
    fc.option(
      fc.constantFrom(
        '/',
        '/latest/meta-data/',
        '/metrics',
        '/#@127.0.0.1',
        '/?u=http://127.0.0.1',
      ),
      {
        nil: '',
      },
    ),
  )
  .map((parts) => parts.join(''));
