import 'reflect-metadata';
import {
  GatewayOrderNotFoundError,
  GatewayRejectedError,
  GatewayTimeoutError,
  GatewayUnavailableError,
  type DirectCardOrderRequest,
  type OrdersGateway,
} from '@app/payments';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeMsp, fixture, gatewayFor, type Seen } from './testing/fake-msp.js';

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
const failure = (code: number, info: string): string =>
  JSON.stringify({ success: false, data: {}, error_code: code, error_info: info });

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

  describe('captureOrder', () => {
    it('should POST the capture to the original order and keep the capture order id it answers', async () => {
      msp.answer(200, fixture('capture-partial'));
      const capture = await sut.captureOrder('ord/1001', {
        amount: 3000,
        newOrderId: 'ord-1001-cap1',
        description: 'First parcel',
      });
      expect(msp.seen[0]?.method).toBe('POST');
      expect(msp.seen[0]?.url).toBe('/v1/json/orders/ord%2F1001/capture');
      expect(msp.seen[0]?.headers['content-type']).toBe('application/json');
      expect(sentBody()).toEqual({
        amount: 3000,
        new_order_id: 'ord-1001-cap1',
        new_order_status: 'completed',
        description: 'First parcel',
      });
      expect(capture).toEqual({ transactionId: '17472052901240001', orderId: 'ord-1001-cap1' });
    });

    it('should keep the original order id when a full capture answers with it', async () => {
      msp.answer(200, fixture('capture-full-original-order-id'));
      const capture = await sut.captureOrder('ord-1001', {
        amount: 10000,
        newOrderId: 'capture_ord-1001',
        invoiceId: 'INV-77',
        reason: 'Shipped',
      });
      expect(sentBody()).toEqual({
        amount: 10000,
        new_order_id: 'capture_ord-1001',
        new_order_status: 'completed',
        invoice_id: 'INV-77',
        reason: 'Shipped',
      });
      expect(capture).toEqual({ transactionId: '17472052901240005', orderId: 'ord-1001' });
    });

    it('should report an unknown order (1000) as GatewayOrderNotFoundError, whatever the HTTP status', async () => {
      for (const status of [404, 410, 200]) {
        msp.answer(status, fixture('error-1000-not-found'));
        await expect(
          sut.captureOrder('nope', { amount: 1, newOrderId: 'nope-cap' }),
        ).rejects.toBeInstanceOf(GatewayOrderNotFoundError);
      }
    });

    it.each([
      [1006, 'Invalid order ID'],
      [1001, 'Invalid amount'],
      [4321, 'Something MultiSafepay added later'],
    ])(
      'should leave error %i a GatewayRejectedError (1006 may mean new_order_id was used)',
      async (code, info) => {
        msp.answer(400, failure(code, info));
        const error = await sut
          .captureOrder('ord-1001', { amount: 1, newOrderId: 'cap' })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(GatewayRejectedError);
        expect(error).toMatchObject({ code: 'GATEWAY_REJECTED', gatewayCode: code });
      },
    );

    it('should report a success without transaction_id as GatewayUnavailableError', async () => {
      msp.answer(200, envelope({ order_id: 'ord-1001' }));
      await expect(
        sut.captureOrder('ord-1001', { amount: 1, newOrderId: 'cap' }),
      ).rejects.toBeInstanceOf(GatewayUnavailableError);
    });

    it('should report no answer or a cut connection as GatewayTimeoutError (outcome unknown)', async () => {
      for (const handler of [
        () => undefined,
        (_r: Seen, res: ServerResponse) => res.socket?.destroy(),
      ]) {
        msp.handler = handler;
        await expect(
          sut.captureOrder('ord-1001', { amount: 1, newOrderId: 'cap' }),
        ).rejects.toBeInstanceOf(GatewayTimeoutError);
      }
    });

    it('should report a 5xx as GatewayUnavailableError', async () => {
      msp.answer(503, '<html>down</html>');
      await expect(
        sut.captureOrder('ord-1001', { amount: 1, newOrderId: 'cap' }),
      ).rejects.toBeInstanceOf(GatewayUnavailableError);
    });
  });

  describe('releaseAuthorization', () => {
    it.each([
      ['an empty answer', 'release-empty', null],
      ['{transaction_id, order_id, success}', 'release-transaction', '100100100100100100'],
    ])('should PATCH /capture/{id} and read %s', async (_name, file, transactionId) => {
      msp.answer(200, fixture(file));
      expect(await sut.releaseAuthorization('ord 1001', { reason: 'Order cancelled' })).toEqual({
        transactionId,
      });
      expect(msp.seen[0]?.method).toBe('PATCH');
      expect(msp.seen[0]?.url).toBe('/v1/json/capture/ord%201001');
      expect(sentBody()).toEqual({ status: 'cancelled', reason: 'Order cancelled' });
    });

    it('should send the description when given', async () => {
      msp.answer(200, fixture('release-empty'));
      await sut.releaseAuthorization('ord-1001', { reason: 'r', description: 'd' });
      expect(sentBody()).toEqual({ status: 'cancelled', reason: 'r', description: 'd' });
    });

    it.each([
      [410, 'error-1000-not-found'],
      [404, 'error-1006-not-found'],
    ])(
      'should report an unknown order (HTTP %i) as GatewayOrderNotFoundError',
      async (status, file) => {
        msp.answer(status, fixture(file));
        await expect(sut.releaseAuthorization('nope', { reason: 'r' })).rejects.toBeInstanceOf(
          GatewayOrderNotFoundError,
        );
      },
    );

    it('should report an answer that says it did not succeed as GatewayRejectedError', async () => {
      msp.answer(200, envelope({ transaction_id: 1, order_id: 'ord-1001', success: false }));
      await expect(sut.releaseAuthorization('ord-1001', { reason: 'r' })).rejects.toBeInstanceOf(
        GatewayRejectedError,
      );
    });

    it('should report a cut connection as GatewayTimeoutError (outcome unknown)', async () => {
      msp.handler = (_r, res) => res.socket?.destroy();
      await expect(sut.releaseAuthorization('ord-1001', { reason: 'r' })).rejects.toBeInstanceOf(
        GatewayTimeoutError,
      );
    });
  });
});
