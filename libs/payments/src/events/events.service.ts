import { Injectable, Optional } from '@nestjs/common';
import { PaymentsError } from '../errors/payments.error.js';
import { SqlParams } from '../sql/sql.js';
import { TransactionRunner } from '../lifecycle/transaction-runner.js';
import { EventNotFoundError, WebhookEndpointNotFoundError } from './events.errors.js';
import { EventBroker } from './event-transports.js';
import type { EventBody } from './outbox.js';
import { Outbox } from './outbox.js';
import { DeliveryAttemptEntity } from '../entities/delivery-attempt.entity.js';
import { EventDeliveryEntity } from '../entities/event-delivery.entity.js';
import { toDeliveryView, type EventDeliveryView } from './webhook-endpoints.service.js';
import { In } from 'typeorm';

export interface ListEventsQuery {
  after?: string;
  type?: string;
  paymentId?: string;
  limit: number;
}

export interface EventPage {
  data: EventBody[];
  /** Where to continue: the last event returned, or `after` itself when there is nothing new. */
  nextCursor: string | null;
  /** Whether more events were already there beyond this page. */
  hasMore: boolean;
}

export class InvalidEventCursorError extends PaymentsError {
  readonly code = 'VALIDATION_FAILED';

  constructor() {
    super('after is not a cursor this API returned', [
      { field: 'after', messages: ['is invalid'] },
    ]);
  }
}

/**
 * The pull feed (docs/design.md#events) and redelivery. The feed is ordered by (writing transaction, insert
 * position) and shows only events of transactions older than every transaction still running,
 * so a reader paging with `after` never passes an event that has yet to commit.
 */
