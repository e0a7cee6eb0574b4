import type { components } from './generated/openapi.js';

/** The API's error body: `{ error: { code, message, details }, requestId }`. */
export type ApiErrorBody = components['schemas']['ErrorResponseDto'];

// Answers after which the request may or may not have taken effect, or was not processed at all:
// repeating it with the same Idempotency-Key is safe and settles it. Every other code is the
// service's definitive answer (GATEWAY_REJECTED is MultiSafepay refusing, not a glitch).
const OUTCOME_UNKNOWN_CODES: ReadonlySet<string> = new Set([
  'GATEWAY_TIMEOUT',
  'GATEWAY_UNAVAILABLE',
  'DATABASE_UNAVAILABLE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
  'IDEMPOTENCY_KEY_IN_USE',
  'RATE_LIMITED',
]);

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or bad. */
function retryAfterMs(header: string | null): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * An error answer of the payments service (any non-2xx). `code`, `message`, `details` and
 * `requestId` come from the API's error body; an answer without that body (a proxy's 502, an
 * HTML page) gets the code `HTTP_<status>`.
 */
export class PaymentsApiError extends Error {
  override readonly name = 'PaymentsApiError';
  /** HTTP status of the answer. */
  readonly status: number;
  /** Stable machine-readable code, e.g. `VALIDATION_FAILED`, `ORDER_ID_EXISTS`. */
  readonly code: string;
  /** Per-field problems for VALIDATION_FAILED; the gateway's code and text for GATEWAY_REJECTED. */
  readonly details: unknown;
  /** Quote it to whoever runs the service: their logs carry it. */
  readonly requestId: string | undefined;
  /** The error body as the API sent it, when it had the API's shape. */
  readonly body: ApiErrorBody | undefined;
  /**
   * True when the request may or may not have taken effect, or was not processed (timeouts,
   * gateway or database unavailable, key in use, rate limited): repeat it with the same
   * Idempotency-Key. False for a definitive answer: repeating it would get the same one.
   */
  readonly outcomeUnknown: boolean;
  /** How long the service asked to wait (Retry-After), in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /** The Idempotency-Key the request was sent with, when it was sent through idempotentCreate. */
  readonly idempotencyKey: string | undefined;

  constructor(response: Response, errorBody: unknown, idempotencyKey?: string) {
    const body = isApiErrorBody(errorBody) ? errorBody : undefined;
    const code = body?.error.code ?? `HTTP_${response.status}`;
    const text =
      body?.error.message ??
      (typeof errorBody === 'string' && errorBody.trim() !== ''
        ? errorBody.trim().slice(0, 200)
        : response.statusText || 'no error body');
    super(`${code} (HTTP ${response.status}): ${text}`);
    this.status = response.status;
    this.code = code;
    this.details = body?.error.details;
    this.requestId = body?.requestId ?? response.headers.get('x-request-id') ?? undefined;
    this.body = body;
    this.retryAfterMs = retryAfterMs(response.headers.get('retry-after'));
    this.idempotencyKey = idempotencyKey;
    this.outcomeUnknown =
      OUTCOME_UNKNOWN_CODES.has(code) ||
      response.status === 429 ||
      // A 5xx without the service's body came from something in between (proxy, load balancer).
      (body === undefined && response.status >= 500);
  }
}

/**
 * The request got no answer: connection refused or reset, DNS failure, or no answer within the
 * client's `timeoutMs`. Whether it took effect is unknown: repeat it with the same Idempotency-Key.
 */
export class PaymentsConnectionError extends Error {
  override readonly name = 'PaymentsConnectionError';
  readonly outcomeUnknown = true;
  /** The Idempotency-Key the request was sent with, when it was sent through idempotentCreate. */
  readonly idempotencyKey: string | undefined;

  constructor(cause: unknown, idempotencyKey?: string) {
    const reason =
      cause instanceof Error
        ? cause.name === 'TimeoutError'
          ? 'no answer within the client timeout'
          : errorText(cause)
        : String(cause);
    super(`the payments service could not be reached: ${reason}`, { cause });
    this.idempotencyKey = idempotencyKey;
  }
}

// fetch wraps the socket error ("fetch failed", cause ECONNREFUSED): keep both for the message.
function errorText(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}

/** An abort the caller asked for: never retried, never wrapped. */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * No answer came: fetch rejects with a TypeError for network failures (WHATWG fetch), with a
 * TimeoutError for the client's timeout; node-fetch-like implementations use FetchError. Other
 * rejections (a body that is not JSON, a bug) are no network failure and are not retried.
 */
export function isNetworkFailure(error: unknown): boolean {
  return (
    error instanceof TypeError ||
    (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'FetchError'))
  );
}
