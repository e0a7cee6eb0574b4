import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import type { DeepPartial } from 'typeorm';
import { PaymentEntity } from '../entities/payment.entity.js';

/** The columns refunds and captures share: a row holding an amount against its payment. */
export interface HeldRow {
  id: string;
  paymentId: string;
  clientId: string;
  idempotencyKey: string;
  requestHash: string;
  amount: number;
  currency: string;
  description: string | null;
  status: string;
  error: { code: string; message: string; gatewayCode?: number } | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The SQL of a table of held rows (`refunds`, `captures`): each row holds its amount against the
 * payment from before the gateway call, and is found again by its caller's Idempotency-Key.
 */
export abstract class HeldRowsRepository<R extends HeldRow> {
  protected constructor(protected readonly entity: EntityTarget<R>) {}

  /** The row of a caller's key, if any. */
  findByKeyIn(m: EntityManager, clientId: string, key: string): Promise<R | null> {
    return m.findOneBy(this.entity, { clientId, idempotencyKey: key } as FindOptionsWhere<R>);
  }

  /** What the payment's rows in `statuses` add up to (0 for none). */
  async heldSumIn(
    m: EntityManager,
    paymentId: string,
    statuses: readonly R['status'][],
  ): Promise<number> {
    const held = await m
      .createQueryBuilder(this.entity, 'r')
      .select('COALESCE(SUM(r.amount), 0)', 'sum')
      .where('r.payment_id = :paymentId AND r.status IN (:...held)', {
        paymentId,
        held: statuses,
      })
      .getRawOne<{ sum: string }>();
    return Number(held?.sum ?? 0);
  }

  insertIn(m: EntityManager, row: DeepPartial<R>): Promise<R> {
    return m.save(this.entity, m.create(this.entity, row));
  }

  /** Updates the row and returns it as it now is. */
  async updateIn(m: EntityManager, id: string, patch: Partial<R>): Promise<R> {
    await m.update(this.entity, { id }, patch as never);
    return m.findOneByOrFail(this.entity, { id } as FindOptionsWhere<R>);
  }

  /** The payment's rows, oldest first; null when there is no such payment. */
  listOf(m: EntityManager, paymentId: string): Promise<R[] | null> {
    return m.existsBy(PaymentEntity, { id: paymentId }).then((exists) =>
      exists
        ? m.find(this.entity, {
            where: { paymentId } as FindOptionsWhere<R>,
            order: { createdAt: 'ASC' } as never,
          })
        : null,
    );
  }
}
