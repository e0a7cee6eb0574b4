import { randomBytes } from 'node:crypto';
import type { Param } from '../lifecycle/payment-row.js';
import type { EventType } from './event-types.js';

/** An event about to be written with the move it reports. */
export interface NewEvent {
  type: EventType;
  paymentId: string;
  /** The payment's `event_sequence` after this event. */
  sequence: number;
  /** The resource as the API shows it after the move (payment or refund, DESIGN §3). */
  object: unknown;
  traceparent: string | null;
}

/** The body of every delivery and of the feed (DESIGN §8), in a fixed key order. */
export interface EventBody {
  id: string;
  type: string;
  createdAt: string;
  paymentId: string | null;
  sequence: number | null;
  data: { object: unknown };
}

export function newEventId(): string {
  return `evt_${randomBytes(13).toString('hex')}`;
}

/**
 * The INSERT of `events` rows, one per element, each only if `from` yields a row (a CTE such as
 * the move's `moved`, so the event exists only if the move was written). The body is built here,
 * once: deliveries and the feed send it byte for byte.
 */
export function insertEventsSql(p: Param, from: string, events: NewEvent[]): string {
  const at = new Date().toISOString();
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
  return `INSERT INTO events (id, tx_id, type, payment_id, sequence, body, traceparent, created_at)
    SELECT e.id, pg_current_xact_id()::text::bigint, e.type, e.payment_id, e.sequence, e.body,
      e.traceparent, ${p(at)}::timestamptz
    FROM unnest(${column((r) => r.id)}::varchar[], ${column((r) => r.event.type)}::varchar[],
      ${column((r) => r.event.paymentId)}::uuid[], ${column((r) => r.event.sequence)}::int[],
      ${column((r) => r.body)}::text[], ${column((r) => r.event.traceparent)}::varchar[])
      AS e(id, type, payment_id, sequence, body, traceparent)
    WHERE EXISTS (SELECT 1 FROM ${from})`;
}
