import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SqlParams } from '../sql/sql.js';
import { TransactionRunner } from '../lifecycle/transaction-runner.js';
import type { EventType } from './event-types.js';
import { Outbox } from './outbox.js';

/**
 * Events that are not a payment's status move (those are written by PaymentLifecycleService in
 * the move's own statement): a refund's or a capture's outcome, for instance. Written in the
 * caller's transaction, with the change they report.
 */
@Injectable()
export class OutboxWriter {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Appends one event about `paymentId`. The payment row is updated with it (its
   * `event_sequence` and `version`), so the event's sequence is the payment's next one and an
   * optimistic move racing with it re-reads the row instead of reusing that number.
   */
  async appendIn(
    manager: EntityManager,
    paymentId: string,
    type: EventType,
    object: unknown,
  ): Promise<void> {
    const updated = await manager.query<[{ event_sequence: number }[], number]>(
      `UPDATE payments SET event_sequence = event_sequence + 1, version = version + 1
       WHERE id = $1 RETURNING event_sequence`,
      [paymentId],
    );
    const sequence = updated[0][0]?.event_sequence;
    if (sequence === undefined) throw new Error(`payment ${paymentId} vanished under its event`);
    const sql = new SqlParams();
    const writes = this.outbox.writes(sql.add, '(SELECT 1) AS always', [
      { type, paymentId, sequence, object },
    ]);
    const rows = await manager.query<{ deliveries: number }[]>(
      `WITH ${writes.ctes.join(',\n')} SELECT ${writes.deliveries} AS deliveries`,
      sql.values,
    );
    if ((rows[0]?.deliveries ?? 0) > 0) this.tx.afterCommit(manager, () => this.outbox.committed());
  }
}
