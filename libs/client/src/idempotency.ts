import { isNetworkFailure, PaymentsApiError, PaymentsConnectionError } from './errors.js';
import { dataOrThrow, type ApiResult, type DataOf } from './result.js';

export interface IdempotentCreateOptions {
  /**
   * The Idempotency-Key of this logical create. Default: a new random UUID. Pass your own
   * (derived from your order, stored before the call) to resume after your own process died.
   */
  idempotencyKey?: string;
  /** Attempts in all, the first included. Default 5. */
  maxAttempts?: number;
  /** Backoff before the first retry, in ms; doubled per retry, with jitter. Default 250. */
  initialDelayMs?: number;
  /** Longest wait between attempts, in ms (also caps Retry-After). Default 10 000. */
  maxDelayMs?: number;
  /** Stops the waits between attempts; pass the same signal to the call to abort it too. */
  signal?: AbortSignal;
  /** Told before each retry: log it, count it. */
  onRetry?: (retry: RetryInfo) => void;
}

export interface RetryInfo {
  /** The attempt that failed, from 1. */
  attempt: number;
  delayMs: number;
  idempotencyKey: string;
  error: PaymentsApiError | PaymentsConnectionError;
}

/**
 * Sends one logical create (any POST that takes an Idempotency-Key: payments, refunds, and the
 * like) and returns the created resource. `send` makes the request with the key it is given;
 * it is called again, with the same key and the same body, while the outcome is unknown: no
 * answer, a timeout, GATEWAY_TIMEOUT, GATEWAY_UNAVAILABLE, IDEMPOTENCY_KEY_IN_USE, RATE_LIMITED
 * (Retry-After honoured). A definitive answer is never retried: it is returned, or thrown as
 * {@link PaymentsApiError}. After the last attempt the last error is thrown, with
 * `outcomeUnknown: true` and the `idempotencyKey` to try again with later.
 *
 * @example
 * const refund = await idempotentCreate((idempotencyKey) =>
 *   client.POST('/v1/payments/{id}/refunds', {
 *     params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } },
 *     body: { amount: 400 },
 *   }),
 * );
 */
export async function idempotentCreate<R extends ApiResult>(
  send: (idempotencyKey: string) => Promise<R>,
  options: IdempotentCreateOptions = {},
): Promise<DataOf<R>> {
  // Web Crypto's UUID: the client runs in Node (>= 20) and in browsers alike.
  const key = options.idempotencyKey ?? globalThis.crypto.randomUUID();
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  const initialDelayMs = options.initialDelayMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    let error: PaymentsApiError | PaymentsConnectionError;
    try {
      const result = await send(key);
      if (result.response.ok) return dataOrThrow(result, key);
      error = new PaymentsApiError(result.response, result.error, key);
    } catch (thrown) {
      if (!isNetworkFailure(thrown) || options.signal?.aborted) throw thrown;
      error = new PaymentsConnectionError(thrown, key);
    }
    if (!error.outcomeUnknown || attempt >= maxAttempts) throw error;
    const backoff = Math.min(maxDelayMs, initialDelayMs * 2 ** (attempt - 1));
    // Half fixed, half random: callers that failed together do not retry together.
    let delayMs = Math.round(backoff / 2 + (Math.random() * backoff) / 2);
    if (error instanceof PaymentsApiError && error.retryAfterMs !== undefined)
      delayMs = Math.min(maxDelayMs, Math.max(delayMs, error.retryAfterMs));
    options.onRetry?.({ attempt, delayMs, idempotencyKey: key, error });
    await sleep(delayMs, options.signal);
  }
}

/** Waits `ms`, or rejects with the signal's reason once it aborts (no Node-only timers). */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
