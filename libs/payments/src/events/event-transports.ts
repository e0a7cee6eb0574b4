/**
 * The ports through which the relay sends events out (docs/design.md#events). Each transport is an adapter in
 * a lib of its own, bound by the application; the domain never imports an HTTP client or amqplib.
 */

/** One event as it leaves the service: the body is sent byte for byte as stored. */
export interface OutgoingEvent {
  /** `evt_…`: the Standard Webhooks `webhook-id` and the AMQP `messageId`. */
  id: string;
  type: string;
  paymentId: string | null;
  sequence: number | null;
  /** The JSON body (docs/design.md#events), exactly as every delivery and the feed carry it. */
  body: string;
  /** W3C trace context of the request that caused the event, when tracing was on. */
  traceparent: string | null;
}

export interface WebhookDelivery {
  url: string;
  event: OutgoingEvent;
  /**
   * Signing secrets (`whsec_…`): the current one first, then the previous one while it still
   * signs after a rotation. Each adds one `v1,<signature>` to `webhook-signature`.
   */
  secrets: string[];
  timeoutMs: number;
}

/** What happened to one attempt. Anything but a 2xx answer within the timeout is a failure. */
export interface WebhookAttemptResult {
  delivered: boolean;
  /** The HTTP status, when an answer came (a 3xx is a failure: redirects are never followed). */
  status: number | null;
  /** Why it failed, in a few words (`timeout`, `ECONNREFUSED`, `HTTP 500`, `redirect to …`). */
  error: string | null;
  durationMs: number;
}

/** Signs and POSTs one event (Standard Webhooks). Never rejects: failures are results. */
export abstract class WebhookSender {
  abstract send(delivery: WebhookDelivery): Promise<WebhookAttemptResult>;
}

/**
 * Publishes events to a message broker (RabbitMQ topic exchange `payments.events`, routing key =
 * type, persistent, `messageId` = event id). Resolves once the broker has confirmed every
 * message of the batch; rejects if any was not confirmed (the relay retries the whole batch:
 * delivery is at least once, receivers dedupe by id).
 */
export abstract class EventBroker {
  abstract publish(events: OutgoingEvent[]): Promise<void>;
}
