import type { LoggerService } from '@nestjs/common';
import { connect, type ChannelModel, type ConsumeMessage } from 'amqplib';
// The repository's one rule for missing services (skip with a line, or fail under CI=true).
import { available, needs, TEST_AMQP_URL } from '../../../../test/support/requirements.js';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import { promisify } from 'node:util';

export { TEST_AMQP_URL };

/**
 * Whether a RabbitMQ answers at TEST_AMQP_URL. When none does, the RabbitMQ tests are skipped
 * with one line saying why; under CI=true they fail instead.
 */
export const rabbitMqAvailable = (suite: string): Promise<boolean> =>
  available(needs.rabbitMq, suite);

export const uniqueName = (prefix: string): string => `${prefix}_${randomBytes(4).toString('hex')}`;

/** A consumer as another service would run it: its own connection and temporary queue. */
export class TestConsumer {
  readonly messages: ConsumeMessage[] = [];
  private constructor(private readonly connection: ChannelModel) {}

  static async bind(exchange: string, patterns: string[]): Promise<TestConsumer> {
    const connection = await connect(TEST_AMQP_URL);
    const consumer = new TestConsumer(connection);
    const channel = await connection.createChannel();
    await channel.assertExchange(exchange, 'topic', { durable: true });
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    for (const pattern of patterns) await channel.bindQueue(queue, exchange, pattern);
    await channel.consume(queue, (msg) => msg && consumer.messages.push(msg), { noAck: true });
    return consumer;
  }

  /** The messages with these ids, in arrival order, once they have all arrived. */
  async received(ids: string[], timeoutMs = 10_000): Promise<ConsumeMessage[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.filter((m) => ids.includes(m.properties.messageId as string));
      if (ids.every((id) => found.some((m) => m.properties.messageId === id))) return found;
      if (Date.now() > deadline) {
        throw new Error(`${found.length} of ${ids.length} messages arrived within ${timeoutMs} ms`);
      }
      await sleep(50);
    }
  }

  /** Whether a message with this id arrived (now; call after what should have delivered it). */
  has(id: string): boolean {
    return this.messages.some((m) => m.properties.messageId === id);
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}

/** A separate connection for what the test does to the broker itself (queues, exchanges). */
export async function withAdminChannel<T>(
  work: (channel: Awaited<ReturnType<ChannelModel['createChannel']>>) => Promise<T>,
): Promise<T> {
  const connection = await connect(TEST_AMQP_URL);
  try {
    const channel = await connection.createChannel();
    // A refused operation rejects its promise; the channel's own error event says it again.
    channel.on('error', () => undefined);
    return await work(channel);
  } finally {
    await connection.close();
  }
}

const run = promisify(execFile);

/**
 * Has the broker close the connections whose `connection_name` is `name`, as an operator or a
 * broker restart would (CONNECTION_FORCED); other clients' connections are left alone. Returns
 * how many it closed, or null when `rabbitmqctl` cannot reach the node (it needs the node's
 * Erlang cookie: run beside RabbitMQ, as root).
 */
export async function closeConnectionsNamed(name: string, reason: string): Promise<number | null> {
  let listing: string;
  try {
    const { stdout } = await run(
      'rabbitmqctl',
      ['-q', 'list_connections', '--no-table-headers', 'pid', 'client_properties'],
      { timeout: 30_000 },
    );
    listing = stdout;
  } catch {
    return null;
  }
  const pids = listing
    .split('\n')
    .filter((line) => line.includes(`{"connection_name","${name}"}`))
    .map((line) => line.split('\t')[0] ?? '');
  for (const pid of pids) {
    await run('rabbitmqctl', ['-q', 'close_connection', pid, reason], { timeout: 30_000 });
  }
  return pids.length;
}

/**
 * A TCP hop between the service and the broker that can fail the network: `cut` drops every
 * connection and refuses new ones, `freeze` keeps them open but lets nothing through (a peer
 * that went silent), `heal` restores service.
 */
export class FaultyLink {
  port = 0;
  /** Connections accepted while up (attempts during an outage are not counted). */
  accepted = 0;
  private state: 'up' | 'cut' | 'frozen' = 'up';
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;

  constructor(private readonly target: { host: string; port: number }) {
    this.server = createServer((client) => this.accept(client));
  }

  static async to(url: string): Promise<FaultyLink> {
    const parsed = new URL(url);
    const link = new FaultyLink({ host: parsed.hostname, port: Number(parsed.port || 5672) });
    await new Promise<void>((resolve) => link.server.listen(0, '127.0.0.1', resolve));
    const address = link.server.address();
    link.port = typeof address === 'object' && address ? address.port : 0;
    return link;
  }

  /** TEST_AMQP_URL with the host and port of this hop. */
  url(): string {
    const parsed = new URL(TEST_AMQP_URL);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.toString();
  }

  cut(): void {
    this.state = 'cut';
    for (const socket of this.sockets) socket.destroy();
  }

  freeze(): void {
    this.state = 'frozen';
  }

  heal(): void {
    // Frozen connections stay dead: their peers have given up on them.
    if (this.state === 'frozen') for (const socket of this.sockets) socket.destroy();
    this.state = 'up';
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (this.state !== 'up') {
      client.destroy();
      return;
    }
    this.accepted += 1;
    const upstream = tcpConnect(this.target);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.sockets.add(from);
      from.on('data', (chunk: Buffer) => {
        if (this.state === 'up') to.write(chunk);
      });
      from.on('error', () => to.destroy());
      from.on('close', () => {
        this.sockets.delete(from);
        to.destroy();
      });
    }
  }
}

/** What Nest's Logger received (`Test.createTestingModule(…).setLogger(logs)`), as `level message` lines. */
export class CapturedLogs implements LoggerService {
  readonly lines: string[] = [];

  log(message: unknown): void {
    this.lines.push(`log ${String(message)}`);
  }
  error(message: unknown): void {
    this.lines.push(`error ${String(message)}`);
  }
  warn(message: unknown): void {
    this.lines.push(`warn ${String(message)}`);
  }
  debug(message: unknown): void {
    this.lines.push(`debug ${String(message)}`);
  }
  verbose(message: unknown): void {
    this.lines.push(`verbose ${String(message)}`);
  }

  text(): string {
    return this.lines.join('\n');
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it holds or `timeoutMs` passes. */
export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(25);
  }
}
