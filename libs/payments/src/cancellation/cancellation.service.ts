import { Injectable } from '@nestjs/common';
import type { PaymentEntity } from '../entities/payment.entity.js';
import { PaymentNotFoundError } from '../errors/common.errors.js';
import { OrdersGateway } from '../gateway/orders.gateway.js';
import { PaymentsRepository } from '../lifecycle/payments.repository.js';
import { TransactionRunner } from '../lifecycle/transaction-runner.js';
import { PaymentsService } from '../payments/payments.service.js';
import { NotAuthorizedError } from '../captures/captures.errors.js';
import { NotCancellableError } from '../refunds/refunds.errors.js';

const CANCELLABLE = ['initialized', 'uncleared'];

/**
 * Ending a payment without taking (more of) its money: cancelling one still awaiting the shopper,
 * or releasing what is left of an authorization (docs/design.md#manual-capture). MultiSafepay is
 * asked first; then the order is read and applied, so the payment moves as MultiSafepay says.
 */
@Injectable()
export class CancellationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly payments: PaymentsService,
    private readonly repository: PaymentsRepository,
    private readonly gateway: OrdersGateway,
  ) {}

  /**
   * Cancels a payment still awaiting the shopper (PATCH /orders/{id}), then applies the order;
   * an authorization is released instead.
   */
  async cancel(paymentId: string): Promise<PaymentEntity> {
    const payment = await this.repository.findById(paymentId);
    if (!payment) throw new PaymentNotFoundError(paymentId);
    if (payment.status === 'authorized') return this.release(payment);
    if (!CANCELLABLE.includes(payment.status)) throw new NotCancellableError(payment.status);
    await this.gateway.cancelOrder(payment.orderId);
    const order = await this.gateway.getOrder(payment.orderId);
    return (
      await this.tx.run((m) =>
        this.payments.applyIn(m, paymentId, order, 'api', 'cancelled through the API'),
      )
    ).payment;
  }

  /**
   * Releases what is left of an authorization (PATCH /capture/{id} at MultiSafepay), then
   * applies the order: `void` when nothing was captured, `completed` otherwise.
   */
  async release(payment: PaymentEntity): Promise<PaymentEntity> {
    if (payment.status !== 'authorized') {
      throw new NotAuthorizedError(payment.status, payment.captureMode, 'released');
    }
    await this.gateway.releaseAuthorization(payment.orderId, {
      reason: 'released through the API',
    });
    const order = await this.gateway.getOrder(payment.orderId);
    return (
      await this.tx.run((m) =>
        this.payments.applyIn(
          m,
          payment.id,
          order,
          'api',
          'authorization released through the API',
        ),
      )
    ).payment;
  }
}
