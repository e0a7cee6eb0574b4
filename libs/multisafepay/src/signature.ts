import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureVerdict =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'future' | 'mismatch' };

export interface SignatureOptions {
  /** Oldest accepted timestamp, in seconds before now (MultiSafepay's SDKs: 600). */
  toleranceS: number;
  /** Newest accepted timestamp, in seconds after now (clock skew). */
  maxFutureSkewS?: number;
  nowS?: number;
}

/**
 * Verifies a notification's `Auth` header (docs/multisafepay.md#signature): base64 of
 * `timestamp:hex(HMAC-SHA512(apiKey, timestamp + ":" + raw body))`. The raw bytes are hashed as
 * received: a re-serialisation would change big integers and spacing.
 */
export function verifyMspSignature(
  rawBody: Buffer,
  authHeader: string | undefined,
  apiKey: string,
  options: SignatureOptions,
): SignatureVerdict {
  if (!authHeader) return { ok: false, reason: 'missing' };
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(authHeader) || authHeader.length > 1024) {
    return { ok: false, reason: 'malformed' };
  }
  const decoded = Buffer.from(authHeader, 'base64').toString('latin1');
  const match = /^(\d{1,12}):([0-9a-f]{128})$/.exec(decoded);
  if (!match?.[1] || !match[2]) return { ok: false, reason: 'malformed' };
  const timestamp = Number(match[1]);
  const now = options.nowS ?? Date.now() / 1000;
  if (options.toleranceS > 0 && timestamp + options.toleranceS < now)
    return { ok: false, reason: 'stale' };
  if (options.maxFutureSkewS !== undefined && timestamp - options.maxFutureSkewS > now) {
    return { ok: false, reason: 'future' };
  }
  const expected = createHmac('sha512', apiKey.trim())
    .update(`${match[1]}:`)
    .update(rawBody)
    .digest();
  const given = Buffer.from(match[2], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? { ok: true, timestamp }
    : { ok: false, reason: 'mismatch' };
}
