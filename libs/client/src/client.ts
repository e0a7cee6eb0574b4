import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './generated/openapi.js';

/** The typed client: `GET`, `POST`, … on the service's paths, typed from openapi.json. */
export type PaymentsClient = Client<paths>;

/** A schema of openapi.json by name, e.g. `Schema<'PaymentResponseDto'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
export type Payment = Schema<'PaymentResponseDto'>;
export type PaymentStatus = Payment['status'];
export type CreatePaymentRequest = Schema<'CreatePaymentDto'>;
export type Refund = Schema<'RefundResponseDto'>;
export type CreateRefundRequest = Schema<'CreateRefundDto'>;
/** A capture of an authorized payment (`captureMode: 'manual'`). */
export type Capture = Schema<'CaptureResponseDto'>;
/** The calling key's name and scopes (`GET /v1/me`). */
export type Me = Schema<'MeResponseDto'>;
export type Scope = Me['scopes'][number];
/** A notification received about a payment (`GET /v1/payments/{id}/notifications`). */
export type PaymentNotification = Schema<'PaymentNotificationDto'>;
/** A status change in a payment's history (`GET /v1/payments/{id}/events`). */
export type PaymentHistoryEntry = Schema<'PaymentEventDto'>;
export type Event = Schema<'EventDto'>;
/** An event's delivery to one destination (`GET /v1/events/{id}/deliveries`). */
export type EventDelivery = Schema<'EventDeliveryDto'>;
export type WebhookEndpoint = Schema<'WebhookEndpointDto'>;
/** A customer's saved card (`GET /v1/customers/{reference}/saved-cards`); never its token. */
export type SavedCard = Schema<'SavedCardResponseDto'>;

export interface PaymentsClientOptions {
  /** Where the service answers, e.g. `http://127.0.0.1:3000` (paths start with `/v1`). */
  baseUrl: string;
  /** One of the service's API_KEYS secrets, sent as `Authorization: Bearer <apiKey>`. */
  apiKey: string;
  /** A fetch of your own (instrumented, proxied, or a test's); default: the global fetch. */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * Give up on an answer after this many milliseconds (0: never). The default is above the
   * service's own 15 s gateway timeout, so a slow MultiSafepay yields the service's
   * GATEWAY_TIMEOUT rather than a client-side one.
   */
  timeoutMs?: number;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

/**
 * The typed client of the payments service, authenticated with a Bearer API key.
 * Calls resolve to `{ data }` or `{ error }` (openapi-fetch); see {@link unwrap},
 * {@link idempotentCreate} and {@link paginate} for the parts callers otherwise get wrong.
 */
export function createPaymentsClient(options: PaymentsClientOptions): PaymentsClient {
  const baseFetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const timeoutMs = options.timeoutMs ?? 30_000;
  return createClient<paths>({
    baseUrl: options.baseUrl,
    headers: { ...options.headers, Authorization: `Bearer ${options.apiKey}` },
    fetch:
      timeoutMs > 0
        ? (request) =>
            baseFetch(
              new Request(request, {
                signal: AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]),
              }),
            )
        : baseFetch,
  });
}
