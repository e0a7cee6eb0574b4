import {
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { TransactionRunner } from '../lifecycle/transaction-runner.js';
import { PaymentsObserver } from '../observability/payments.observer.js';
import { PaymentsOptions } from '../payments/payments.options.js';
import {
  EventBroker,
  WebhookSender,
  type OutgoingEvent,
  type WebhookAttemptResult,
} from './event-transports.js';
import { Outbox } from './outbox.js';
import { Pump } from './pump.js';
import { jittered } from './retry-schedule.js';

/** The channel other processes' commits are announced on. */
export const EVENTS_CHANNEL = 'payments_events';
/** Events published to the broker per batch (confirms awaited together). */
const BROKER_BATCH = 200;
/** A claimed attempt's lease beyond its timeout: past it, the claim is void (its relay died). */
const LEASE_MARGIN_MS = 5_000;
/** The broker is ours: retried for ever, quickly (at most this far apart). */
const BROKER_MAX_BACKOFF_MS = 5_000;
/** At most one NOTIFY per this, whatever the commit rate. */
const NOTIFY_EVERY_MS = 100;

interface ClaimedRow {
  delivery_id: string;
  attempts: number;
  event_id: string;
  type: string;
  payment_id: string | null;
  sequence: number | null;
  body: string;
  traceparent: string | null;
}

interface ClaimedWebhook extends ClaimedRow {
  endpoint_id: string;
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
}

/**
 * Sends committed events out (docs/design.md#events). Each event's deliveries (one per subscribed endpoint,
 * one for the broker) are written by the statement that wrote the event; two pumps send them,
 * woken by this process's commits, by other processes' NOTIFY and by a polling timer:
 * - webhooks: claims due deliveries with a lease, never more than `endpointConcurrency` in flight
 *   per endpoint across replicas, and sends them without waiting for each other, so a slow or
 *   dead endpoint delays only its own deliveries;
 * - broker: publishes batches and marks them delivered once confirmed.
 * A crash at any point loses nothing: an unfinished claim's lease runs out and another relay
 * sends it again (at least once; receivers dedupe by event id).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private readonly webhooks = new Pump(
    () => this.claimWebhooks(),
    (e) => this.failed('webhook claim', e),
  );
  private readonly broker = new Pump(
    () => this.publishBatch(),
    (e) => this.failed('broker', e),
  );
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private listener: pg.Client | undefined;
  private stopped = false;
  private lastNotify = 0;
  private notifyTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly options: PaymentsOptions,
    private readonly outbox: Outbox,
    private readonly observer: PaymentsObserver,
    private readonly dataSource: DataSource,
    @Optional() private readonly sender?: WebhookSender,
    @Optional() private readonly eventBroker?: EventBroker,
  ) {}

  onApplicationBootstrap(): void {
    const events = this.options.events;
    this.unsubscribe = this.outbox.subscribe(() => {
      this.wake();
      if (events.listen) this.announce();
    });
    if (!events.relay) return;
    if (events.listen) void this.listen();
    this.timer = setInterval(() => this.wake(), events.pollIntervalMs);
    this.timer.unref();
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    clearInterval(this.timer);
    clearTimeout(this.notifyTimer);
    await this.listener?.end().catch(() => undefined);
    await Promise.all([this.webhooks.stop(), this.broker.stop()]);
    // Attempts in flight end within their timeout; an unfinished one is sent again later.
    await Promise.race([
      Promise.all(this.inFlight),
      new Promise((resolve) => setTimeout(resolve, 2_000).unref()),
    ]);
  }

  /** Runs every pump now (this process committed deliveries, or another one told us it did). */
  wake(): void {
    if (this.stopped || !this.options.events.relay) return;
    this.webhooks.kick();
    if (this.eventBroker) this.broker.kick();
  }

  // --- webhooks -------------------------------------------------------------------------------

  private async claimWebhooks(): Promise<boolean> {
    if (!this.sender) return false;
    const { endpointConcurrency, webhookTimeoutMs } = this.options.events;
    // Endpoints are locked (SKIP LOCKED) for the claim, so two relays never both fill the same
    // endpoint's room: the count of leased deliveries is exact.
    const claimed = await this.tx.statement<ClaimedWebhook>(
      `WITH ready AS (
         SELECT e.id, e.url, e.secret, e.previous_secret, e.previous_secret_expires_at,
           $1::int - (SELECT count(*) FROM event_deliveries f
                       WHERE f.endpoint_id = e.id AND f.status = 'pending'
                         AND f.leased_until > now())::int AS room
         FROM webhook_endpoints e WHERE e.status = 'enabled'
         FOR NO KEY UPDATE SKIP LOCKED
       ), picked AS (
         SELECT p.id FROM ready r CROSS JOIN LATERAL (
           SELECT d.id FROM event_deliveries d
           WHERE d.endpoint_id = r.id AND d.status = 'pending' AND d.next_attempt_at <= now()
             AND (d.leased_until IS NULL OR d.leased_until <= now())
           ORDER BY d.next_attempt_at, d.id
           LIMIT GREATEST(r.room, 0)
           FOR UPDATE SKIP LOCKED
         ) p
       )
       UPDATE event_deliveries d
       SET leased_until = now() + make_interval(secs => $2::float8 / 1000),
           attempts = d.attempts + 1, last_attempt_at = now()
       FROM picked, events ev, ready r
       WHERE d.id = picked.id AND ev.id = d.event_id AND r.id = d.endpoint_id
       RETURNING d.id AS delivery_id, d.attempts, d.endpoint_id, ev.id AS event_id, ev.type,
         ev.payment_id, ev.sequence, ev.body, ev.traceparent, r.url, r.secret, r.previous_secret,
         r.previous_secret_expires_at`,
      [endpointConcurrency, webhookTimeoutMs + LEASE_MARGIN_MS],
    );
    for (const row of claimed) this.track(this.sendWebhook(row));
    // More is claimed when an attempt ends (it kicks this pump again).
    return false;
  }

  private async sendWebhook(row: ClaimedWebhook): Promise<void> {
    const sender = this.sender;
    if (!sender) return;
    const secrets = [row.secret];
    if (row.previous_secret && (row.previous_secret_expires_at?.getTime() ?? 0) > Date.now()) {
      secrets.push(row.previous_secret);
    }
    const result = await sender.send({
      url: row.url,
      event: outgoing(row),
      secrets,
      timeoutMs: this.options.events.webhookTimeoutMs,
    });
    await this.recordAttempt(row, result);
    this.observer.eventDelivery('webhook', outcomeOf(result, row, this.options.events));
  }

  private async recordAttempt(row: ClaimedWebhook, result: WebhookAttemptResult): Promise<void> {
    const { retryScheduleMs, disableAfterMs } = this.options.events;
    const attempt = `attempt AS (
         INSERT INTO delivery_attempts (delivery_id, status, error, duration_ms)
         VALUES ($1, $2, $3, $4)
       )`;
    if (result.delivered) {
      // A success after failures: the endpoint is back, so its waiting deliveries go now.
      await this.tx.statement(
        `WITH ${attempt}, done AS (
           UPDATE event_deliveries SET status = 'succeeded', leased_until = NULL,
             delivered_at = now(), last_status = $2, last_error = NULL
           WHERE id = $1 AND status = 'pending'
         ), back AS (
           UPDATE webhook_endpoints SET failing_since = NULL
           WHERE id = $5 AND failing_since IS NOT NULL RETURNING id
         )
         UPDATE event_deliveries SET next_attempt_at = now()
         WHERE endpoint_id IN (SELECT id FROM back) AND status = 'pending'
           AND next_attempt_at > now() AND id <> $1`,
        [row.delivery_id, result.status, null, result.durationMs, row.endpoint_id],
      );
      return;
    }
    const delay = retryScheduleMs[row.attempts - 1];
    const next = delay === undefined ? null : new Date(Date.now() + jittered(delay));
    const rows = await this.tx.statement<{ status: string }>(
      `WITH ${attempt}, failed AS (
         UPDATE event_deliveries SET status = $6, next_attempt_at = COALESCE($7, next_attempt_at),
           leased_until = NULL, last_status = $2, last_error = $3
         WHERE id = $1 AND status = 'pending'
       )
       UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, now()),
         status = CASE WHEN failing_since < now() - make_interval(secs => $8::float8 / 1000)
                       THEN 'disabled' ELSE status END,
         disabled_reason = CASE WHEN failing_since < now() - make_interval(secs => $8::float8 / 1000)
                       THEN 'every delivery failed since ' || to_char(failing_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                       ELSE disabled_reason END
       WHERE id = $5 RETURNING status`,
      [
        row.delivery_id,
        result.status,
        result.error,
        result.durationMs,
        row.endpoint_id,
        next ? 'pending' : 'failed',
        next,
        disableAfterMs,
      ],
    );
    if (rows[0]?.status === 'disabled') {
      this.logger.warn(
        { endpointId: row.endpoint_id },
        'webhook endpoint disabled: every delivery failed for too long',
      );
    }
  }

  // --- broker ---------------------------------------------------------------------------------

  private async publishBatch(): Promise<boolean> {
    const broker = this.eventBroker;
    if (!broker) return false;
    const claimed = await this.tx.statement<ClaimedRow>(
      `WITH picked AS (
         SELECT id FROM event_deliveries
         WHERE endpoint_id IS NULL AND status = 'pending' AND next_attempt_at <= now()
           AND (leased_until IS NULL OR leased_until <= now())
         ORDER BY next_attempt_at, id LIMIT ${BROKER_BATCH}
         FOR UPDATE SKIP LOCKED
       )
       UPDATE event_deliveries d
       SET leased_until = now() + interval '1 minute', attempts = d.attempts + 1,
           last_attempt_at = now()
       FROM picked, events ev
       WHERE d.id = picked.id AND ev.id = d.event_id
       RETURNING d.id AS delivery_id, d.attempts, ev.id AS event_id, ev.type, ev.payment_id,
         ev.sequence, ev.body, ev.traceparent`,
      [],
    );
    if (claimed.length === 0) return false;
    // Within a batch, each payment's events go out in their order.
    claimed.sort(order);
    const ids = claimed.map((r) => r.delivery_id);
    try {
      await broker.publish(claimed.map(outgoing));
    } catch (error) {
      const attempts = Math.max(...claimed.map((r) => r.attempts));
      const backoff = Math.min(BROKER_MAX_BACKOFF_MS, 250 * 2 ** Math.min(attempts, 10));
      await this.tx.statement(
        `UPDATE event_deliveries SET leased_until = NULL, last_error = $2,
           next_attempt_at = now() + make_interval(secs => $3::float8 / 1000)
         WHERE id = ANY($1::uuid[])`,
        [
          ids,
          error instanceof Error ? error.message.slice(0, 500) : 'publish failed',
          jittered(backoff),
        ],
      );
      for (const _ of ids) this.observer.eventDelivery('amqp', 'retry');
      this.logger.warn({ err: error, events: ids.length }, 'broker publish failed; retried');
      return false;
    }
    await this.tx.statement(
      `UPDATE event_deliveries SET status = 'succeeded', leased_until = NULL,
         delivered_at = now(), last_error = NULL
       WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    for (const _ of ids) this.observer.eventDelivery('amqp', 'delivered');
    return claimed.length === BROKER_BATCH;
  }

  // --- wake-ups -------------------------------------------------------------------------------

  /** LISTEN on a connection of its own; reconnects after losing it. */
  private async listen(): Promise<void> {
    while (!this.stopped) {
      const client = new pg.Client(connectionOf(this.dataSource));
      const lost = new Promise<void>((resolve) => {
        client.once('error', () => resolve());
        client.once('end', () => resolve());
      });
      try {
        await client.connect();
        client.on('notification', () => this.wake());
        await client.query(`LISTEN ${EVENTS_CHANNEL}`);
        this.listener = client;
        // Events committed while we were not listening.
        this.wake();
        await lost;
      } catch (error) {
        if (!this.stopped) this.logger.warn({ err: error }, 'LISTEN connection failed; polling');
      }
      await client.end().catch(() => undefined);
      if (!this.stopped) await new Promise((r) => setTimeout(r, 1_000));
    }
  }

  /** Tells the other processes (debounced) that this one committed events. */
  private announce(): void {
    if (this.notifyTimer) return;
    const wait = Math.max(0, this.lastNotify + NOTIFY_EVERY_MS - Date.now());
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      this.lastNotify = Date.now();
      this.tx
        .statement(`SELECT pg_notify('${EVENTS_CHANNEL}', '')`, [])
        .catch((error: unknown) => this.logger.debug({ err: error }, 'NOTIFY failed'));
    }, wait);
    this.notifyTimer.unref();
  }

  private track(work: Promise<void>): void {
    const running = work
      .catch((error: unknown) => this.failed('webhook attempt', error))
      .finally(() => {
        this.inFlight.delete(running);
        // Room at this endpoint again: claim what is due.
        this.webhooks.kick();
      });
    this.inFlight.add(running);
  }

  private failed(what: string, error: unknown): void {
    if (!this.stopped) this.logger.error({ err: error }, `event relay: ${what} failed`);
  }
}

function outgoing(row: ClaimedRow): OutgoingEvent {
  return {
    id: row.event_id,
    type: row.type,
    paymentId: row.payment_id,
    sequence: row.sequence,
    body: row.body,
    traceparent: row.traceparent,
  };
}

function order(a: ClaimedRow, b: ClaimedRow): number {
  if (a.payment_id !== b.payment_id) return (a.payment_id ?? '') < (b.payment_id ?? '') ? -1 : 1;
  return (a.sequence ?? 0) - (b.sequence ?? 0);
}

function outcomeOf(
  result: WebhookAttemptResult,
  row: ClaimedWebhook,
  events: PaymentsOptions['events'],
): string {
  if (result.delivered) return 'delivered';
  return row.attempts > events.retryScheduleMs.length ? 'failed' : 'retry';
}

function connectionOf(dataSource: DataSource): pg.ClientConfig {
  const options = dataSource.options as { url?: string };
  return { connectionString: options.url, application_name: 'payments-outbox-listener' };
}
