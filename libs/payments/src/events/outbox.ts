import { Injectable, Optional } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Param } from '../sql/sql.js';
import { EventBroker } from './event-transports.js';
import type { EventType } from './event-types.js';
import { NoTraceparent, TraceparentSource } from './traceparent.js';

/** An event about to be written with the move it reports. */
export interface NewEvent {
  type: EventType;
  /** The payment it is about; for a saved card, the payment that saved it (or null). */
  paymentId: string | null;
  /**
   * The payment's `event_sequence` after this event; null for events outside a payment's
   * lifecycle (saved cards), which a receiver orders by `createdAt` instead.
   */
  sequence: number | null;
  /** The resource as the API shows it after the move (payment or refund, docs/design.md#internal-api). */
  object: unknown;
}

/** The body of every delivery and of the feed (docs/design.md#events), in a fixed key order. */
export interface EventBody {
  id: string;
  type: string;
  createdAt: string;
  paymentId: string | null;
  sequence: number | null;
  data: { object: unknown };
}

/** The CTEs that write events with a move, and the SQL expression counting their deliveries. */
export interface EventWrites {
  ctes: string[];
  /** An `int` expression: the deliveries written (0: the relay has nothing to send). */
  deliveries: string;
}

export function newEventId(): string {
  return `evt_${randomBytes(13).toString('hex')}`;
}

/**
 * The transactional outbox (docs/design.md#events). `writes` gives the SQL that stores events, and their
 * deliveries (one per enabled endpoint subscribed to the type, one for the broker when there is
 * one), in the very statement of the change they report; `committed` tells the relay once such
 * a statement's transaction has committed, so it sends at once.
 */
@Injectable()
export class Outbox {
  private readonly listeners = new Set<() => void>();
  private readonly broker: boolean;
  private readonly trace: TraceparentSource;

  constructor(@Optional() broker?: EventBroker, @Optional() trace?: TraceparentSource) {
    this.broker = broker !== undefined;
    this.trace = trace ?? new NoTraceparent();
  }

  /**
   * CTEs inserting `events`, each only if `from` yields a row (a CTE such as the move's `moved`,
   * so the events exist only if the move was written), with their deliveries. The body is built
   * here, once: deliveries and the feed send it byte for byte. Each event keeps the trace
   * context of the request that caused it (null while tracing is off).
   */
  writes(p: Param, from: string, events: NewEvent[], name = 'ev'): EventWrites {
    const at = new Date().toISOString();
    const traceparent = this.trace.current();
    const rows = events.map((e) => {
      const id = newEventId();
      const body: EventBody = {
        id,
        type: e.type,
        createdAt: at,
        paymentId: e.paymentId,
        sequence: e.sequence,
        data: { object: e.object },
      };
      return { id, event: e, body: JSON.stringify(body) };
    });
    const column = <V>(value: (row: (typeof rows)[number]) => V): string => p(rows.map(value));
    const ctes = [
      `${name} AS (INSERT INTO events (id, tx_id, type, payment_id, sequence, body, traceparent, created_at)
        SELECT e.id, pg_current_xact_id()::text::bigint, e.type, e.payment_id, e.sequence, e.body,
          e.traceparent, ${p(at)}::timestamptz
        FROM unnest(${column((r) => r.id)}::varchar[], ${column((r) => r.event.type)}::varchar[],
          ${column((r) => r.event.paymentId)}::uuid[], ${column((r) => r.event.sequence)}::int[],
          ${column((r) => r.body)}::text[], ${column(() => traceparent)}::varchar[])
          AS e(id, type, payment_id, sequence, body, traceparent)
        WHERE EXISTS (SELECT 1 FROM ${from})
        RETURNING id, type)`,
      `${name}_hooks AS (INSERT INTO event_deliveries (event_id, channel, endpoint_id, status, next_attempt_at)
        SELECT ${name}.id, 'webhook', w.id, 'pending', now() FROM ${name}
        JOIN webhook_endpoints w ON w.status = 'enabled'
          AND (${name}.type = ANY(w.event_types) OR '*' = ANY(w.event_types))
        RETURNING 1)`,
    ];
    if (this.broker) {
      ctes.push(
        `${name}_broker AS (INSERT INTO event_deliveries (event_id, channel, endpoint_id, status, next_attempt_at)
          SELECT ${name}.id, 'amqp', NULL, 'pending', now() FROM ${name} RETURNING 1)`,
      );
    }
    const deliveries = this.broker
      ? `((SELECT count(*) FROM ${name}_hooks) + (SELECT count(*) FROM ${name}_broker))::int`
      : `(SELECT count(*) FROM ${name}_hooks)::int`;
    return { ctes, deliveries };
  }

  /** Calls `listener` after each commit that wrote deliveries; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Deliveries were committed in this process (other replicas learn it through NOTIFY). */
  committed(): void {
    for (const listener of this.listeners) listener();
  }
}
