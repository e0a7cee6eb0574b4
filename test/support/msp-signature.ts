import { createHmac } from 'node:crypto';

/**
 * MultiSafepay's notification signature, written here independently of libs/multisafepay
 * (docs/multisafepay.md#signature): base64(ts + ":" + hex(HMAC-SHA512(key, ts + ":" + body))).
 */
export function signNotification(
  body: string,
  apiKey: string,
  timestampS = Math.floor(Date.now() / 1000),
): string {
  const mac = createHmac('sha512', apiKey.trim()).update(`${timestampS}:${body}`).digest('hex');
  return Buffer.from(`${timestampS}:${mac}`).toString('base64');
}
