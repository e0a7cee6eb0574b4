import { HttpModule } from '@nestjs/axios';
import { Test } from '@nestjs/testing';
import { OrdersGateway } from '@app/payments';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { multisafepayConfig, type MultisafepayConfig } from '../multisafepay.config.js';
import { MultiSafepayOrdersGateway } from '../multisafepay-orders.gateway.js';

/** A gateway payload from `test/fixtures/msp/`. */
export const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../test/fixtures/msp/${name}.json`, import.meta.url), 'utf8');

export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Plays MultiSafepay: answers each request with what the test scripted. */
export class FakeMsp {
  seen: Seen[] = [];
  handler: (req: Seen, res: ServerResponse) => void = (_r, res) => res.end('{}');
  private server!: Server;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const seen = {
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        };
        this.seen.push(seen);
        this.handler(seen, res);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  answer(status: number, body: string): void {
    this.handler = (_r, res) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  }

  /** Answers the requests in turn, the last one for any further request. */
  answers(...replies: [status: number, body: string][]): void {
    let next = 0;
    this.handler = (_r, res) => {
      const [status, body] = replies[Math.min(next++, replies.length - 1)] ?? [500, ''];
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    };
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export async function gatewayFor(config: Partial<MultisafepayConfig>): Promise<OrdersGateway> {
  const full: MultisafepayConfig = {
    env: 'test',
    apiKey: 'test-key',
    baseUrl: 'http://127.0.0.1:1/v1/json',
    notificationMethod: 'POST',
    timeoutMs: 2_000,
    ...config,
  };
  const moduleRef = await Test.createTestingModule({
    imports: [HttpModule],
    providers: [
      { provide: multisafepayConfig.KEY, useValue: full },
      { provide: OrdersGateway, useClass: MultiSafepayOrdersGateway },
    ],
  }).compile();
  return moduleRef.get(OrdersGateway);
}
