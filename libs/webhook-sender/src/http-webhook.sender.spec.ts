import {
  EndpointAddressPolicy,
  newSigningSecret,
  type EndpointAddressRules,
  type HostResolver,
  type WebhookDelivery,
} from '@app/payments';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpWebhookSender } from './http-webhook.sender.js';

const PRODUCTION: EndpointAddressRules = {
  production: true,
  allowHttp: true,
  allowedCidrs: null,
  deniedCidrs: [],
};

/**
 * The sender against a real loopback listener, with DNS answered by the test (so it runs
 * offline): every connection it makes, and every request that reaches the listener, is counted.
 */
describe('HttpWebhookSender: the address actually dialled', () => {
  let server: Server;
  let port: number;
  let connections = 0;
  let requests = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests += 1;
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    connections = 0;
    requests = 0;
  });

  const delivery = (url: string): WebhookDelivery => ({
    url,
    event: {
      id: 'evt_0123456789abcdef0123456789',
      type: 'payment.completed',
      paymentId: null,
      sequence: null,
      body: '{"id":"evt_0123456789abcdef0123456789"}',
      traceparent: null,
    },
    secrets: [newSigningSecret()],
    timeoutMs: 2_000,
  });

  const sender = (rules: EndpointAddressRules, resolve: HostResolver) =>
    new HttpWebhookSender(new EndpointAddressPolicy(rules, resolve));

  it('should connect to the address the policy resolved: a name no DNS knows reaches the listener', async () => {
    const sut = sender({ ...PRODUCTION, production: false }, () =>
      Promise.resolve([{ address: '127.0.0.1', family: 4 }]),
    );
    const result = await sut.send(delivery(`http://subscriber.test:${port}/hook`));
    expect(result).toMatchObject({ delivered: true, status: 204, error: null });
    expect(requests).toBe(1);
    sut.onApplicationShutdown();
  });

  it('should refuse a name that now resolves to loopback (DNS rebinding): nothing reaches the listener', async () => {
    let answer = '203.0.113.7';
    const policy = new EndpointAddressPolicy(PRODUCTION, () =>
      Promise.resolve([{ address: answer, family: 4 }]),
    );
    // At creation the name is public, so it is accepted…
    await expect(policy.vet(`http://rebind.test:${port}/hook`)).resolves.toBeUndefined();
    // …and by delivery time it points at the loopback listener.
    answer = '127.0.0.1';
    const sut = new HttpWebhookSender(policy);
    const result = await sut.send(delivery(`http://rebind.test:${port}/hook`));
    expect(result).toMatchObject({
      delivered: false,
      status: null,
      error:
        'address refused: rebind.test resolves to 127.0.0.1, a loopback address (refused in production)',
    });
    expect(connections).toBe(0);
    expect(requests).toBe(0);
    sut.onApplicationShutdown();
  });

  it('should refuse a name with one refused address among allowed ones', async () => {
    const sut = sender(PRODUCTION, () =>
      Promise.resolve([
        { address: '10.9.9.9', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ]),
    );
    const result = await sut.send(delivery(`http://mixed.test:${port}/hook`));
    expect(result.error).toBe(
      'address refused: mixed.test resolves to 127.0.0.1, a loopback address (refused in production)',
    );
    expect(connections).toBe(0);
    sut.onApplicationShutdown();
  });

  it.each([
    [`http://127.0.0.1:PORT/hook`, '127.0.0.1 is a loopback address (refused in production)'],
    [`http://2130706433:PORT/hook`, '127.0.0.1 is a loopback address (refused in production)'],
    [`http://[::ffff:127.0.0.1]:PORT/hook`, '::ffff:7f00:1 is a loopback address'],
    [`http://localhost:PORT/hook`, 'localhost is a loopback name (refused in production)'],
    [`http://user:pass@10.1.1.1:PORT/hook`, 'credentials in the URL (user:password@) are refused'],
  ])('should refuse %s before connecting', async (url, reason) => {
    const sut = sender(PRODUCTION, () => Promise.reject(new Error('DNS must not be asked')));
    const result = await sut.send(delivery(url.replace('PORT', String(port))));
    expect(result.delivered).toBe(false);
    expect(result.error).toContain(`address refused: ${reason}`);
    expect(connections).toBe(0);
    sut.onApplicationShutdown();
  });

  it('should refuse plain http in production unless allowed', async () => {
    const sut = sender({ ...PRODUCTION, allowHttp: false }, () =>
      Promise.resolve([{ address: '10.1.1.1', family: 4 }]),
    );
    const result = await sut.send(delivery(`http://orders.test:${port}/hook`));
    expect(result.error).toMatch(/^address refused: http is refused in production/);
    expect(connections).toBe(0);
    sut.onApplicationShutdown();
  });

  it('should record a name that does not resolve as the resolver said', async () => {
    const sut = sender(PRODUCTION, () =>
      Promise.reject(Object.assign(new Error('gone.test'), { code: 'ENOTFOUND' })),
    );
    const result = await sut.send(delivery(`http://gone.test:${port}/hook`));
    expect(result).toMatchObject({ delivered: false, error: 'ENOTFOUND' });
    sut.onApplicationShutdown();
  });
});
