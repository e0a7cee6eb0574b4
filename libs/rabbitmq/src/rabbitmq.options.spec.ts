import { describe, expect, it } from 'vitest';
import { resolveRabbitMqOptions } from './rabbitmq.options.js';

describe('resolveRabbitMqOptions', () => {
  it('should default to the durable payments.events exchange, a 5 s publish timeout and a 10 s heartbeat', () => {
    expect(resolveRabbitMqOptions({ url: 'amqp://rabbit' })).toMatchObject({
      url: 'amqp://rabbit',
      exchange: 'payments.events',
      publishTimeoutMs: 5_000,
      heartbeatSeconds: 10,
      reconnectDelayMs: 2_000,
      connectTimeoutMs: 5_000,
      closeTimeoutMs: 3_000,
      connectionName: expect.stringMatching(/^payments@/) as unknown,
    });
  });

  it('should refuse a URL that is not amqp:// or amqps:// without repeating it', () => {
    expect(() => resolveRabbitMqOptions({ url: 'http://u:secret@rabbit' })).toThrow(
      /^RabbitMqModule: url must be an amqp:\/\/ or amqps:\/\/ URL$/,
    );
  });

  it('should refuse a timeout or heartbeat that cannot work', () => {
    expect(() => resolveRabbitMqOptions({ url: 'amqp://rabbit', publishTimeoutMs: 0 })).toThrow(
      'publishTimeoutMs must be a positive number',
    );
    expect(() => resolveRabbitMqOptions({ url: 'amqp://rabbit', heartbeatSeconds: 0.5 })).toThrow(
      'heartbeatSeconds must be a positive integer',
    );
  });
});
