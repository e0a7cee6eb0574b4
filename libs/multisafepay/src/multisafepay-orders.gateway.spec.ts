import 'reflect-metadata';
import {
  GatewayOrderIdTakenError,
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

const PAN = '4111111111111111';
const CVC = '737';

const request: DirectCardOrderRequest = {
  orderId: 'shop/1234 ü',
  amount: 1000,
  currency: 'EUR',
  description: 'Order #1234',
  card: { number: PAN, holder: 'J. Jansen', expiryMonth: 3, expiryYear: 2031, cvc: CVC },
  customer: {
    email: 'j@example.com',
    ipAddress: '203.0.113.7',
    firstName: 'Jan',
    lastName: 'Jansen',
    locale: 'nl_NL',
    browser: { javascriptEnabled: true, screenWidth: 1920, timeZone: -60, language: 'nl-NL' },
  },
  redirectUrl: 'https://shop.example/thanks',
  cancelUrl: 'https://shop.example/cancel',
  notificationUrl: 'https://pay.example/webhooks/multisafepay',
  notificationMethod: 'POST',
};

describe('MultiSafepayOrdersGateway', () => {
  const msp = new FakeMsp();
  let sut: OrdersGateway;

  beforeAll(async () => {
    await msp.start();
    // 1 s: the silent-server cases wait for it, and an answer on a busy machine comes well within.
    sut = await gatewayFor({ baseUrl: `http://127.0.0.1:${msp.port}/v1/json`, timeoutMs: 1_000 });
  });

  beforeEach(() => {
    msp.seen = [];
  });

  afterAll(async () => {
    await msp.stop();
  });

  describe('createDirectCardOrder', () => {
    it('should POST a direct CREDITCARD order with the card in gateway_info', async () => {
      msp.answer(200, fixture('create-3ds-initialized'));
      await sut.createDirectCardOrder(request);
      const [seen] = msp.seen;
      expect(seen?.method).toBe('POST');
      expect(seen?.url).toBe('/v1/json/orders');
      expect(seen?.headers.api_key).toBe('test-key');
      expect(seen?.headers['content-type']).toBe('application/json');
      expect(JSON.parse(seen?.body ?? '')).toEqual({
        type: 'direct',
        gateway: 'CREDITCARD',
        order_id: 'shop/1234 ü',
        currency: 'EUR',
        amount: 1000,
        description: 'Order #1234',
        payment_options: {
          notification_url: 'https://pay.example/webhooks/multisafepay',
          notification_method: 'POST',
          redirect_url: 'https://shop.example/thanks',
          cancel_url: 'https://shop.example/cancel',
          close_window: false,
        },
        customer: {
          locale: 'nl_NL',
          ip_address: '203.0.113.7',
          first_name: 'Jan',
          last_name: 'Jansen',
          email: 'j@example.com',
          browser: {
            javascript_enabled: true,
            language: 'nl-NL',
            screen_width: 1920,
            time_zone: -60,
          },
        },
        gateway_info: {
          card_number: PAN,
          card_holder_name: 'J. Jansen',
          card_expiry_date: '3103',
          card_cvc: CVC,
        },
      });
    });

    it('should hand back 3-D Secure: payment_url, the form, and a transaction id with every digit', async () => {
      msp.answer(200, fixture('create-3ds-initialized'));
      const order = await sut.createDirectCardOrder(request);
      expect(order).toMatchObject({
        orderId: 'shop-1234',
        transactionId: '17472052901237122',
        status: 'initialized',
        paymentUrl:
          'https://testpay.multisafepay.com/customer-verification?sessionid=abc&type=3ds&md=xyz&lang=nl_NL',
        customerVerification: { type: 'form' },
        card: { brand: 'VISA', last4: '1111', expiry: '3012' },
      });
      expect(order.customerVerification?.html).toContain('<form method="post"');
      expect(order).toMatchObject({ capture: null, recurring: null });
    });

    it('should decide on status, not on payment_url: completed without 3-D Secure', async () => {
      msp.answer(200, fixture('create-completed'));
      const order = await sut.createDirectCardOrder(request);
      expect(order).toMatchObject({
        status: 'completed',
        paymentUrl: null,
        customerVerification: null,
        transactionId: '123456789',
      });
      expect(order.card).toEqual({ brand: 'VISA', last4: '3335', expiry: '3807' });
      // An automatically captured order; the recurring_id MultiSafepay filled without a model
      // is handed on with model null, so the domain can tell it is no saved card.
      expect(order.capture).toBeNull();
      expect(order.recurring).toEqual({ id: '9936127109231123', model: null });
    });

    it('should read both decline shapes as a declined order', async () => {
      msp.answer(200, fixture('create-declined'));
      expect(await sut.createDirectCardOrder(request)).toMatchObject({
        status: 'declined',
        reasonCode: '3001',
      });
      msp.answer(400, fixture('error-1024-declined'));
      expect(await sut.createDirectCardOrder(request)).toMatchObject({
        status: 'declined',
        transactionId: null,
        reasonCode: '1024',
        reason: 'Transaction declined',
        capture: null,
        recurring: null,
      });
    });

    it('should report an order id MultiSafepay already has (1006) as GatewayOrderIdTakenError', async () => {
      msp.answer(200, fixture('error-1006-not-found'));
      const error = await sut.createDirectCardOrder(request).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GatewayOrderIdTakenError);
      // To the caller it stays a rejection, with MultiSafepay's code and text.
      expect(error).toBeInstanceOf(GatewayRejectedError);
      expect(error).toMatchObject({
        code: 'GATEWAY_REJECTED',
        orderId: request.orderId,
        gatewayCode: 1006,
      });
    });

    it('should turn another error envelope into GatewayRejectedError, whatever the HTTP status', async () => {
      for (const status of [200, 403]) {
        msp.answer(status, fixture('error-1032-invalid-key'));
        await expect(sut.createDirectCardOrder(request)).rejects.toMatchObject({
          code: 'GATEWAY_REJECTED',
          gatewayCode: 1032,
          gatewayMessage: 'Invalid API key',
        });
      }
    });

    it.each([
      ['a 503', 503, '{"success":false}'],
      ['a 500 with HTML', 500, '<html>oops</html>'],
      ['a 200 that is not JSON', 200, 'OK'],
      ['a 200 that is not an envelope', 200, '{"hello":"world"}'],
      [
        'an unknown status',
        200,
        '{"success":true,"data":{"order_id":"x","status":"teleported","amount":1}}',
      ],
    ])('should report %s as GatewayUnavailableError', async (_name, status, body) => {
      msp.answer(status, body);
      await expect(sut.createDirectCardOrder(request)).rejects.toBeInstanceOf(
        GatewayUnavailableError,
      );
    });

    it('should report no answer within the timeout as GatewayTimeoutError (outcome unknown)', async () => {
      msp.handler = () => undefined;
      await expect(sut.createDirectCardOrder(request)).rejects.toBeInstanceOf(GatewayTimeoutError);
    });

    it('should report a connection cut after the request as GatewayTimeoutError (outcome unknown)', async () => {
      msp.handler = (_r, res) => res.socket?.destroy();
      await expect(sut.createDirectCardOrder(request)).rejects.toBeInstanceOf(GatewayTimeoutError);
    });

    it('should report a refused connection as GatewayUnavailableError (nothing was sent)', async () => {
      const closed = await gatewayFor({ baseUrl: 'http://127.0.0.1:1/v1/json' });
      await expect(closed.createDirectCardOrder(request)).rejects.toBeInstanceOf(
        GatewayUnavailableError,
      );
    });

    it('should never put the PAN or CVC in an error', async () => {
      const errors: unknown[] = [];
      for (const handler of [
        (_r: Seen, res: ServerResponse) => res.writeHead(500).end('x'),
        (_r: Seen, res: ServerResponse) => res.socket?.destroy(),
        () => undefined,
      ]) {
        msp.handler = handler;
        errors.push(await sut.createDirectCardOrder(request).catch((e: unknown) => e));
      }
      msp.answer(400, fixture('error-1032-invalid-key'));
      errors.push(await sut.createDirectCardOrder(request).catch((e: unknown) => e));
      for (const error of errors) {
        expect(error).toBeInstanceOf(Error);
        const text = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack ?? ''}`;
        expect(text).not.toContain(PAN);
        expect(text).not.toContain(`"${CVC}"`);
      }
    });
  });

  describe('getOrder', () => {
    it('should GET the URL-encoded order id and normalise drifting types', async () => {
      msp.answer(200, fixture('get-chargeback'));
      const order = await sut.getOrder('shop/1234 ü');
      expect(msp.seen[0]?.url).toBe('/v1/json/orders/shop%2F1234%20%C3%BC');
      expect(msp.seen[0]?.method).toBe('GET');
      expect(order).toMatchObject({
        transactionId: '17472052901237123',
        status: 'chargedback',
        amount: 1000,
        amountRefunded: 0,
        card: { brand: 'MASTERCARD', last4: '0004', expiry: '0912' },
      });
      expect(order.relatedTransactions).toEqual([
        {
          transactionId: '17472052901237999',
          type: 'chargeback',
          status: 'completed',
          amount: 1000,
          currency: 'EUR',
          orderId: 'shop-1234',
          refundOrderId: null,
        },
      ]);
    });

    it('should report 1006 as GatewayOrderNotFoundError', async () => {
      msp.answer(404, fixture('error-1006-not-found'));
      await expect(sut.getOrder('nope')).rejects.toBeInstanceOf(GatewayOrderNotFoundError);
    });

    it('should report a cut connection on a read as GatewayUnavailableError', async () => {
      msp.handler = (_r, res) => res.socket?.destroy();
      await expect(sut.getOrder('x')).rejects.toBeInstanceOf(GatewayUnavailableError);
    });
  });

  describe('refund and cancel', () => {
    it.each([
      [
        '{transaction_id, refund_id}',
        'refund-transaction-refund-id',
        { transactionId: '17472052901238000', refundId: '17472052901238001' },
      ],
      [
        '{order_id, transaction_id}',
        'refund-order-transaction',
        { transactionId: '17472052901238002', refundId: null },
      ],
    ])('should read the refund answer shaped %s', async (_name, file, expected) => {
      msp.answer(200, fixture(file));
      expect(
        await sut.refund('shop-1234', { amount: 400, currency: 'EUR', description: 'Partial' }),
      ).toEqual(expected);
      expect(msp.seen[0]?.url).toBe('/v1/json/orders/shop-1234/refunds');
      expect(JSON.parse(msp.seen[0]?.body ?? '')).toEqual({
        currency: 'EUR',
        amount: 400,
        description: 'Partial',
      });
    });

    it('should map a refused refund (1034) to GatewayRejectedError', async () => {
      msp.answer(
        400,
        '{"success":false,"data":{},"error_code":1034,"error_info":"Cannot refund transaction"}',
      );
      await expect(
        sut.refund('shop-1234', { amount: 400, currency: 'EUR' }),
      ).rejects.toBeInstanceOf(GatewayRejectedError);
    });

    it('should PATCH the order to cancel it', async () => {
      msp.answer(200, '{"success":true,"data":{}}');
      await sut.cancelOrder('shop-1234');
      expect(msp.seen[0]?.method).toBe('PATCH');
      expect(JSON.parse(msp.seen[0]?.body ?? '')).toEqual({
        status: 'cancelled',
        exclude_order: true,
      });
    });
  });
});
