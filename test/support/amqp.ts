import { connect, type ChannelModel, type ConsumeMessage } from 'amqplib';

/** The broker the tests use: the local RabbitMQ unless AMQP_URL names another. */
export const TEST_AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/**
 * Whether a RabbitMQ answers. Without one, the scenarios that need it are skipped with one line
 * saying how to start it; under CI=true the run fails instead.
 */
export async function rabbitMqAvailable(suite: string): Promise<boolean> {
  try {
    const connection = await connect(TEST_AMQP_URL, { timeout: 3_000 });
    await connection.close();
    return true;
  } catch (error) {
    const why = `${suite}: no RabbitMQ at ${TEST_AMQP_URL.replace(/:[^:@/]*@/, ':***@')} (${(error as Error).message}); start it with \`/etc/init.d/rabbitmq-server start\` or set AMQP_URL`;
    if (process.env.CI === 'true') throw new Error(`${why}. CI requires it.`, { cause: error });
    console.warn(`SKIPPED ${why}`);
    return false;
  }
}

/** Another service's consumer: its own connection, a temporary queue bound to the exchange. */
export class EventConsumer {
  readonly messages: ConsumeMessage[] = [];

  private constructor(private readonly connection: ChannelModel) {}

  static async bind(pattern = '#', exchange = 'payments.events'): Promise<EventConsumer> {
    const connection = await connect(TEST_AMQP_URL);
    const consumer = new EventConsumer(connection);
    const channel = await connection.createChannel();
    await channel.assertExchange(exchange, 'topic', { durable: true });
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    await channel.bindQueue(queue, exchange, pattern);
    await channel.consume(queue, (m) => m && consumer.messages.push(m), { noAck: true });
    return consumer;
  }

  /** Messages per event id (more than one: a duplicate). */
  byId(): Map<string, ConsumeMessage[]> {
    const map = new Map<string, ConsumeMessage[]>();
    for (const m of this.messages) {
      const id = String(m.properties.messageId);
      map.set(id, [...(map.get(id) ?? []), m]);
    }
    return map;
  }

  async close(): Promise<void> {
    await this.connection.close().catch(() => undefined);
  }
}