@Injectable()
export class EventsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly outbox: Outbox,
    @Optional() private readonly broker?: EventBroker,
  ) {}

  async list(query: ListEventsQuery): Promise<EventPage> {
    const sql = new SqlParams();
    const p = sql.add;
    const where = ['tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint'];
    const after = query.after === undefined ? undefined : decodeCursor(query.after);
    if (after)
      where.push(`(tx_id, position) > (${p(after.txId)}::bigint, ${p(after.position)}::bigint)`);
    if (query.type !== undefined) where.push(`type = ${p(query.type)}`);
    if (query.paymentId !== undefined) where.push(`payment_id = ${p(query.paymentId)}::uuid`);
    const rows = await this.tx.statement<{ body: string; tx_id: string; position: string }>(
      `SELECT body, tx_id, position FROM events WHERE ${where.join(' AND ')}
       ORDER BY tx_id, position LIMIT ${p(query.limit + 1)}`,
      sql.values,
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      data: page.map((r) => JSON.parse(r.body) as EventBody),
      nextCursor: last ? encodeCursor(last.tx_id, last.position) : (query.after ?? null),
      hasMore: rows.length > query.limit,
    };
  }

  async get(id: string): Promise<EventBody> {
    const rows = await this.tx.statement<{ body: string }>(
      'SELECT body FROM events WHERE id = $1',
      [id],
    );
    if (!rows[0]) throw new EventNotFoundError(id);
    return JSON.parse(rows[0].body) as EventBody;
  }

  /**
   * The event's deliveries, one per destination (each webhook endpoint, and RabbitMQ), oldest
   * first, each with its attempts. An event nobody subscribed to has none.
   */
  async deliveries(id: string): Promise<EventDeliveryView[]> {
    return this.tx.read(async (m) => {
      const rows = await m
        .createQueryBuilder(EventDeliveryEntity, 'd')
        .innerJoinAndSelect('d.event', 'ev')
        .leftJoinAndSelect('d.endpoint', 'e')
        .where('d.event_id = :id', { id })
        .orderBy('d.created_at', 'ASC')
        .addOrderBy('d.id', 'ASC')
        .getMany();
      if (rows.length === 0) {
        const found = await m.query<unknown[]>('SELECT 1 FROM events WHERE id = $1', [id]);
        if (found.length === 0) throw new EventNotFoundError(id);
        return [];
      }
      const attempts = await m.find(DeliveryAttemptEntity, {
        where: { deliveryId: In(rows.map((r) => r.id)) },
        order: { at: 'ASC' },
      });
      return rows.map((d) => ({
        ...toDeliveryView(d, attempts),
        channel: d.channel,
        endpointId: d.endpointId,
        endpointUrl: d.endpoint?.url ?? null,
        lastStatus: d.lastStatus,
        lastError: d.lastError,
      }));
    });
  }

  /**
   * Sends an event again: to one endpoint, or to every enabled endpoint subscribed to its type
   * and to the broker when one is configured. A delivery that exists starts a new schedule.
   * Returns the number of deliveries scheduled.
   */
  async redeliver(id: string, target: { endpointId?: string }): Promise<{ scheduled: number }> {
    const sql = new SqlParams();
    const p = sql.add;
    const event = p(id);
    const endpoints =
      target.endpointId === undefined
        ? `e.status = 'enabled' AND (ev.type = ANY(e.event_types) OR '*' = ANY(e.event_types))`
        : `e.id = ${p(target.endpointId)}::uuid`;
    const rows = await this.tx.statement<{ found: boolean; endpoint_ok: boolean; n: number }>(
      `WITH ev AS (SELECT id, type FROM events WHERE id = ${event}),
       hooks AS (
         INSERT INTO event_deliveries (event_id, channel, endpoint_id, status, next_attempt_at)
         SELECT ev.id, 'webhook', e.id, 'pending', now() FROM ev JOIN webhook_endpoints e ON ${endpoints}
         ON CONFLICT (event_id, endpoint_id) WHERE endpoint_id IS NOT NULL DO UPDATE
           SET status = 'pending', attempts = 0, next_attempt_at = now(), leased_until = NULL
         RETURNING 1
       ),
       broker AS (
         INSERT INTO event_deliveries (event_id, channel, endpoint_id, status, next_attempt_at)
         SELECT ev.id, 'amqp', NULL, 'pending', now() FROM ev WHERE ${p(this.broker !== undefined && target.endpointId === undefined)}::boolean
         ON CONFLICT (event_id) WHERE channel = 'amqp' DO UPDATE
           SET status = 'pending', attempts = 0, next_attempt_at = now(), leased_until = NULL
         RETURNING 1
       )
       SELECT EXISTS (SELECT 1 FROM ev) AS found,
         ${target.endpointId === undefined ? 'TRUE' : `EXISTS (SELECT 1 FROM webhook_endpoints e WHERE ${endpoints})`} AS endpoint_ok,
         ((SELECT count(*) FROM hooks) + (SELECT count(*) FROM broker))::int AS n`,
      sql.values,
    );
    const result = rows[0];
    if (!result?.found) throw new EventNotFoundError(id);
    if (!result.endpoint_ok) throw new WebhookEndpointNotFoundError(target.endpointId ?? '');
    if (result.n > 0) this.outbox.committed();
    return { scheduled: result.n };
  }

  /**
   * Age of the oldest event some destination still waits for (a pending delivery to an enabled
   * endpoint or the broker); 0 when none.
   */
  async oldestPendingAgeSeconds(): Promise<number> {
    const rows = await this.tx.statement<{ age: number | null }>(
      `SELECT extract(epoch FROM now() - min(ev.created_at))::float8 AS age
       FROM event_deliveries d
       JOIN events ev ON ev.id = d.event_id
       LEFT JOIN webhook_endpoints e ON e.id = d.endpoint_id
       WHERE d.status = 'pending' AND (d.endpoint_id IS NULL OR e.status = 'enabled')`,
      [],
    );
    return Math.max(0, rows[0]?.age ?? 0);
  }
}

function encodeCursor(txId: string, position: string): string {
  return Buffer.from(`${txId}.${position}`).toString('base64url');
}

function decodeCursor(cursor: string): { txId: string; position: string } {
  const match = /^(\d{1,19})\.(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1] || !match[2]) throw new InvalidEventCursorError();
  return { txId: match[1], position: match[2] };
}
