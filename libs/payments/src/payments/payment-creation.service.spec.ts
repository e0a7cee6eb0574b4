import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PaymentEventEntity } from '../entities/payment-event.entity.js';
import { ValidationFailedError } from '../errors/common.errors.js';
import { ReplayedError } from '../errors/replayed.error.js';
import {
  GatewayOrderIdTakenError,
  GatewayOrderNotFoundError,
  GatewayRejectedError,
  GatewayTimeoutError,
} from '../gateway/gateway.errors.js';
import type { DirectCardOrderRequest, GatewayOrder } from '../gateway/orders.gateway.js';
import { PaymentsRepository } from '../lifecycle/payments.repository.js';
import { startDomain, type TestDomain } from '../testing/domain.js';
import { gatewayOrder, ScriptedGateway } from '../testing/scripted-gateway.js';
import type { CreatePaymentRequest } from './create-payment-input.js';
import { PaymentCreationService } from './payment-creation.service.js';
import { IdempotencyKeyReusedError, OrderIdExistsError } from './payments.errors.js';

/**
 * Creating a payment once per Idempotency-Key, against the real schema on the embedded
 * PostgreSQL; only MultiSafepay's side of the gateway port is scripted.
 */
describe('PaymentCreationService (real database)', { timeout: 60_000 }, () => {
  const gateway = new ScriptedGateway();
  /** Orders MultiSafepay has, by order id. */
  const orders = new Map<string, GatewayOrder>();
  let domain: TestDomain;
  let sut: PaymentCreationService;

  const completedOrder = (request: DirectCardOrderRequest): GatewayOrder =>
    gatewayOrder({
      orderId: request.orderId,
      transactionId: String(Math.floor(Math.random() * 1e15)),
      status: 'completed',
      financialStatus: 'completed',
      amount: request.amount,
      currency: request.currency,
    });

  beforeAll(async () => {
    domain = await startDomain(gateway);
    sut = domain.get(PaymentCreationService);
  }, 180_000);

  afterAll(async () => {
    await domain?.close();
  });

  beforeEach(() => {
    gateway.calls.length = 0;
    gateway
      .on('createDirectCardOrder', (request) => {
        const order = completedOrder(request);
        orders.set(request.orderId, order);
        return Promise.resolve(structuredClone(order));
      })
      .on('getOrder', (orderId) => {
        const order = orders.get(orderId);
        return order
          ? Promise.resolve(structuredClone(order))
          : Promise.reject(new GatewayOrderNotFoundError(orderId));
      });
  });

  const request = (overrides: Partial<CreatePaymentRequest> = {}): CreatePaymentRequest => ({
    orderId: `order-${randomUUID()}`,
    amount: 1000,
    currency: 'EUR',
    description: 'Creation test',
    card: { number: '4111111111111111', holder: 'A. Shopper', expiryMonth: 12, expiryYear: 2030 },
    customer: { email: 'shopper@example.com' },
    ...overrides,
  });
  const historyOf = async (paymentId: string) =>
    (
      await domain.dataSource
        .getRepository(PaymentEventEntity)
        .find({ where: { paymentId }, order: { seq: 'ASC' } })
    ).map((e) => [e.fromStatus, e.toStatus]);

  it('should create once per key, and replay the same answer byte for byte', async () => {
    const key = randomUUID();
    const body = request();
    const first = await sut.create('shop', key, body);
    expect(first).toMatchObject({ status: 201, replayed: false });
    expect(first.body).toMatchObject({
      status: 'completed',
      card: { brand: 'VISA', last4: '1111' },
    });
    const again = await sut.create('shop', key, structuredClone(body));
    expect(again).toEqual({ ...first, replayed: true });
    expect(gateway.callsOf('createDirectCardOrder')).toHaveLength(1);
    expect(await historyOf(first.body.id)).toEqual([
      [null, 'created'],
      ['created', 'completed'],
    ]);
    await expect(sut.create('shop', key, { ...body, amount: 1001 })).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
  });

  it('should never send the card number to the database: only last 4 and expiry', async () => {
    const { body } = await sut.create('shop', randomUUID(), request());
    const rows = await domain.dataSource.query<Record<string, unknown>[]>(
      'SELECT * FROM payments WHERE id = $1',
      [body.id],
    );
    expect(JSON.stringify(rows)).not.toContain('4111111111111111');
    const keys = await domain.dataSource.query<Record<string, unknown>[]>(
      'SELECT * FROM idempotency_keys WHERE payment_id = $1',
      [body.id],
    );
    expect(JSON.stringify(keys)).not.toContain('4111111111111111');
  });

  it('should leave a timed-out payment unknown, and settle it on retry from the same order', async () => {
    const key = randomUUID();
    const body = request();
    gateway.on('createDirectCardOrder', (sent) => {
      orders.set(sent.orderId, completedOrder(sent));
      return Promise.reject(new GatewayTimeoutError('create order', 10));
    });
    await expect(sut.create('shop', key, body)).rejects.toBeInstanceOf(GatewayTimeoutError);
    const payment = await domain.get(PaymentsRepository).findByOrderId(body.orderId);
    expect(payment?.status).toBe('unknown');
    const retried = await sut.create('shop', key, body);
    expect(retried.body).toMatchObject({ id: payment!.id, status: 'completed' });
    // The retry read the order MultiSafepay had; it never created a second one.
    expect(gateway.callsOf('createDirectCardOrder')).toHaveLength(1);
    expect(await historyOf(payment!.id)).toEqual([
      [null, 'created'],
      ['created', 'unknown'],
      ['unknown', 'completed'],
    ]);
  });

  it("should read the order when a retry's create finds its order id taken at MultiSafepay", async () => {
    const key = randomUUID();
    const body = request();
    // The first attempt never reached MultiSafepay as far as we know: its read finds nothing.
    gateway.on('createDirectCardOrder', () =>
      Promise.reject(new GatewayTimeoutError('create order', 10)),
    );
    await expect(sut.create('shop', key, body)).rejects.toBeInstanceOf(GatewayTimeoutError);
    // Now it arrives late, and a second create is refused as a taken order id.
    gateway
      .on('getOrder', (orderId) => {
        const order = orders.get(orderId);
        return order
          ? Promise.resolve(structuredClone(order))
          : Promise.reject(new GatewayOrderNotFoundError(orderId));
      })
      .on('createDirectCardOrder', (sent) => {
        orders.set(sent.orderId, completedOrder(sent));
        return Promise.reject(new GatewayOrderIdTakenError(sent.orderId, 1006, 'Invalid order ID'));
      });
    const retried = await sut.create('shop', key, body);
    expect(retried.body.status).toBe('completed');
  });

  it("should store MultiSafepay's refusal as the answer: declined, replayed as the same error", async () => {
    const key = randomUUID();
    const body = request();
    gateway.on('createDirectCardOrder', () =>
      Promise.reject(new GatewayRejectedError(1032, 'Invalid API key')),
    );
    await expect(sut.create('shop', key, body)).rejects.toBeInstanceOf(GatewayRejectedError);
    const payment = await domain.get(PaymentsRepository).findByOrderId(body.orderId);
    expect(payment?.status).toBe('declined');
    const replay = await sut.create('shop', key, body).catch((e: unknown) => e);
    expect(replay).toBeInstanceOf(ReplayedError);
    expect(replay).toMatchObject({
      code: 'GATEWAY_REJECTED',
      details: { gatewayCode: 1032, gatewayMessage: 'Invalid API key' },
    });
    expect(gateway.callsOf('createDirectCardOrder')).toHaveLength(1);
  });

  it('should refuse a request that is neither a card nor a saved card payment, writing nothing', async () => {
    const body = request({ card: undefined });
    await expect(sut.create('shop', randomUUID(), body)).rejects.toBeInstanceOf(
      ValidationFailedError,
    );
    const saved = request({ card: undefined, savedCardId: 'card_x' });
    await expect(sut.create('shop', randomUUID(), saved)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'recurring', messages: ['is required with savedCardId'] }],
    });
    for (const b of [body, saved]) {
      expect(await domain.get(PaymentsRepository).findByOrderId(b.orderId)).toBeNull();
    }
    expect(gateway.calls).toHaveLength(0);
  });
  // Last on purpose: after this unique violation the embedded server drops the connection, and
  // the statement that comes next at once fails with ECONNRESET while the pool reconnects (seen
  // here, not yet explained; the e2e suites' requests are far enough apart not to meet it).
  it('should refuse an order id already taken', async () => {
    const body = request();
    await sut.create('shop', randomUUID(), body);
    await expect(sut.create('shop', randomUUID(), { ...body })).rejects.toBeInstanceOf(
      OrderIdExistsError,
    );
  });
});
