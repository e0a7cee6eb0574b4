import type { Schema } from '@app/client';
import { randomBytes } from 'node:crypto';
import type { HostResolver } from '@app/payments';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createPayment, paymentRequest, type ErrorResponse } from './support/api.js';
import { startApp, type RunningApp } from './support/app.js';
import { scratchDatabase } from './support/database.js';
import { TestSubscriber } from './support/subscriber.js';

/**
 * The webhook endpoint address policy (docs/events.md, "Which URLs are refused") against the
 * real app started as production (NODE_ENV=production), over real HTTP: every refused class and
 * spelling at creation and on update, private ranges and their allowlist, https, and a name that
 * turns into loopback between creation and delivery (DNS rebinding). DNS is the test's: the app
 * takes its resolver (`resolveHost`), so this runs offline.
 */

const MSP_KEY = 'endpoint-address-msp-key';
const OPS_KEY = `ops-${randomBytes(16).toString('hex')}`;

type EndpointBody = Schema<'WebhookEndpointWithSecretDto'>;
type DeliveryList = Schema<'DeliveryListDto'>;

/** DNS as this test says; a name it does not know does not resolve. */
function testDns(table: Record<string, string[]>): HostResolver {
  return (name) => {
    const addresses = table[name];
    if (!addresses) {
      return Promise.reject(
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' }),
      );
    }
    return Promise.resolve(
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  };
}

/** Production start-up settings (what main.ts requires), on a database of its own. */
async function production(
  env: Record<string, string>,
  resolveHost: HostResolver,
  cleanups: (() => Promise<void>)[],
): Promise<RunningApp> {
  const database = process.env.DATABASE_URL ? await scratchDatabase() : undefined;
  const app = await startApp(
    {
      NODE_ENV: 'production',
      API_KEYS: `ops:${OPS_KEY}`,
      TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      PUBLIC_BASE_URL: 'https://payments.example.com',
      MSP_ENV: 'test',
      MSP_API_KEY: MSP_KEY,
      MSP_BASE_URL: 'http://127.0.0.1:9/v1/json',
      RECONCILE_INTERVAL_MS: '0',
      WEBHOOK_TIMEOUT_MS: '800',
      WEBHOOK_RETRY_SCHEDULE: '1h',
      EVENTS_POLL_INTERVAL_MS: '200',
      ...(database ? { DATABASE_URL: database.url } : { DATA_DIR: 'memory://' }),
      ...env,
    },
    { resolveHost },
  );
  cleanups.push(async () => {
    await app.close();
    await database?.drop();
  });
  return app;
}

const ops = { key: OPS_KEY };

/** Each class of refused address, and each spelling of one, with the reason the answer gives. */
const REFUSED: [string, string][] = [
  [
    'http://169.254.169.254/latest/meta-data/',
    '169.254.169.254 is a cloud metadata service address',
  ],
  ['http://[fd00:ec2::254]/latest/meta-data/', 'fd00:ec2::254 is a cloud metadata service address'],
  ['http://127.0.0.1:9301/metrics', '127.0.0.1 is a loopback address (refused in production)'],
  ['http://[::1]:9301/metrics', '::1 is a loopback address (refused in production)'],
  ['http://localhost:5432/', 'localhost is a loopback name (refused in production)'],
  ['https://169.254.10.10/', '169.254.10.10 is a link-local address'],
  ['https://[fe80::1]/', 'fe80::1 is a link-local address'],
  ['http://0.0.0.0:3000/', '0.0.0.0 is an unspecified address'],
  ['http://[::]:3000/', ':: is an unspecified address'],
  ['http://224.0.0.251/', '224.0.0.251 is a multicast address'],
  ['http://[ff02::1]/', 'ff02::1 is a multicast address'],
  ['http://255.255.255.255/', '255.255.255.255 is the broadcast address'],
  [
    'http://[::ffff:127.0.0.1]:9301/',
    '::ffff:7f00:1 is a loopback address (refused in production)',
  ],
  ['http://[::ffff:169.254.169.254]/', '::ffff:a9fe:a9fe is a cloud metadata service address'],
  ['http://[::ffff:0.0.0.0]/', '::ffff:0:0 is an unspecified address'],
  ['http://2130706433:9301/', '127.0.0.1 is a loopback address (refused in production)'],
  ['http://0x7f000001:9301/', '127.0.0.1 is a loopback address (refused in production)'],
  ['http://017700000001:9301/', '127.0.0.1 is a loopback address (refused in production)'],
  ['http://127.1:9301/', '127.0.0.1 is a loopback address (refused in production)'],
  ['http://user:pass@127.0.0.1:1/x', 'credentials in the URL (user:password@) are refused'],
  ['https://user:pass@hooks.example.com/x', 'credentials in the URL (user:password@) are refused'],
  [
    'https://metadata.test/',
    'metadata.test resolves to 169.254.169.254, a cloud metadata service address',
  ],
  [
    'https://loopback.test/',
    'loopback.test resolves to 127.0.0.1, a loopback address (refused in production)',
  ],
];

describe('webhook endpoint addresses in production (real app, real HTTP, offline DNS)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  const dns: Record<string, string[]> = {
    'metadata.test': ['169.254.169.254'],
    'loopback.test': ['203.0.113.9', '127.0.0.1'],
    'orders.internal': ['10.1.2.3'],
    'ledger.internal': ['10.20.5.5'],
  };
  let sandbox: RunningApp;
  let sut: RunningApp;
  let strict: RunningApp;
  const subscriber = new TestSubscriber();

  beforeAll(async () => {
    await subscriber.start();
    // The gateway: another app's built-in MultiSafepay sandbox (its relay off, it sends nothing).
    sandbox = await startApp({
      MSP_ENV: 'sandbox',
      MSP_API_KEY: MSP_KEY,
      EVENTS_RELAY_ENABLED: 'false',
      RECONCILE_INTERVAL_MS: '0',
    });
    cleanups.push(() => sandbox.close());
    sut = await production(
      {
        WEBHOOK_ENDPOINT_ALLOW_HTTP: 'true',
        MSP_BASE_URL: `${sandbox.url}/sandbox/v1/json`,
      },
      testDns(dns),
      cleanups,
    );
    strict = await production(
      {
        WEBHOOK_ENDPOINT_ALLOWED_CIDRS: '10.20.0.0/16,fd12::/16',
        WEBHOOK_ENDPOINT_DENIED_CIDRS: '10.20.5.0/24',
        EVENTS_RELAY_ENABLED: 'false',
      },
      testDns(dns),
      cleanups,
    );
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await subscriber.stop();
  });

  const create = (app: RunningApp, url: string) =>
    call<EndpointBody & ErrorResponse>(
      app.url,
      'POST',
      '/v1/webhook-endpoints',
      { url, eventTypes: ['*'] },
      ops,
    );

  it.each(REFUSED)(
    'should refuse %s at creation and on update, saying why',
    async (url, reason) => {
      const refused = await create(sut, url);
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('ENDPOINT_ADDRESS_REFUSED');
      expect(refused.body.error.message).toContain(reason);
      expect(refused.text).not.toContain('pass@');
      expect(refused.headers.get('cache-control')).toBe('no-store');

      const allowed = await create(sut, 'https://203.0.113.10/hook');
      expect(allowed.status).toBe(201);
      const changed = await call<ErrorResponse>(
        sut.url,
        'PATCH',
        `/v1/webhook-endpoints/${allowed.body.id}`,
        { url },
        ops,
      );
      expect(changed.status).toBe(400);
      expect(changed.body.error.code).toBe('ENDPOINT_ADDRESS_REFUSED');
      expect(changed.body.error.message).toContain(reason);
      const kept = await call<EndpointBody>(
        sut.url,
        'GET',
        `/v1/webhook-endpoints/${allowed.body.id}`,
        undefined,
        ops,
      );
      expect(kept.body.url).toBe('https://203.0.113.10/hook');
      await call(sut.url, 'DELETE', `/v1/webhook-endpoints/${allowed.body.id}`, undefined, ops);
    },
  );

  it('should store no refused endpoint', async () => {
    const list = await call<{ data: EndpointBody[] }>(
      sut.url,
      'GET',
      '/v1/webhook-endpoints',
      undefined,
      ops,
    );
    expect(list.body.data.filter((e) => REFUSED.some(([url]) => url === e.url))).toEqual([]);
  });

  it('should allow private addresses by default, by address and by name', async () => {
    for (const url of [
      'https://10.1.2.3/hook',
      'https://[fd12::9]/hook',
      'https://orders.internal/hook',
    ]) {
      const res = await create(sut, url);
      expect(res.status, url).toBe(201);
      await call(sut.url, 'DELETE', `/v1/webhook-endpoints/${res.body.id}`, undefined, ops);
    }
  });

  it('should refuse private addresses outside WEBHOOK_ENDPOINT_ALLOWED_CIDRS and inside WEBHOOK_ENDPOINT_DENIED_CIDRS', async () => {
    const cases: [string, number, string?][] = [
      ['https://10.20.1.1/hook', 201],
      ['https://[fd12::9]/hook', 201],
      ['https://203.0.113.10/hook', 201],
      [
        'https://10.1.2.3/hook',
        400,
        '10.1.2.3 is a private address outside WEBHOOK_ENDPOINT_ALLOWED_CIDRS',
      ],
      [
        'https://192.168.1.4/hook',
        400,
        '192.168.1.4 is a private address outside WEBHOOK_ENDPOINT_ALLOWED_CIDRS',
      ],
      [
        'https://[fd00::1]/hook',
        400,
        'fd00::1 is a private address outside WEBHOOK_ENDPOINT_ALLOWED_CIDRS',
      ],
      [
        'https://orders.internal/hook',
        400,
        'orders.internal resolves to 10.1.2.3, a private address outside WEBHOOK_ENDPOINT_ALLOWED_CIDRS',
      ],
      ['https://10.20.5.9/hook', 400, '10.20.5.9 is an address in WEBHOOK_ENDPOINT_DENIED_CIDRS'],
      [
        'https://ledger.internal/hook',
        400,
        'ledger.internal resolves to 10.20.5.5, an address in WEBHOOK_ENDPOINT_DENIED_CIDRS',
      ],
    ];
    for (const [url, status, reason] of cases) {
      const res = await create(strict, url);
      expect(res.status, url).toBe(status);
      if (reason) {
        expect(res.body.error.code).toBe('ENDPOINT_ADDRESS_REFUSED');
        expect(res.body.error.message).toContain(reason);
      }
    }
  });

  it('should refuse plain http in production unless WEBHOOK_ENDPOINT_ALLOW_HTTP=true', async () => {
    const refused = await create(strict, 'http://10.20.1.1/hook');
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'ENDPOINT_ADDRESS_REFUSED' });
    expect(refused.body.error.message).toContain('http is refused in production: use https');
    const allowed = await create(sut, 'http://10.1.2.3/hook');
    expect(allowed.status).toBe(201);
    await call(sut.url, 'DELETE', `/v1/webhook-endpoints/${allowed.body.id}`, undefined, ops);
  });

  it('should fail a delivery to a name that turned into loopback after creation, and send nothing', async () => {
    // At creation `rebind.test` is a public address; by delivery time it is the loopback listener.
    dns['rebind.test'] = ['203.0.113.7'];
    const endpoint = await create(sut, `http://rebind.test:${subscriber.port}/hook`);
    expect(endpoint.status).toBe(201);
    dns['rebind.test'] = ['127.0.0.1'];
    const payment = await createPayment(sut.url, paymentRequest(), ops);
    expect(payment.status).toBe(201);

    const reason = 'rebind.test resolves to 127.0.0.1, a loopback address (refused in production)';
    let deliveries: DeliveryList['data'] = [];
    await expect
      .poll(
        async () => {
          deliveries = (
            await call<DeliveryList>(
              sut.url,
              'GET',
              `/v1/webhook-endpoints/${endpoint.body.id}/deliveries`,
              undefined,
              ops,
            )
          ).body.data;
          return deliveries[0]?.attemptLog.length ?? 0;
        },
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);
    expect(deliveries[0]?.attemptLog[0]).toMatchObject({
      status: null,
      error: `address refused: ${reason}`,
    });
    const [row] = await sut.dataSource.query<{ last_error: string; status: string }[]>(
      'SELECT last_error, status FROM event_deliveries WHERE endpoint_id = $1',
      [endpoint.body.id],
    );
    expect(row).toEqual({ last_error: `address refused: ${reason}`, status: 'pending' });
    // Nothing reached the loopback listener: no request, not even a connection.
    expect(subscriber.connections).toBe(0);
    expect(subscriber.deliveries).toEqual([]);
  });
});

