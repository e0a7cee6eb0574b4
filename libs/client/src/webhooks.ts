import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Capture, Payment, Refund, SavedCard } from './client.js';
import type { paths } from './generated/openapi.js';

/**
 * The fields every event has, whatever its type. {@link PaymentsEvent} is the precise type: a
 * union on `type` that says which resource `data.object` is.
 */
export interface PaymentsEventBody {
  /** `evt_…`, also the `webhook-id` header: dedupe on it (delivery is at least once). */
  id: string;
  /** e.g. `payment.completed`, `refund.succeeded`; the catalogue is docs/events.md. */
  type: string;
  createdAt: string;
  paymentId: string | null;
  /** Grows per payment: an event with a lower sequence than one already applied is stale. */
  sequence: number | null;
  /** Refunds and captures come without `requestedBy` (the API key's name stays in the API). */
  data: {
    object: Payment | Omit<Refund, 'requestedBy'> | Omit<Capture, 'requestedBy'> | SavedCard;
  };
}

/** The item type of `GET /v1/events` in a `paths` type; {@link PaymentsEventBody} without it. */
export type EventOf<P> = P extends {
  '/v1/events': {
    get: {
      responses: { 200: { content: { 'application/json': { data: readonly (infer E)[] } } } };
    };
  };
}
  ? E
  : PaymentsEventBody;

/**
 * An event of the service, as `GET /v1/events` and every delivery carry it: a union on `type`,
 * so that checking `event.type` narrows `event.data.object` to a payment (`payment.*`), a refund
 * (`refund.*`), a capture (`capture.*`) or a saved card (`saved_card.*`).
 */
export type PaymentsEvent = EventOf<paths>;

export type WebhookHeaders = Headers | Record<string, string | readonly string[] | undefined>;

export interface VerifyWebhookOptions {
  /** Largest difference between `webhook-timestamp` and now, either way. Default 300 (5 min). */
  toleranceSeconds?: number;
  /** The time to check the timestamp against (tests, replays). Default: now. */
  now?: Date;
}

export type WebhookVerificationFailure =
  | 'missing_header'
  | 'bad_timestamp'
  | 'timestamp_out_of_tolerance'
  | 'no_valid_signature'
  | 'bad_body';

/** The delivery is not authentic or not acceptable: answer it 400 and apply nothing. */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
  constructor(
    readonly reason: WebhookVerificationFailure,
    message: string,
  ) {
    super(message);
  }
}

const SECRET_PREFIX = 'whsec_';
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  // A configuration error, not a bad delivery: it must not look like one (a 400 forever).
  if (!BASE64.test(encoded) || key.length === 0)
    throw new TypeError('a webhook secret is `whsec_` followed by base64');
  return key;
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    if (typeof value === 'string') return value;
    // Repeated lines: signatures add up; a repeated id or timestamp is ambiguous.
    if (value !== undefined && name === 'webhook-signature') return value.join(' ');
    return undefined;
  }
  return undefined;
}

function required(headers: WebhookHeaders, name: string): string {
  const value = header(headers, name);
  if (value === undefined || value === '')
    throw new WebhookVerificationError('missing_header', `missing or repeated ${name} header`);
  return value;
}

/**
 * Verifies a delivery of the service's events (Standard Webhooks: `webhook-id`,
 * `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>` over `id.timestamp.body`)
 * and returns its parsed event. `secrets` are the endpoint's `whsec_…` secrets: pass the old
 * and the new one while a rotation is under way; any valid `v1` signature by any of them passes.
 * `rawBody` must be the bytes as received, not re-serialized JSON. Throws
 * {@link WebhookVerificationError} for a delivery to refuse, TypeError for a malformed secret.
 */
export function verifyWebhook<Event = PaymentsEvent>(
  secrets: string | readonly string[],
  headers: WebhookHeaders,
  rawBody: string | Uint8Array,
  options: VerifyWebhookOptions = {},
): Event {
  const keys = (typeof secrets === 'string' ? [secrets] : secrets).map(secretKey);
  if (keys.length === 0) throw new TypeError('verifyWebhook needs at least one secret');
  const id = required(headers, 'webhook-id');
  const timestamp = required(headers, 'webhook-timestamp');
  const signatures = required(headers, 'webhook-signature');

  if (!/^\d{1,15}$/.test(timestamp))
    throw new WebhookVerificationError('bad_timestamp', 'webhook-timestamp is not Unix seconds');
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const tolerance = options.toleranceSeconds ?? 300;
  if (Math.abs(now - Number(timestamp)) > tolerance)
    throw new WebhookVerificationError(
      'timestamp_out_of_tolerance',
      `webhook-timestamp is more than ${tolerance} s away from now`,
    );

  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  const expected = keys.map((key) =>
    createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest(),
  );
  const given = signatures
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .map((s) => Buffer.from(s.slice(3), 'base64'));
  // Every pair is compared (no early exit), each in constant time.
  let valid = false;
  for (const signature of given)
    for (const mac of expected)
      if (signature.length === mac.length && timingSafeEqual(signature, mac)) valid = true;
  if (!valid)
    throw new WebhookVerificationError(
      'no_valid_signature',
      'no v1 signature of webhook-signature matches',
    );

  try {
    return JSON.parse(Buffer.from(body).toString('utf8')) as Event;
  } catch {
    throw new WebhookVerificationError('bad_body', 'the signed body is not JSON');
  }
}
