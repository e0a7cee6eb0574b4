import {
  PaymentEntity,
  PaymentEventEntity,
  PaymentLifecycleService,
  TransactionRunner,
  PAYMENT_COLUMNS,
  PaymentsRepository,
  type WrittenWith,
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
      // The first history row, as the claim writes it.
      await manager.query(
        `INSERT INTO payment_events (payment_id, to_status, source) VALUES ($1, 'created', 'api')`,
        [payment.id],
      );
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
    // Unique per run: the column is unique and the test database may be reused.
    const transactionId = String(Date.now()).padEnd(17, '7');
    const outcome = await sut.transition(payment.id, 'initialized', {
      source: 'api',
      payloadDigest: 'a'.repeat(64),
      patch: { gatewayTransactionId: transactionId, gatewayStatus: 'initialized' },
    });
    expect(outcome.kind).toBe('applied');
    const stored = await app.dataSource
      .getRepository(PaymentEntity)
      .findOneByOrFail({ id: payment.id });
    expect(stored.status).toBe('initialized');
    expect(stored.gatewayTransactionId).toBe(transactionId);
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

  it('should map a row by hand exactly as TypeORM does (every column, same values)', async () => {
    const payment = await newPayment();
    await sut.transition(payment.id, 'initialized', {
      source: 'api',
      patch: {
        gatewayStatus: 'initialized',
        nextAction: { type: 'redirect', url: 'https://example.com/3ds', form: null },
      },
    });
    const columns = app.dataSource
      .getMetadata(PaymentEntity)
      .columns.map((c) => c.databaseName)
      .sort();
    expect(
      PAYMENT_COLUMNS.split(',')
        .map((c) => c.trim())
        .sort(),
    ).toEqual(columns);
    const byHand = await app.app.get(PaymentsRepository).findById(payment.id);
    const byTypeOrm = await app.dataSource
      .getRepository(PaymentEntity)
      .findOneByOrFail({ id: payment.id });
    expect(byHand).toEqual(byTypeOrm);
  });

  describe('tryTransition (one statement from a row read without a lock)', () => {
    /** A write that goes with the move: a row in a scratch table we can count. */
    const marker =
      (tag: string): WrittenWith =>
      (param, guard, outcome) =>
        `INSERT INTO lifecycle_spec_marks (tag, outcome) SELECT ${param(tag)}::text, ${param(outcome.kind)}::text WHERE ${guard}`;
    const marks = async (tag: string): Promise<string[]> =>
      (
        await app.dataSource.query<{ outcome: string }[]>(
          'SELECT outcome FROM lifecycle_spec_marks WHERE tag = $1 ORDER BY outcome',
          [tag],
        )
      ).map((r) => r.outcome);

    beforeAll(async () => {
      await app.dataSource.query(
        'CREATE TABLE IF NOT EXISTS lifecycle_spec_marks (tag text NOT NULL, outcome text NOT NULL)',
      );
    });

    afterAll(async () => {
      await app.dataSource.query('DROP TABLE IF EXISTS lifecycle_spec_marks');
    });

    it('should write the status, its history row and the companion write together', async () => {
      const payment = await newPayment();
      const outcome = await sut.tryTransition(
        payment,
        'completed',
        {
          source: 'notification',
          payloadDigest: 'b'.repeat(64),
          patch: { gatewayStatus: 'completed' },
        },
        marker(payment.id),
      );
      expect(outcome?.kind).toBe('applied');
      expect(outcome?.payment).toMatchObject({ status: 'completed', version: payment.version + 1 });
      const stored = await app.dataSource
        .getRepository(PaymentEntity)
        .findOneByOrFail({ id: payment.id });
      expect(stored).toMatchObject({
        status: 'completed',
        gatewayStatus: 'completed',
        version: payment.version + 1,
      });
      expect(
        (await events(payment.id)).map((e) => [e.fromStatus, e.toStatus, e.gatewayPayloadDigest]),
      ).toEqual([
        [null, 'created', null],
        ['created', 'completed', 'b'.repeat(64)],
      ]);
      expect(await marks(payment.id)).toEqual(['applied']);
    });

    it('should re-read a stale row and plan the move from what it holds now', async () => {
      const payment = await newPayment();
      await sut.transition(payment.id, 'initialized', { source: 'api' });
      // `payment` still says created, version 1: the row has moved on to initialized.
      const outcome = await sut.tryTransition(
        payment,
        'completed',
        { source: 'notification', patch: { gatewayStatus: 'completed' } },
        marker(payment.id),
      );
      expect(outcome?.kind).toBe('applied');
      expect(outcome?.payment).toMatchObject({ status: 'completed', version: 3 });
      expect(await statusOf(payment.id)).toBe('completed');
      expect((await events(payment.id)).map((e) => [e.fromStatus, e.toStatus])).toEqual([
        [null, 'created'],
        ['created', 'initialized'],
        ['initialized', 'completed'],
      ]);
      expect(await marks(payment.id)).toEqual(['applied']);
    });

    it.each([
      ['read before the move to cancelled (re-read, then an anomaly)', 'stale'],
      ['read after it', 'fresh'],
    ] as const)(
      'should leave anomalies to the locked path and write nothing: row %s',
      async (_label, which) => {
        const payment = await newPayment();
        const cancelled = (await sut.transition(payment.id, 'cancelled', { source: 'api' }))
          .payment;
        const outcome = await sut.tryTransition(
          which === 'stale' ? payment : cancelled,
          'completed',
          { source: 'notification' },
          marker(payment.id),
        );
        expect(outcome).toBeNull();
        expect(await statusOf(payment.id)).toBe('cancelled');
        expect(await events(payment.id)).toHaveLength(2);
        expect(await marks(payment.id)).toEqual([]);
      },
    );

    it('should write only the companion for a no-op that changes nothing', async () => {
      const payment = await newPayment();
      const completed = (await sut.transition(payment.id, 'completed', { source: 'api' })).payment;
      const outcome = await sut.tryTransition(
        completed,
        'completed',
        { source: 'notification' },
        marker(payment.id),
      );
      expect(outcome?.kind).toBe('noop');
      expect(await events(payment.id)).toHaveLength(2);
      expect(await marks(payment.id)).toEqual(['noop']);
    });

    it('should apply 20 concurrent moves from the same row once: one move, 19 no-ops', async () => {
      const payment = await newPayment();
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, () =>
          sut.tryTransition(payment, 'completed', { source: 'notification' }, marker(payment.id)),
        ),
      );
      // A move that keeps losing the race may hand over to the lock (null); none may apply twice.
      expect(outcomes.filter((o) => o?.kind === 'applied')).toHaveLength(1);
      expect(outcomes.filter((o) => o?.kind === 'noop').length).toBeGreaterThanOrEqual(17);
      expect((await events(payment.id)).filter((e) => e.toStatus === 'completed')).toHaveLength(1);
      const written = await marks(payment.id);
      expect(written.filter((m) => m === 'applied')).toHaveLength(1);
      expect(written).toHaveLength(outcomes.filter((o) => o !== null).length);
    });
  });

  it('should refuse an unknown payment id', async () => {
    await expect(
      sut.transition('00000000-0000-4000-8000-000000000000', 'completed', { source: 'api' }),
    ).rejects.toMatchObject({ code: 'PAYMENT_NOT_FOUND' });
  });
});