describe('webhook endpoint addresses outside production (the default test app)', () => {
  let sut: RunningApp;

  beforeAll(async () => {
    sut = await startApp({ EVENTS_RELAY_ENABLED: 'false' });
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should allow loopback and plain http, and still refuse the other classes and credentials', async () => {
    const loopback = await call<EndpointBody>(sut.url, 'POST', '/v1/webhook-endpoints', {
      url: 'http://127.0.0.1:4100/hook',
      eventTypes: ['payment.completed'],
    });
    expect(loopback.status).toBe(201);
    await call(sut.url, 'DELETE', `/v1/webhook-endpoints/${loopback.body.id}`);
    for (const [url, reason] of [
      [
        'http://169.254.169.254/latest/meta-data/',
        '169.254.169.254 is a cloud metadata service address',
      ],
      ['http://[fe80::1]/', 'fe80::1 is a link-local address'],
      ['http://user:pass@127.0.0.1:1/x', 'credentials in the URL (user:password@) are refused'],
    ]) {
      const res = await call<ErrorResponse>(sut.url, 'POST', '/v1/webhook-endpoints', {
        url,
        eventTypes: ['*'],
      });
      expect(res.status, url).toBe(400);
      expect(res.body.error.code).toBe('ENDPOINT_ADDRESS_REFUSED');
      expect(res.body.error.message).toContain(reason);
    }
  });

  it('should still answer VALIDATION_FAILED for what is not an http(s) URL', async () => {
    for (const url of [
      'ftp://orders.internal/hook',
      'not a url',
      'http://exa mple.com/',
      'http://x.test/\n',
    ]) {
      const res = await call<ErrorResponse>(sut.url, 'POST', '/v1/webhook-endpoints', {
        url,
        eventTypes: ['*'],
      });
      expect(res.status, url).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });
});
