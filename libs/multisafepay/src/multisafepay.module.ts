import { HttpModule } from '@nestjs/axios';
import { Module } from '@nestjs/common';
import { OrdersGateway } from '@app/payments';
import { MultiSafepayOrdersGateway } from './multisafepay-orders.gateway.js';

/** Binds the OrdersGateway port to MultiSafepay's JSON API (config: the `multisafepay` namespace). */
@Module({
  imports: [HttpModule],
  providers: [{ provide: OrdersGateway, useClass: MultiSafepayOrdersGateway }],
  exports: [OrdersGateway],
})
export class MultiSafepayModule {}
