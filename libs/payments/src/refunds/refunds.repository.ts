import { Injectable } from '@nestjs/common';
import { RefundEntity } from '../entities/refund.entity.js';
import { HeldRowsRepository } from '../held/held-rows.repository.js';

/** The SQL of `refunds` (through TypeORM: not a hot path). */
@Injectable()
export class RefundsRepository extends HeldRowsRepository<RefundEntity> {
  constructor() {
    super(RefundEntity);
  }
}
