import type { Event } from '@app/client';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** An event as a subscriber receives it: the generated client's type, from openapi.json. */
export type ReceivedEvent = Event;

export interface Delivery {
  headers: Record<string, string | string[] | undefined>;
  raw: string;
  event: ReceivedEvent;
  /** Which of the subscriber's secrets verified it (indexes into `secrets`); empty: none did. */
  verifiedWith: number[];
  receivedAt: number;
}

export type SubscriberMode =
  | { kind: 'ok' }
  | { kind: 'status'; status: number }
  | { kind: 'redirect'; location: string }
  | { kind: 'hang' };

/**
 * A subscriber's endpoint: a real HTTP server that records every delivery and checks its
 * Standard Webhooks signature with code of its own (not the service's signer): HMAC-SHA256
 * over `id.timestamp.body` with the base64 key after `whsec_`, each `v1,` signature compared.
 */
export class TestSubscriber {
  readonly deliveries: Delivery[] = [];
  /** Deliveries answered 2xx, in arrival order. */
  readonly accepted: Delivery[] = [];
  secrets: string[] = [];
  mode: SubscriberMode = { kind: 'ok' };
  /** Answers (any mode but hang) only after this long: keeps deliveries in flight. */
  latencyMs = 0;
  inFlight = 0;
  maxInFlight = 0;
  /** TCP connections accepted, requests or not. */
  connections = 0;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private hanging: ServerResponse[] = [];
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async start(port = 0): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.on('connection', (socket) => {
      this.connections += 1;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening (connections are then refused) and drops open connections. */
  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging = [];
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
    this.server = undefined;
  }

  /** Events accepted (2xx), deduplicated by id, per payment in arrival order. */
  eventsFor(paymentId: string): ReceivedEvent[] {
    const seen = new Set<string>();
    return this.accepted
      .map((d) => d.event)
      .filter((e) => e.paymentId === paymentId && !seen.has(e.id) && seen.add(e.id));
  }

  async waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    const started = Date.now();
    while (!predicate()) {
      if (Date.now() - started > timeoutMs)
        throw new Error('subscriber: condition not met in time');
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.on('close', () => (this.inFlight -= 1));
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const delivery: Delivery = {
      headers: req.headers,
      raw,
      event: JSON.parse(raw) as ReceivedEvent,
      verifiedWith: this.verify(req.headers, raw),
      receivedAt: Date.now(),
    };
    this.deliveries.push(delivery);
    const mode = this.mode;
    if (this.latencyMs > 0 && mode.kind !== 'hang') {
      await new Promise((r) => setTimeout(r, this.latencyMs));
    }
    switch (mode.kind) {
      case 'ok':
        this.accepted.push(delivery);
        res.writeHead(204).end();
        return;
      case 'status':
        res.writeHead(mode.status).end('nope');
        return;
      case 'redirect':
        res.writeHead(302, { location: mode.location }).end();
        return;
      case 'hang':
        this.hanging.push(res);
        return;
    }
  }

  private verify(headers: IncomingMessage['headers'], raw: string): number[] {
    const id = headers['webhook-id'];
    const timestamp = headers['webhook-timestamp'];
    const signatures = String(headers['webhook-signature'] ?? '').split(' ');
    if (typeof id !== 'string' || typeof timestamp !== 'string') return [];
    return this.secrets.flatMap((secret, index) => {
      const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
      const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${raw}`).digest();
      const ok = signatures.some((s) => {
        const [version, value] = s.split(',');
        if (version !== 'v1' || !value) return false;
        const given = Buffer.from(value, 'base64');
        return given.length === expected.length && timingSafeEqual(given, expected);
      });
      return ok ? [index] : [];
    });
  }
}
