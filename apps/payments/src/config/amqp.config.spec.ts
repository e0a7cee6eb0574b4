import { EventBroker } from '@app/payments';
import { describe, expect, it } from 'vitest';
import { loadAmqpConfig, rabbitMqImports } from './amqp.config.js';
import { environmentProblems } from './environment.js';

describe('AMQP_URL', () => {
  it('should be optional: no broker by default', () => {
    expect(loadAmqpConfig({})).toEqual({ url: undefined });
    expect(loadAmqpConfig({ AMQP_URL: '' })).toEqual({ url: undefined });
  });

  it.each([
    'amqp://rabbit',
    'amqp://payments:s%2Fcret@rabbit.internal:5672/shop',
    'amqps://payments:secret@rabbit.example.com/%2F?heartbeat=10',
    'amqp://[::1]:5672',
  ])('should accept %s', (url) => {
    expect(loadAmqpConfig({ AMQP_URL: url }).url).toBe(url);
  });

  it.each(['http://rabbit', 'rabbit:5672', 'amqp://', 'amqp://rab bit'])(
    'should report %s in one line, without echoing it',
    (url) => {
      expect(environmentProblems({ AMQP_URL: url })).toEqual([
        'AMQP_URL: must be an amqp:// or amqps:// URL',
      ]);
    },
  );
});

describe('rabbitMqImports', () => {
  it('should import nothing without AMQP_URL', async () => {
    await expect(rabbitMqImports({ url: undefined })).resolves.toEqual([]);
  });

  it('should bind the EventBroker port to RabbitMQ with AMQP_URL', async () => {
    const [module, ...others] = await rabbitMqImports({ url: 'amqp://rabbit' });
    expect(others).toEqual([]);
    expect(module?.module.name).toBe('RabbitMqModule');
    expect(module?.exports).toContain(EventBroker);
  });
});
