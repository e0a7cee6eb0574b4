import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyMspSignature } from './signature.js';

// The test vector of docs/multisafepay.md#signature.
const KEY = 'sim-test-api-key-0001';
const TS = 1700000000;
const BODY = Buffer.from(
  '{"amount":1000,"currency":"EUR","financial_status":"completed","order_id":"ord-0001","payment_details":{"card_expiry_date":"3012","last4":"1111","type":"VISA"},"status":"completed","transaction_id":4680345}',
);
const AUTH =
  'MTcwMDAwMDAwMDo0NDlmMGY0ZGVjNDE5YWMwZDQ5Y2Q2MDA5ZDY4YThhYjE1MjJjOThjMmIwYjNhOTgxODE5NTEwNjZiMzk5OTM1NmFiOTk4MGZkOWNiMjQwNjI0ZmExZDM3MjA4ODY2Yjg3ZDE0ZDVmM2EwYzFlYjEyZWFlM2NlODIyYzk1YzMzMA==';

const sign = (body: Buffer, key: string, ts: number): string =>
  Buffer.from(
    `${ts}:${createHmac('sha512', key).update(`${ts}:`).update(body).digest('hex')}`,
  ).toString('base64');

describe('verifyMspSignature', () => {
  it('should accept test vector #4', () => {
    expect(verifyMspSignature(BODY, AUTH, KEY, { toleranceS: 600, nowS: TS + 10 })).toEqual({
      ok: true,
      timestamp: TS,
    });
  });

  it('should accept the key with surrounding whitespace, as the SDKs trim it', () => {
    expect(
      verifyMspSignature(BODY, AUTH, ` ${KEY}\n`, { toleranceS: 600, nowS: TS }),
    ).toMatchObject({ ok: true });
  });

  it.each([
    ['a missing header', undefined, 'missing'],
    ['an empty header', '', 'missing'],
    ['a header that is not base64', 'not base64!', 'malformed'],
    ['no colon', Buffer.from('1700000000').toString('base64'), 'malformed'],
    ['a short signature', Buffer.from('1700000000:abcd').toString('base64'), 'malformed'],
    [
      'upper-case hex',
      Buffer.from(`1700000000:${'A'.repeat(128)}`).toString('base64'),
      'malformed',
    ],
  ])('should refuse %s', (_name, header, reason) => {
    expect(verifyMspSignature(BODY, header, KEY, { toleranceS: 600, nowS: TS })).toEqual({
      ok: false,
      reason,
    });
  });

  it('should refuse a stale timestamp and accept it when the age check is off', () => {
    expect(verifyMspSignature(BODY, AUTH, KEY, { toleranceS: 600, nowS: TS + 601 })).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect(verifyMspSignature(BODY, AUTH, KEY, { toleranceS: 0, nowS: TS + 10_000 })).toMatchObject(
      { ok: true },
    );
  });

  it('should refuse a timestamp too far in the future', () => {
    expect(
      verifyMspSignature(BODY, AUTH, KEY, { toleranceS: 600, maxFutureSkewS: 300, nowS: TS - 301 }),
    ).toEqual({ ok: false, reason: 'future' });
  });

  it('should refuse a tampered body, the wrong key, and a signature moved to another timestamp', () => {
    const tampered = Buffer.from(BODY.toString().replace('"amount":1000', '"amount":1001'));
    expect(verifyMspSignature(tampered, AUTH, KEY, { toleranceS: 600, nowS: TS })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifyMspSignature(BODY, AUTH, 'another-key', { toleranceS: 600, nowS: TS })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    const hex = Buffer.from(AUTH, 'base64').toString().split(':')[1];
    const moved = Buffer.from(`${TS + 1}:${hex}`).toString('base64');
    expect(verifyMspSignature(BODY, moved, KEY, { toleranceS: 600, nowS: TS })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('should hash the raw bytes: a re-serialised body with a space does not verify', () => {
    const spaced = Buffer.from(BODY.toString().replace('{"amount"', '{ "amount"'));
    expect(
      verifyMspSignature(spaced, sign(BODY, KEY, TS), KEY, { toleranceS: 600, nowS: TS }),
    ).toMatchObject({ ok: false });
    expect(
      verifyMspSignature(spaced, sign(spaced, KEY, TS), KEY, { toleranceS: 600, nowS: TS }),
    ).toMatchObject({ ok: true });
  });
});
