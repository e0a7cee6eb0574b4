import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyKeyEntity } from '../entities/idempotency-key.entity.js';
import { PaymentEventEntity } from '../entities/payment-event.entity.js';
import { PaymentEntity } from '../entities/payment.entity.js';
import { PaymentsRepository } from '../lifecycle/payments.repository.js';
import { startDomain, type TestDomain } from '../testing/domain.js';
import { ScriptedGateway } from '../testing/scripted-gateway.js';
import { IdempotencyKeysRepository, type KeyClaim } from './idempotency-keys.repository.js';

/**
 * The Idempotency-Key's claim is hand-written SQL (one statement: the key, the `created` payment,
 * its first history row). What it writes must read back through TypeORM exactly as the payment
 * the service goes on with: a column added to the entity and left out here fails this.
 */
describe('IdempotencyKeysRepository (real database)', { timeout: 60_000 }, () => {
  let domain: TestDomain;
  let keys: IdempotencyKeysRepository;

  beforeAll(async () => {
    domain = await startDomain(new ScriptedGateway());
    keys = domain.get(IdempotencyKeysRepository);
  }, 180_000);

  afterAll(async () => {
    await domain?.close();
  });

  /** A payment as the creation service builds it before the claim (every column set). */
  function newPayment(): PaymentEntity {
    return Object.assign(new PaymentEntity(), {
      id: randomUUID(),
      orderId: `order-${randomUUID()}`,
      clientId: 'shop',
      amount: 1234,
      currency: 'EUR',
      description: 'Claim test',
      status: 'created' as const,
      gatewayTransactionId: null,
      gatewayStatus: null,
      cardBrand: 'VISA',
      cardLast4: '1111',
      cardExpiryMonth: 12,
      cardExpiryYear: 2030,
      nextAction: null,
      refundedAmount: 0,
      captureMode: 'manual' as const,
      capturedAmount: 0,
      captureExpiresAt: null,
      notificationMethod: 'POST' as const,
      metadata: { cart: 'c-1', items: 3, gift: true },
      customerReference: 'cust-1',
      recurringModel: 'cardOnFile' as const,
      savedCardId: 'card_abc',
      reconcileAfter: null,
      version: 1,
      eventSequence: 0,
    });
  }

  const claimOf = (payment: PaymentEntity, key = randomUUID()): KeyClaim => ({
    clientId: payment.clientId,
    key,
    requestHash: 'f'.repeat(64),
    leaseUntil: new Date(Date.now() + 60_000),
    ttlMs: 86_400_000,
  });

  it('should write the payment as the service holds it, read back by TypeORM and by hand', async () => {
    const payment = newPayment();
    const written = await keys.claim(claimOf(payment), payment);
    expect(written).not.toBeNull();
    const expected = Object.assign(new PaymentEntity(), payment, {
      createdAt: written!.created_at,
      updatedAt: written!.updated_at,
    });
    const byTypeOrm = await domain.dataSource
      .getRepository(PaymentEntity)
      .findOneByOrFail({ id: payment.id });
    expect(byTypeOrm).toEqual(expected);
    expect(await domain.get(PaymentsRepository).findById(payment.id)).toEqual(expected);
    const history = await domain.dataSource
      .getRepository(PaymentEventEntity)
      .findBy({ paymentId: payment.id });
    expect(history.map((e) => [e.fromStatus, e.toStatus, e.source, e.anomaly])).toEqual([
      [null, 'created', 'api', false],
    ]);
  });

  it('should store the key leased to the payment, with no answer yet', async () => {
    const payment = newPayment();
    const claim = claimOf(payment);
    await keys.claim(claim, payment);
    const row = await domain.dataSource
      .getRepository(IdempotencyKeyEntity)
      .findOneByOrFail({ clientId: claim.clientId, key: claim.key });
    expect(row).toMatchObject({
      requestHash: claim.requestHash,
      state: 'in_progress',
      paymentId: payment.id,
      leaseUntil: claim.leaseUntil,
      responseStatus: null,
      responseBody: null,
    });
  });

  it('should write nothing for a key already claimed, and take over one past its TTL', async () => {
    const first = newPayment();
    const claim = claimOf(first);
    await keys.claim(claim, first);
    const second = newPayment();
    expect(await keys.claim(claim, second)).toBeNull();
    expect(await domain.get(PaymentsRepository).findById(second.id)).toBeNull();
    // A TTL the key is past: it is a fresh key again.
    expect(await keys.claim({ ...claim, ttlMs: 0 }, second)).not.toBeNull();
    const row = await domain.dataSource
      .getRepository(IdempotencyKeyEntity)
      .findOneByOrFail({ clientId: claim.clientId, key: claim.key });
    expect(row.paymentId).toBe(second.id);
  });
});
