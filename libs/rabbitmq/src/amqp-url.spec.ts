import { describe, expect, it } from 'vitest';
import { maskAmqpUrl, scrubPassword } from './amqp-url.js';

describe('maskAmqpUrl', () => {
  it('should hide the password and keep the user, host, port, vhost and query', () => {
    expect(maskAmqpUrl('amqps://payments:p%40ss-w0rd@rabbit.internal:5671/shop?heartbeat=5')).toBe(
      'amqps://payments:***@rabbit.internal:5671/shop?heartbeat=5',
    );
  });

  it('should leave a URL without a password as it is', () => {
    expect(maskAmqpUrl('amqp://rabbit:5672')).toBe('amqp://rabbit:5672');
  });

  it('should not echo a URL it cannot parse (it may hold a password)', () => {
    expect(maskAmqpUrl('amqp://user:secret@[bad')).toBe('an unparsable AMQP URL');
  });
});

describe('scrubPassword', () => {
  it('should remove the password from a text, encoded or not', () => {
    const url = 'amqp://payments:p%40ss-w0rd@rabbit/shop';
    expect(scrubPassword(url, 'refused p@ss-w0rd and p%40ss-w0rd')).toBe('refused *** and ***');
  });

  it('should leave the text alone when the URL has no password', () => {
    expect(scrubPassword('amqp://rabbit', 'connect ECONNREFUSED')).toBe('connect ECONNREFUSED');
  });
});
