import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { EventBroker, type OutgoingEvent } from '@app/payments';
import type { ConfirmChannel, Options } from 'amqplib';
import { connect, type AmqpConnectionManager, type ChannelWrapper } from 'amqp-connection-manager';
import { maskAmqpUrl, scrubPassword } from './amqp-url.js';
import { RabbitMqSettings, type ResolvedRabbitMqOptions } from './rabbitmq.options.js';

/** One event of a batch that the broker did not confirm. */
export interface UnconfirmedEvent {
  eventId: string;
  reason: string;
}

/** `publish` rejected: some events of the batch were not confirmed (the others were). */
export class EventPublishError extends Error {
  override readonly name = 'EventPublishError';

  constructor(
    readonly unconfirmed: UnconfirmedEvent[],
    total: number,
  ) {
    const shown = unconfirmed
      .slice(0, 3)
      .map((u) => `${u.eventId}: ${u.reason}`)
      .join('; ');
    const more = unconfirmed.length > 3 ? `; ${unconfirmed.length - 3} more` : '';
    super(`RabbitMQ did not confirm ${unconfirmed.length} of ${total} events (${shown}${more})`);
  }
}

/**
 * Publishes events to a RabbitMQ topic exchange through one confirm channel that
 * amqp-connection-manager re-creates after every reconnect (docs/design.md#events).
 */
