import { connect, type ChannelModel, type ConsumeMessage } from 'amqplib';
import { available, needs, TEST_AMQP_URL } from './requirements.js';

export { TEST_AMQP_URL };

/**
 * Whether a RabbitMQ answers. Without one, the scenarios that need it are skipped with one line
 * saying how to start it; under CI=true the run fails instead.
 */
export const rabbitMqAvailable = (suite: string): Promise<boolean> =>
  available(needs.rabbitMq, suite);

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
