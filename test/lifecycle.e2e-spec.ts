import {
  PaymentEntity,
  PaymentEventEntity,
  PaymentLifecycleService,
  TransactionRunner,
} from '@app/payments';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, uniqueId, type RunningApp } from './support/app.js';

describe('PaymentLifecycleService (real database)', () => {
  let app: RunningApp;
  let sut: PaymentLifecycleService;

  beforeAll(async () => {
    app = await startApp();
    sut = app.app.get(PaymentLifecycleService);
  });

  afterAll(async () => {
    await app?.close();
  });

  async function newPayment(): Promise<PaymentEntity> {
    return app.app.get(TransactionRunner).run(async (manager) => {
      const payment = await manager.save(
        manager.create(PaymentEntity, {
          orderId: uniqueId('order'),
          amount: 1000,
          currency: 'EUR',
          description: 'Lifecycle test',
          status: 'created',
          gatewayTransactionId: null,
          gatewayStatus: null,
          cardBrand: 'VISA',
          cardLast4: '1111',
          cardExpiryMonth: 12,
          cardExpiryYear: 2030,
          nextAction: null,
          refundedAmount: 0,
          metadata: null,
        }),
      );
      await sut.recordCreation(manager, payment, 'api');
      return payment;
    });
  }

  const events = (paymentId: string) =>
    app.dataSource
      .getRepository(PaymentEventEntity)
      .find({ where: { paymentId }, order: { seq: 'ASC' } });

  const statusOf = async (id: string) =>
    (await app.dataSource.getRepository(PaymentEntity).findOneByOrFail({ id })).status;

  it('should apply a legal move with its history row and patch', async () => {
    const payment = await newPayment();
    const outcome = await sut.transition(payment.id, 'initialized', {
      source: 'api',
      payloadDigest: 'a'.repeat(64),
      patch: { gatewayTransactionId: '17472052901237122', gatewayStatus: 'initialized' },
    });
    expect(outcome.kind).toBe('applied');
    const stored = await app.dataSource
      .getRepository(PaymentEntity)
      .findOneByOrFail({ id: payment.id });
    expect(stored.status).toBe('initialized');
    expect(stored.gatewayTransactionId).toBe('17472052901237122');
    expect(stored.version).toBe(payment.version + 1);
    const history = await events(payment.id);
    expect(history.map((e) => [e.fromStatus, e.toStatus, e.source, e.anomaly])).toEqual([
      [null, 'created', 'api', false],
      ['created', 'initialized', 'api', false],
    ]);
    expect(history[1]?.gatewayPayloadDigest).toBe('a'.repeat(64));
  });

  it('should treat a same-state move as a no-op without a history row', async () => {
    const payment = await newPayment();
    await sut.transition(payment.id, 'completed', { source: 'api' });
    const outcome = await sut.transition(payment.id, 'completed', { source: 'notification' });
    expect(outcome.kind).toBe('noop');
    expect(await events(payment.id)).toHaveLength(2);
  });

  it('should record an illegal move as an anomaly and leave the status alone', async () => {
    const payment = await newPayment();
    await sut.transition(payment.id, 'cancelled', { source: 'api' });
    const outcome = await sut.transition(payment.id, 'completed', {
      source: 'notification',
      patch: { gatewayStatus: 'completed' },
    });
    expect(outcome.kind).toBe('anomaly');
    const stored = await app.dataSource
      .getRepository(PaymentEntity)
      .findOneByOrFail({ id: payment.id });
    expect(stored.status).toBe('cancelled');
    expect(stored.gatewayStatus).toBeNull();
    const last = (await events(payment.id)).at(-1);
    expect(last).toMatchObject({ fromStatus: 'cancelled', toStatus: 'completed', anomaly: true });
  });

  it('should serialise 20 concurrent identical moves into one transition and one row', async () => {
    const payment = await newPayment();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        sut.transition(payment.id, 'completed', { source: 'notification' }),
      ),
    );
    expect(outcomes.filter((o) => o.kind === 'applied')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'noop')).toHaveLength(19);
    expect(await statusOf(payment.id)).toBe('completed');
    expect((await events(payment.id)).filter((e) => e.toStatus === 'completed')).toHaveLength(1);
  });

  it('should roll the status back when the surrounding transaction fails', async () => {
    const payment = await newPayment();
    await expect(
      app.app.get(TransactionRunner).run(async (manager) => {
        await sut.transitionIn(manager, payment.id, 'completed', { source: 'api' });
        throw new Error('boom after the move');
      }),
    ).rejects.toThrow('boom after the move');
    expect(await statusOf(payment.id)).toBe('created');
    expect(await events(payment.id)).toHaveLength(1);
  });

  it('should refuse an unknown payment id', async () => {
    await expect(
      sut.transition('00000000-0000-4000-8000-000000000000', 'completed', { source: 'api' }),
    ).rejects.toMatchObject({ code: 'PAYMENT_NOT_FOUND' });
  });
});
