import fc from 'fast-check';
import { Webhook } from 'standardwebhooks';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  verifyWebhook,
  WebhookVerificationError,
  type EventOf,
  type PaymentsEvent,
  type PaymentsEventBody,
} from './webhooks.js';
import type { Capture, Payment, Refund, SavedCard } from './client.js';

/**
 * A second signer, written from the Standard Webhooks spec on WebCrypto (not node:crypto's
 * createHmac, which verifyWebhook uses), so a shared misreading cannot make both agree.
 */
async function specSignature(
  secret: string,
  id: string,
  timestamp: number,
  body: string,
): Promise<string> {
  const keyBytes = Uint8Array.from(atob(secret.replace(/^whsec_/, '')), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey(
    'raw',
    keyBytes,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign(
    'HMAC',
    key,
    new TextEncoder().encode(`${id}.${timestamp}.${body}`),
  );
  return `v1,${btoa(String.fromCharCode(...new Uint8Array(mac)))}`;
}

const whsec = (bytes: Uint8Array) => `whsec_${Buffer.from(bytes).toString('base64')}`;
const NOW = new Date('2026-11-28T12:00:00Z');
const nowSeconds = NOW.getTime() / 1000;

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.reason;
    throw error;
  }
  return 'verified';
}

describe('verifyWebhook', () => {
  const event = {
    id: 'evt_1',
    type: 'payment.completed',
    createdAt: '2026-11-28T12:00:00.000Z',
    paymentId: 'p-1',
    sequence: 3,
    data: { object: { id: 'p-1', status: 'completed' } },
  };
  const body = JSON.stringify(event);
  const secret = whsec(Buffer.from('a 24-byte signing secret'));
  const headersFor = async (signature?: string, timestamp = nowSeconds, id = 'evt_1') => ({
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signature ?? (await specSignature(secret, id, timestamp, body)),
  });

  it("should reproduce the Standard Webhooks spec's published test vector", () => {
    const verified = verifyWebhook(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      {
        'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
        'webhook-timestamp': '1614265330',
        'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
      },
      '{"test": 2432232314}',
      { now: new Date(1614265330 * 1000) },
    );
    expect(verified).toEqual({ test: 2432232314 });
  });

  it('should accept what the spec signer and the standardwebhooks package sign, and nothing altered', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
        fc.integer({ min: -300, max: 300 }),
        fc.jsonValue(),
        async (keyBytes, id, skew, value) => {
          const secret = whsec(keyBytes);
          const timestamp = nowSeconds + skew;
          const payload = JSON.stringify(value);
          const byPackage = new Webhook(secret).sign(id, new Date(timestamp * 1000), payload);
          const bySpec = await specSignature(secret, id, timestamp, payload);
          expect(byPackage).toBe(bySpec);
          const headers = {
            'webhook-id': id,
            'webhook-timestamp': String(timestamp),
            'webhook-signature': byPackage,
          };
          expect(verifyWebhook(secret, headers, payload, { now: NOW })).toEqual(
            JSON.parse(payload),
          );
          expect(verifyWebhook(secret, headers, Buffer.from(payload), { now: NOW })).toEqual(
            JSON.parse(payload),
          );
          const other = { ...headers, 'webhook-id': `${id}x` };
          expect(failure(() => verifyWebhook(secret, other, payload, { now: NOW }))).toBe(
            'no_valid_signature',
          );
          expect(failure(() => verifyWebhook(secret, headers, `${payload} `, { now: NOW }))).toBe(
            'no_valid_signature',
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('should check the timestamp against the clock by default', async () => {
    const current = Math.floor(Date.now() / 1000);
    expect(verifyWebhook(secret, await headersFor(undefined, current), body)).toEqual(event);
    const h = await headersFor(undefined, current - 600);
    expect(failure(() => verifyWebhook(secret, h, body))).toBe('timestamp_out_of_tolerance');
  });

  it('should return the event, typed', async () => {
    const verified = verifyWebhook(secret, await headersFor(), body, { now: NOW });
    expect(verified.type).toBe('payment.completed');
    expect(verified.sequence).toBe(3);
    expect(verified.data.object.id).toBe('p-1');
  });

  it('should accept either secret during a rotation, with one or both signatures sent', async () => {
    const next = whsec(Buffer.from('the rotated signing secret'));
    const oldSig = await specSignature(secret, 'evt_1', nowSeconds, body);
    const newSig = await specSignature(next, 'evt_1', nowSeconds, body);
    const both = await headersFor(`${newSig} ${oldSig}`);
    expect(verifyWebhook(secret, both, body, { now: NOW })).toEqual(event);
    expect(verifyWebhook(next, both, body, { now: NOW })).toEqual(event);
    const oldOnly = await headersFor(oldSig);
    expect(verifyWebhook([next, secret], oldOnly, body, { now: NOW })).toEqual(event);
    expect(failure(() => verifyWebhook([next], oldOnly, body, { now: NOW }))).toBe(
      'no_valid_signature',
    );
  });

  it('should skip signatures of other versions and garbage', async () => {
    const valid = await specSignature(secret, 'evt_1', nowSeconds, body);
    const h = await headersFor(`v2,${valid.slice(3)} v1a,${valid.slice(3)} v1,AAAA  ${valid}`);
    expect(verifyWebhook(secret, h, body, { now: NOW })).toEqual(event);
    const noV1 = await headersFor(`v2,${valid.slice(3)} v1,not-base64!`);
    expect(failure(() => verifyWebhook(secret, noV1, body, { now: NOW }))).toBe(
      'no_valid_signature',
    );
  });

  it('should refuse a timestamp outside the tolerance either way, and a malformed one', async () => {
    const at = async (t: number) => headersFor(undefined, t);
    expect(verifyWebhook(secret, await at(nowSeconds - 300), body, { now: NOW })).toEqual(event);
    expect(verifyWebhook(secret, await at(nowSeconds + 300), body, { now: NOW })).toEqual(event);
    for (const t of [nowSeconds - 301, nowSeconds + 301]) {
      const h = await at(t);
      expect(failure(() => verifyWebhook(secret, h, body, { now: NOW }))).toBe(
        'timestamp_out_of_tolerance',
      );
    }
    const old = await at(nowSeconds - 3600);
    expect(verifyWebhook(secret, old, body, { now: NOW, toleranceSeconds: 3600 })).toEqual(event);
    for (const t of ['1.5e9', '-1', '', '17e8', ' 1764331200']) {
      const h = { ...(await headersFor()), 'webhook-timestamp': t };
      expect(failure(() => verifyWebhook(secret, h, body, { now: NOW }))).toMatch(
        /bad_timestamp|missing_header/,
      );
    }
  });

  it('should read fetch Headers and Node headers of any case, repeated signature lines included', async () => {
    const h = await headersFor();
    expect(verifyWebhook(secret, new Headers(h), body, { now: NOW })).toEqual(event);
    const mixed = {
      'Webhook-Id': h['webhook-id'],
      'WEBHOOK-TIMESTAMP': h['webhook-timestamp'],
      'webhook-signature': ['v1,AAAA', h['webhook-signature']],
    };
    expect(verifyWebhook(secret, mixed, body, { now: NOW })).toEqual(event);
  });

  it('should refuse a delivery missing a header or with a repeated id', async () => {
    const h = await headersFor();
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const) {
      const { [name]: _gone, ...rest } = h;
      expect(failure(() => verifyWebhook(secret, rest, body, { now: NOW }))).toBe('missing_header');
    }
    const repeated = { ...h, 'webhook-id': ['evt_1', 'evt_2'] };
    expect(failure(() => verifyWebhook(secret, repeated, body, { now: NOW }))).toBe(
      'missing_header',
    );
  });

  it('should refuse a signed body that is not JSON', async () => {
    const text = 'not json';
    const h = {
      'webhook-id': 'evt_1',
      'webhook-timestamp': String(nowSeconds),
      'webhook-signature': await specSignature(secret, 'evt_1', nowSeconds, text),
    };
    expect(failure(() => verifyWebhook(secret, h, text, { now: NOW }))).toBe('bad_body');
  });

  it('should reject a malformed secret as a configuration error, not a bad delivery', async () => {
    const h = await headersFor();
    for (const bad of ['whsec_', 'whsec_not base64!', 'whsec_YWJj=', []]) {
      expect(() => verifyWebhook(bad, h, body, { now: NOW })).toThrow(TypeError);
    }
    expect(verifyWebhook(secret.slice('whsec_'.length), h, body, { now: NOW })).toEqual(event);
  });

  it('should type events from the feed of openapi.json once it is documented there', () => {
    interface FeedEvent {
      id: string;
      type: 'payment.completed' | 'refund.succeeded';
      sequence: number;
    }
    interface WithFeed {
      '/v1/events': {
        get: {
          responses: {
            200: {
              headers: Record<string, unknown>;
              content: { 'application/json': { data: FeedEvent[]; nextCursor: string | null } };
            };
            400: { content: { 'application/json': { error: unknown } } };
          };
        };
      };
    }
    expectTypeOf<EventOf<WithFeed>>().toEqualTypeOf<FeedEvent>();
    expectTypeOf<EventOf<{ '/v1/payments': unknown }>>().toEqualTypeOf<PaymentsEventBody>();
    expectTypeOf<PaymentsEvent>().toHaveProperty('id').toEqualTypeOf<string>();
  });

  it("should narrow data.object by the event's type, as openapi.json's discriminator says", () => {
    // Type-level: each branch narrows the union by `type` (never called).
    const narrowed = (event: PaymentsEvent) => {
      if (event.type === 'payment.completed' || event.type === 'payment.captured')
        expectTypeOf(event.data.object).toEqualTypeOf<Payment>();
      if (event.type === 'refund.failed')
        expectTypeOf(event.data.object).toEqualTypeOf<Omit<Refund, 'requestedBy'>>();
      if (event.type === 'capture.succeeded')
        expectTypeOf(event.data.object).toEqualTypeOf<Omit<Capture, 'requestedBy'>>();
      if (event.type === 'saved_card.deleted')
        expectTypeOf(event.data.object).toEqualTypeOf<SavedCard>();
    };
    expectTypeOf(narrowed).toBeFunction();
  });
});
