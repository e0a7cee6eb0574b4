import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MspSandboxModule } from '../msp-sandbox.module.js';
import { MspEnvelopeFilter } from '../msp-envelope.filter.js';
import type { MspSandboxOptions } from '../sandbox.options.js';

export const KEY = 'sandbox-spec-key';

export interface Received {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * Checks a POST notification's `Auth` header as docs/multisafepay.md#signature describes it, independently of
 * the sandbox's own signing code: base64(ts:hex(HMAC-SHA512(key, ts:body))), ts = the query's.
 */
export function verifyAuth(r: Received, key: string): boolean {
  const decoded = Buffer.from(String(r.headers.auth), 'base64').toString('utf8');
  const [ts, hex] = [
    decoded.slice(0, decoded.indexOf(':')),
    decoded.slice(decoded.indexOf(':') + 1),
  ];
  const expected = createHmac('sha512', key)
    .update(Buffer.from(`${ts}:${r.body}`, 'utf8'))
    .digest();
  const given = Buffer.from(hex, 'hex');
  return (
    ts === r.url.searchParams.get('timestamp') &&
    given.length === 64 &&
    timingSafeEqual(given, expected)
  );
}

/** A merchant endpoint that records notifications and answers what the test says. */
export class Receiver {
  readonly received: Received[] = [];
  answer: (r: Received) => { status: number; body: string } = () => ({ status: 200, body: 'OK' });
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const r = {
          method: req.method ?? '',
          url: new URL(req.url ?? '/', 'http://receiver'),
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.received.push(r);
        const { status, body } = this.answer(r);
        res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  for(orderId: string): Received[] {
    return this.received.filter((r) => r.url.searchParams.get('transactionid') === orderId);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export interface Sandbox {
  app: NestFastifyApplication;
  url: string;
  close(): Promise<void>;
}

/** The standalone sandbox on a free loopback port, with short timers unless overridden. */
export async function startSandbox(options: Partial<MspSandboxOptions> = {}): Promise<Sandbox> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const app = await NestFactory.create<NestFastifyApplication>(
    MspSandboxModule.forRoot({
      apiKeys: [KEY, 'second-site-key'],
      publicBaseUrl: url,
      routePrefix: '',
      unclearedResolveMs: 60_000,
      expireAfterMs: 60_000,
      refundSettleMs: 60_000,
      notificationRetryDelaysMs: [50, 50],
      notificationTimeoutMs: 2_000,
      ...options,
    }),
    new FastifyAdapter(),
    { logger: false },
  );
  app.useGlobalFilters(new MspEnvelopeFilter());
  await app.listen(port, '127.0.0.1');
  return { app, url, close: () => app.close() };
}

export interface CallResult {
  status: number;
  text: string;
  json: Record<string, unknown> & {
    success?: boolean;
    data?: Record<string, unknown>;
    error_code?: number;
    error_info?: string;
  };
  headers: Headers;
}

export async function api(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = { api_key: KEY },
): Promise<CallResult> {
  const init: RequestInit = { method, headers: { ...headers }, redirect: 'manual' };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  let json: CallResult['json'] = {};
  try {
    json = JSON.parse(text) as CallResult['json'];
  } catch {
    // HTML or empty
  }
  return { status: res.status, text, json, headers: res.headers };
}

let counter = 0;

export function order(
  overrides: Record<string, unknown> = {},
  card: Record<string, unknown> = {},
): Record<string, unknown> {
  counter += 1;
  return {
    type: 'direct',
    gateway: 'CREDITCARD',
    order_id: `spec-${Date.now()}-${counter}`,
    currency: 'EUR',
    amount: 1000,
    description: 'Sandbox spec order',
    payment_options: {
      notification_method: 'POST',
      redirect_url: 'https://shop.example/thanks',
      cancel_url: 'https://shop.example/cancel',
    },
    customer: {
      ip_address: '203.0.113.7',
      email: 'j@example.com',
      first_name: 'Jan',
      last_name: 'Jansen',
      country: 'NL',
    },
    gateway_info: {
      card_number: '4012001038443335',
      card_holder_name: 'J. Jansen',
      card_expiry_date: '3012',
      card_cvc: '123',
      ...card,
    },
    ...overrides,
  };
}

export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition not met in time');
}
