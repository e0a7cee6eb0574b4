import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaptureEntity } from '../entities/capture.entity.js';
import { HeldRowsRepository } from '../held/held-rows.repository.js';
import { TransactionRunner } from '../lifecycle/transaction-runner.js';

/** The SQL of `captures`. */
@Injectable()
export class CapturesRepository extends HeldRowsRepository<CaptureEntity> {
  constructor(private readonly tx: TransactionRunner) {
    super(CaptureEntity);
  }

  /** The payment a capture order (our `new_order_id`, or the one MultiSafepay answered) is of. */
  async paymentIdOfOrder(orderId: string): Promise<string | null> {
    const rows = await this.tx.statement<{ payment_id: string }>(
      'SELECT payment_id FROM captures WHERE capture_order_id = $1 OR gateway_order_id = $1 LIMIT 1',
      [orderId],
    );
    return rows[0]?.payment_id ?? null;
  }

  /** What the payment's succeeded captures add up to. */
  async succeededSumIn(m: EntityManager, paymentId: string): Promise<number> {
    const sums = await m.query<{ sum: string }[]>(
      `SELECT COALESCE(SUM(amount), 0) AS sum FROM captures
       WHERE payment_id = $1 AND status = 'succeeded'`,
      [paymentId],
    );
    return Number(sums[0]?.sum ?? 0);
  }
}
