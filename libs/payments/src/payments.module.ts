import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PAYMENTS_ENTITIES } from './entities/index.js';
import { PaymentLifecycleService } from './lifecycle/payment-lifecycle.service.js';
import { TransactionRunner } from './lifecycle/transaction-runner.js';

/** The payments domain. Needs a `DataSource` provider (DatabaseModule) in the application. */
@Module({
  imports: [TypeOrmModule.forFeature(PAYMENTS_ENTITIES)],
  providers: [TransactionRunner, PaymentLifecycleService],
  exports: [TransactionRunner, PaymentLifecycleService, TypeOrmModule],
})
export class PaymentsModule {}