@Injectable()
export class RabbitMqEventBroker
  extends EventBroker
  implements OnModuleInit, OnApplicationShutdown
{
  private readonly logger = new Logger('RabbitMQ');
  private readonly options: ResolvedRabbitMqOptions;
  private readonly where: string;
  private manager: AmqpConnectionManager | undefined;
  private channel: ChannelWrapper | undefined;
  private ready = false;
  private closing = false;
  private failedAttempts = 0;
  private everConnected = false;
  private readonly reconnecting = new WeakSet<object>();
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(settings: RabbitMqSettings) {
    super();
    this.options = settings.options;
    this.where = maskAmqpUrl(this.options.url);
  }

  /** True while a confirm channel with the exchange asserted is open: publishes go out now. */
  isConnected(): boolean {
    return this.ready;
  }

  onModuleInit(): void {
    this.start();
  }

  override async publish(events: OutgoingEvent[]): Promise<void> {
    if (events.length === 0) return;
    if (this.closing) {
      throw new EventPublishError(
        events.map((e) => ({ eventId: e.id, reason: 'the RabbitMQ transport is shut down' })),
        events.length,
      );
    }
    const channel = this.channel ?? this.start();
    const timeoutMs = this.options.publishTimeoutMs;
    // Seconds, as AMQP 0-9-1 defines it; the event's own time is the body's `createdAt`.
    const timestamp = Math.floor(Date.now() / 1000);
    const outcomes = await Promise.allSettled(
      events.map((event) =>
        channel.publish(this.options.exchange, event.type, Buffer.from(event.body, 'utf8'), {
          ...this.properties(event),
          timestamp,
          timeout: timeoutMs,
        }),
      ),
    );
    const unconfirmed: UnconfirmedEvent[] = [];
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.status === 'fulfilled') continue;
      unconfirmed.push({ eventId: events[i]?.id ?? '?', reason: this.reason(outcome.reason) });
    }
    if (unconfirmed.length > 0) throw new EventPublishError(unconfirmed, events.length);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    this.ready = false;
    clearTimeout(this.reconnectTimer);
    const manager = this.manager;
    if (!manager) return;
    // Closing the channel rejects at once what still waits for a confirm (the manager would
    // first wait for a connection attempt in flight). Its own close is not awaited: once the
    // connection goes it never answers, and it holds nothing open.
    this.channel?.close().catch(() => undefined);
    if (await settlesWithin(manager.close(), this.options.closeTimeoutMs)) {
      this.logger.log(`Closed the connection to ${this.where}`);
    } else {
      this.logger.warn(
        `Closing the connection to ${this.where} took over ${this.options.closeTimeoutMs} ms; given up`,
      );
    }
  }

  private properties(event: OutgoingEvent): Options.Publish {
    const headers: Record<string, string | number> = {};
    if (event.paymentId !== null) headers['payment-id'] = event.paymentId;
    if (event.sequence !== null) headers.sequence = event.sequence;
    if (event.traceparent !== null) headers.traceparent = event.traceparent;
    return {
      persistent: true,
      messageId: event.id,
      type: event.type,
      contentType: 'application/json',
      headers,
    };
  }

  private start(): ChannelWrapper {
    if (this.channel) return this.channel;
    const { url, heartbeatSeconds, reconnectDelayMs, connectTimeoutMs, connectionName } =
      this.options;
    this.logger.log(`Connecting to ${this.where}`);
    const manager = connect([url], {
      heartbeatIntervalInSeconds: heartbeatSeconds,
      reconnectTimeInSeconds: reconnectDelayMs / 1000,
      connectionOptions: {
        timeout: connectTimeoutMs,
        clientProperties: { connection_name: connectionName },
      },
    });
    manager.on('connect', () => {
      this.logger.log(
        this.everConnected
          ? `Reconnected to ${this.where}${this.failedAttempts > 0 ? ` after ${this.failedAttempts} failed attempts` : ''}`
          : `Connected to ${this.where}`,
      );
      this.everConnected = true;
      this.failedAttempts = 0;
    });
    manager.on('connectFailed', ({ err }: { err: Error }) => {
      this.failedAttempts += 1;
      // A broker that stays down would otherwise log every few seconds.
      const log = this.failedAttempts === 1 ? 'warn' : 'debug';
      this.logger[log](
        `Cannot connect to ${this.where}: ${this.reason(err)}; retrying every ${reconnectDelayMs} ms`,
      );
    });
    manager.on('disconnect', ({ err }: { err?: Error }) => {
      this.ready = false;
      // A reconnect we asked for was logged with its reason, and starts at once.
      if (this.closing || err?.message === 'forced reconnect') return;
      this.logger.warn(
        `Disconnected from ${this.where}: ${err ? this.reason(err) : 'closed'}; reconnecting in ${reconnectDelayMs} ms`,
      );
    });
    manager.on('blocked', ({ reason }: { reason: string }) =>
      this.logger.warn(`${this.where} blocks publishing: ${reason}`),
    );
    manager.on('unblocked', () => this.logger.log(`${this.where} accepts publishing again`));

    const channel = manager.createChannel({
      name: 'events',
      confirm: true,
      setup: (raw: ConfirmChannel) => this.setUp(manager, raw),
    });
    channel.on('error', (err: Error) => {
      this.logger.error(`Setting up the channel on ${this.where} failed: ${this.reason(err)}`);
    });
    this.manager = manager;
    this.channel = channel;
    return channel;
  }

  private async setUp(manager: AmqpConnectionManager, raw: ConfirmChannel): Promise<void> {
    const connection = manager.connection;
    let failure: Error | undefined;
    // Without a listener, a channel error would take the whole connection down with it.
    raw.on('error', (err: Error) => (failure = err));
    raw.once('close', () => {
      this.ready = false;
      // amqp-connection-manager opens a new channel only after a reconnect: a channel the broker
      // closed on its own (the exchange deleted: 404) would leave every later publish waiting for
      // its timeout. Reconnecting opens a new one and declares the exchange again. When the
      // connection itself went, the manager reconnects anyway.
      // After the usual delay: a channel refused at once (the exchange declared with another
      // type: 406) must not turn into a reconnect loop.
      setImmediate(() => {
        if (this.closing || !connection || manager.connection !== connection) return;
        if (this.reconnecting.has(connection)) return;
        this.reconnecting.add(connection);
        const delay = this.options.reconnectDelayMs;
        this.logger.warn(
          `The broker closed the channel on ${this.where}: ${failure ? this.reason(failure) : 'no reason given'}; reconnecting in ${delay} ms`,
        );
        this.reconnectTimer = setTimeout(() => {
          if (!this.closing && manager.connection === connection) manager.reconnect();
        }, delay);
      });
    });
    await raw.assertExchange(this.options.exchange, 'topic', { durable: true });
    this.ready = true;
  }

  private reason(error: unknown): string {
    let text = error instanceof Error ? error.message : String(error);
    if (text === 'timeout') {
      text = `no confirm within ${this.options.publishTimeoutMs} ms${this.ready ? '' : ` (not connected to ${this.where})`}`;
    }
    return scrubPassword(this.options.url, text);
  }
}

/** Whether `promise` settled (either way) within `ms`. */
async function settlesWithin(promise: Promise<unknown> | undefined, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      Promise.resolve(promise).then(
        () => true,
        () => true,
      ),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
