import 'reflect-metadata';
import {
  GatewayUnavailableError,
  type DirectCardOrderRequest,
  type OrdersGateway,
} from '@app/payments';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeMsp, fixture, gatewayFor } from './testing/fake-msp.js';

const PAN = '5500000000000004';

const cardOrder: DirectCardOrderRequest = {
  orderId: 'ord-1001',
  amount: 10000,
  currency: 'EUR',
  description: 'Order 1001',
  card: { number: PAN, holder: 'J Doe', expiryMonth: 12, expiryYear: 2030, cvc: '123' },
  customer: { ipAddress: '203.0.113.10', email: 'j@example.com', reference: 'ignored-ref' },
  notificationUrl: 'https://pay.example/webhooks/multisafepay',
  notificationMethod: 'POST',
};

const envelope = (data: unknown): string => JSON.stringify({ success: true, data });
describe('MultiSafepayOrdersGateway: manual capture and saved-card tokens', () => {
  const msp = new FakeMsp();
  let sut: OrdersGateway;

  beforeAll(async () => {
    await msp.start();
    sut = await gatewayFor({ baseUrl: `http://127.0.0.1:${msp.port}/v1/json`, timeoutMs: 300 });
  });

  beforeEach(() => {
    msp.seen = [];
  });

  afterAll(async () => {
    await msp.stop();
  });

  const sentBody = (i = 0): Record<string, unknown> =>
    JSON.parse(msp.seen[i]?.body ?? 'null') as Record<string, unknown>;

  describe('createDirectCardOrder with captureMode and recurring', () => {
    it('should send capture "manual" and a top-level recurring_model filed under the customer reference', async () => {
      msp.answer(200, fixture('create-3ds-initialized'));
      await sut.createDirectCardOrder({
        ...cardOrder,
        captureMode: 'manual',
        recurring: { model: 'cardOnFile', customerReference: 'customer-00001' },
      });
      const body = sentBody();
      expect(msp.seen[0]?.url).toBe('/v1/json/orders');
      expect(body).toMatchObject({
        type: 'direct',
        gateway: 'CREDITCARD',
        capture: 'manual',
        recurring_model: 'cardOnFile',
        customer: { reference: 'customer-00001', ip_address: '203.0.113.10' },
        gateway_info: { card_number: PAN, card_cvc: '123', card_expiry_date: '3012' },
      });
      expect(body).not.toHaveProperty('recurring');
      expect(body).not.toHaveProperty('recurring_id');
    });

    it('should send neither capture nor recurring fields for an automatic one-off payment', async () => {
      msp.answer(200, fixture('create-completed'));
      await sut.createDirectCardOrder({ ...cardOrder, captureMode: 'automatic' });
      const body = sentBody();
      expect(body).not.toHaveProperty('capture');
      expect(body).not.toHaveProperty('recurring_model');
      expect(body.customer).toMatchObject({ reference: 'ignored-ref' });
    });

    it('should hand back the token of a first payment with every digit of a numeric recurring_id', async () => {
      msp.answer(200, fixture('create-recurring-initial'));
      const order = await sut.createDirectCardOrder({
        ...cardOrder,
        recurring: { model: 'unscheduled', customerReference: 'customer-00001' },
      });
      expect(order.recurring).toEqual({ id: '99814704667013722040', model: 'unscheduled' });
      expect(order.card).toEqual({ brand: 'VISA', last4: '1111', expiry: '1112' });
      expect(order.capture).toBeNull();
    });
  });

  describe('getOrder: the authorized state', () => {
    it('should read an open authorisation: completed, financially initialized, manual capture', async () => {
      msp.answer(200, fixture('get-authorized'));
      const order = await sut.getOrder('ord-1001');
      expect(order).toMatchObject({
        status: 'completed',
        financialStatus: 'initialized',
        amount: 9743,
        card: { brand: 'VISA', last4: '1111', expiry: '4412' },
        recurring: { id: '57876598769', model: null },
        relatedTransactions: [],
      });
      // "2020-06-06T05:53:44" has no offset: Amsterdam summer time (UTC+2), not UTC.
      expect(order.capture).toEqual({
        mode: 'manual',
        expiresAt: new Date('2020-06-06T03:53:44.000Z'),
        remaining: 9743,
      });
    });

    it('should read a partly captured authorisation with its capture and auth-cancellation', async () => {
      msp.answer(200, fixture('get-authorized-partly-captured'));
      const order = await sut.getOrder('ord-1001');
      // "Manual" in another case, capture_remain as a string, a winter expiry (UTC+1).
      expect(order.capture).toEqual({
        mode: 'manual',
        expiresAt: new Date('2026-01-15T11:00:00.000Z'),
        remaining: 7000,
      });
      expect(order.recurring).toBeNull();
      expect(order.relatedTransactions).toEqual([
        {
          transactionId: '17472052901240001',
          type: 'capture',
          status: 'completed',
          amount: 3000,
          currency: 'EUR',
          orderId: 'ord-1001-cap1',
          refundOrderId: null,
        },
        {
          transactionId: '17472052901240002',
          type: 'auth-cancellation',
          status: 'void',
          amount: 7000,
          currency: 'EUR',
          orderId: null,
          refundOrderId: null,
        },
        {
          transactionId: '17472052901240003',
          type: 'reverse-chargeback',
          status: 'completed',
          amount: 100,
          currency: 'EUR',
          orderId: 'ord-1001',
          refundOrderId: null,
        },
      ]);
    });

    it('should read the chargedback spelling as well as chargeback, with capture null', async () => {
      msp.answer(200, fixture('get-chargedback'));
      const order = await sut.getOrder('shop-1234');
      expect(order).toMatchObject({
        status: 'chargedback',
        transactionId: '17472052901237124',
        capture: null,
        recurring: { id: '9936127109231123', model: null },
      });
    });

    it.each([
      ['automatic', { capture: 'automatic', capture_remain: 1000 }, null],
      [
        'manual without remain or expiry',
        { capture: 'manual' },
        { mode: 'manual', expiresAt: null, remaining: 0 },
      ],
      [
        'manual with an unreadable expiry and an explicit offset elsewhere',
        { capture: 'manual', capture_expiry: '06-06-2020', capture_remain: 5 },
        { mode: 'manual', expiresAt: null, remaining: 5 },
      ],
      [
        'manual with an offset',
        { capture: 'manual', capture_expiry: '2020-06-06T05:53:44Z', capture_remain: 0 },
        { mode: 'manual', expiresAt: new Date('2020-06-06T05:53:44Z'), remaining: 0 },
      ],
    ])('should read payment_details.capture %s', async (_name, details, expected) => {
      msp.answer(
        200,
        envelope({
          order_id: 'ord-1',
          status: 'completed',
          financial_status: 'initialized',
          amount: 1000,
          payment_details: { type: 'VISA', ...details },
        }),
      );
      expect((await sut.getOrder('ord-1')).capture).toEqual(expected);
    });

    it('should refuse a capture_remain that is not an integer amount', async () => {
      msp.answer(
        200,
        envelope({
          order_id: 'ord-1',
          status: 'completed',
          amount: 1000,
          payment_details: { capture: 'manual', capture_remain: '97.43' },
        }),
      );
      await expect(sut.getOrder('ord-1')).rejects.toBeInstanceOf(GatewayUnavailableError);
    });
  });
});
