import 'reflect-metadata';
import {
  GatewayOrderIdTakenError,
  GatewayOrderNotFoundError,
  GatewayRejectedError,
  GatewayTimeoutError,
  GatewayTokenNotFoundError,
  GatewayUnavailableError,
  type DirectCardOrderRequest,
  type OrdersGateway,
  type TokenOrderRequest,
} from '@app/payments';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeMsp, fixture, gatewayFor, type Seen } from './testing/fake-msp.js';

const PAN = '5500000000000004';
const TOKEN = 'azbkvsE0up4';

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

const tokenOrder: TokenOrderRequest = {
  orderId: 'sub-0002',
  amount: 1000,
  currency: 'EUR',
  description: 'Plan, month 2',
  recurringId: TOKEN,
  model: 'unscheduled',
  customerReference: 'customer-00001',
  customer: { ipAddress: '203.0.113.10' },
  notificationUrl: 'https://pay.example/webhooks/multisafepay',
  notificationMethod: 'POST',
};

const envelope = (data: unknown): string => JSON.stringify({ success: true, data });
const failure = (code: number, info: string): string =>
  JSON.stringify({ success: false, data: {}, error_code: code, error_info: info });

/** Everything an error could show: its text, its own fields, its stack. */
const shown = (error: unknown): string =>
  `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack ?? ''}`;

describe('MultiSafepayOrdersGateway: manual capture and saved-card tokens', () => {
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

  describe('createTokenOrder', () => {
    it('should POST the token without gateway, card or CVC', async () => {
      msp.answer(200, fixture('create-token-completed'));
      await sut.createTokenOrder(tokenOrder);
      expect(msp.seen[0]?.method).toBe('POST');
      expect(msp.seen[0]?.url).toBe('/v1/json/orders');
      expect(sentBody()).toEqual({
        type: 'direct',
        order_id: 'sub-0002',
        currency: 'EUR',
        amount: 1000,
        description: 'Plan, month 2',
        recurring_id: TOKEN,
        recurring_model: 'unscheduled',
        payment_options: {
          notification_url: 'https://pay.example/webhooks/multisafepay',
          notification_method: 'POST',
          close_window: false,
        },
        customer: { reference: 'customer-00001', ip_address: '203.0.113.10' },
      });
    });

    it('should read the answer as an order, the model in any case', async () => {
      msp.answer(200, fixture('create-token-completed'));
      expect(await sut.createTokenOrder(tokenOrder)).toMatchObject({
        orderId: 'sub-0002',
        transactionId: '17472052901237300',
        status: 'completed',
        financialStatus: 'completed',
        card: { brand: 'VISA', last4: '1111', expiry: '2612' },
        recurring: { id: TOKEN, model: 'cardOnFile' },
        capture: null,
        paymentUrl: 'https://testpayv2.multisafepay.com/connect/13abc/?lang=nl_NL',
      });
    });

    it('should read both decline shapes as a declined order', async () => {
      msp.answer(200, fixture('create-token-declined'));
      expect(await sut.createTokenOrder(tokenOrder)).toMatchObject({
        status: 'declined',
        reasonCode: '4005',
      });
      msp.answer(200, fixture('error-1024-declined'));
      expect(await sut.createTokenOrder(tokenOrder)).toMatchObject({
        status: 'declined',
        transactionId: null,
        reasonCode: '1024',
        recurring: null,
      });
    });

    it('should report 1000 (recurring not activated, or no such token) as GatewayTokenNotFoundError without the token', async () => {
      msp.answer(410, failure(1000, `Not found: token ${TOKEN}`));
      const error = await sut.createTokenOrder(tokenOrder).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GatewayTokenNotFoundError);
      expect(error).toMatchObject({
        code: 'GATEWAY_TOKEN_NOT_FOUND',
        customerReference: tokenOrder.customerReference,
      });
      expect(shown(error)).not.toContain(TOKEN);
    });

    it('should report 1006 (the order id is taken) as GatewayOrderIdTakenError, a rejection without the token', async () => {
      msp.answer(200, failure(1006, `Invalid order ID with ${TOKEN}`));
      const error = await sut.createTokenOrder(tokenOrder).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GatewayOrderIdTakenError);
      expect(error).toBeInstanceOf(GatewayRejectedError);
      expect(error).toMatchObject({
        code: 'GATEWAY_REJECTED',
        orderId: tokenOrder.orderId,
        gatewayCode: 1006,
      });
      expect(shown(error)).not.toContain(TOKEN);
    });

    it('should report no answer or a cut connection as GatewayTimeoutError (outcome unknown)', async () => {
      for (const handler of [
        () => undefined,
        (_r: Seen, res: ServerResponse) => res.socket?.destroy(),
      ]) {
        msp.handler = handler;
        await expect(sut.createTokenOrder(tokenOrder)).rejects.toBeInstanceOf(GatewayTimeoutError);
      }
    });
  });

  describe('listTokens', () => {
    it('should GET the customer’s tokens and read last4, YYMM expiry and expired in either type', async () => {
      msp.answer(200, fixture('tokens-list'));
      const tokens = await sut.listTokens('customer 42/x');
      expect(msp.seen[0]?.method).toBe('GET');
      expect(msp.seen[0]?.url).toBe('/v1/json/recurring/customer%2042%2Fx?limit=10&offset=0');
      expect(tokens).toEqual([
        {
          token: 'c5vAbPOIJok',
          brand: 'MASTERCARD',
          last4: '0004',
          expiryMonth: 12,
          expiryYear: 2045,
          model: 'cardOnFile',
          expired: false,
        },
        {
          token: 'RdLbznU5a_s',
          brand: 'VISA',
          last4: '1111',
          expiryMonth: 9,
          expiryYear: 2023,
          model: 'subscription',
          expired: true,
        },
      ]);
    });

    it('should read the model from recurring_model too, and never carry the display text', async () => {
      msp.answer(200, fixture('tokens-list-recurring-model'));
      const tokens = await sut.listTokens('customer-00001');
      expect(tokens).toEqual([
        {
          token: '133761993_gTp2',
          brand: 'VISA',
          last4: '1111',
          expiryMonth: 11,
          expiryYear: 2036,
          model: 'unscheduled',
          expired: false,
        },
      ]);
      // The docs' example puts a whole card number in `display`.
      expect(JSON.stringify(tokens)).not.toContain('4111111111111111');
    });

    it('should read "Not found" (1000) as a customer without tokens', async () => {
      msp.answer(404, fixture('error-1000-not-found'));
      await expect(sut.listTokens('nobody')).resolves.toEqual([]);
    });

    it('should page on until a short page', async () => {
      const page = (from: number, count: number): string =>
        envelope({
          tokens: Array.from({ length: count }, (_, i) => ({
            token: `tok-${from + i}`,
            code: 'VISA',
            last4: '1111',
            expiry_date: 3012,
            expired: 0,
            model: 'cardOnFile',
          })),
        });
      msp.answers([200, page(0, 10)], [200, page(10, 2)]);
      const tokens = await sut.listTokens('c');
      expect(tokens.map((t) => t.token)).toEqual(Array.from({ length: 12 }, (_, i) => `tok-${i}`));
      expect(msp.seen.map((s) => s.url)).toEqual([
        '/v1/json/recurring/c?limit=10&offset=0',
        '/v1/json/recurring/c?limit=10&offset=10',
      ]);

      // Exactly one full page: the next one answers "Not found".
      msp.seen = [];
      msp.answers([200, page(0, 10)], [404, fixture('error-1000-not-found')]);
      expect(await sut.listTokens('c')).toHaveLength(10);
      expect(msp.seen).toHaveLength(2);

      // A server that ignores offset: the repeated page adds nothing, so listing stops.
      msp.seen = [];
      msp.answer(200, page(0, 10));
      expect(await sut.listTokens('c')).toHaveLength(10);
      expect(msp.seen).toHaveLength(2);
    });

    it('should report other refusals as GatewayRejectedError and a 5xx as GatewayUnavailableError', async () => {
      msp.answer(403, fixture('error-1032-invalid-key'));
      await expect(sut.listTokens('c')).rejects.toBeInstanceOf(GatewayRejectedError);
      msp.answer(502, 'Bad gateway');
      await expect(sut.listTokens('c')).rejects.toBeInstanceOf(GatewayUnavailableError);
    });
  });

  describe('getToken', () => {
    it('should GET one token by customer and token, both URL-encoded', async () => {
      msp.answer(200, fixture('token-get'));
      const token = await sut.getToken('customer 42', 'RdLbznU5a_s/+');
      expect(msp.seen[0]?.url).toBe('/v1/json/recurring/customer%2042/token/RdLbznU5a_s%2F%2B');
      expect(token).toEqual({
        token: 'RdLbznU5a_s',
        brand: 'VISA',
        last4: '1111',
        expiryMonth: 12,
        expiryYear: 2045,
        model: 'cardOnFile',
        expired: false,
      });
    });

    it('should fall back to the token asked for when the answer does not repeat it', async () => {
      msp.answer(200, envelope({ code: 'AMEX', last4: 5, expiry_date: '2701', expired: true }));
      expect(await sut.getToken('c', TOKEN)).toEqual({
        token: TOKEN,
        brand: 'AMEX',
        last4: '0005',
        expiryMonth: 1,
        expiryYear: 2027,
        model: null,
        expired: true,
      });
    });

    it.each([
      [410, 'error-1000-token-not-found'],
      [404, 'error-1000-not-found'],
    ])('should report 1000 (HTTP %i) as GatewayTokenNotFoundError', async (status, file) => {
      msp.answer(status, fixture(file));
      const error = await sut.getToken('customer-00001', TOKEN).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GatewayTokenNotFoundError);
      expect(error).toMatchObject({
        code: 'GATEWAY_TOKEN_NOT_FOUND',
        customerReference: 'customer-00001',
      });
      expect(shown(error)).not.toContain(TOKEN);
    });

    it('should report a cut connection on a read as GatewayUnavailableError', async () => {
      msp.handler = (_r, res) => res.socket?.destroy();
      await expect(sut.getToken('c', TOKEN)).rejects.toBeInstanceOf(GatewayUnavailableError);
    });
  });

  describe('deleteToken', () => {
    it('should DELETE /recurring/{reference}/remove/{token}', async () => {
      msp.answer(200, fixture('token-removed'));
      await expect(sut.deleteToken('customer-00001', TOKEN)).resolves.toBeUndefined();
      expect(msp.seen[0]?.method).toBe('DELETE');
      expect(msp.seen[0]?.url).toBe(`/v1/json/recurring/customer-00001/remove/${TOKEN}`);
      expect(msp.seen[0]?.body).toBe('');
    });

    it('should resolve a repeat delete (1000): the token is already gone', async () => {
      msp.answer(410, fixture('error-1000-token-not-found'));
      await expect(sut.deleteToken('customer-00001', TOKEN)).resolves.toBeUndefined();
    });

    it('should report removed: false as GatewayRejectedError', async () => {
      msp.answer(200, envelope({ removed: false }));
      await expect(sut.deleteToken('customer-00001', TOKEN)).rejects.toBeInstanceOf(
        GatewayRejectedError,
      );
    });

    it('should report no answer or a cut connection as GatewayTimeoutError (outcome unknown)', async () => {
      for (const handler of [
        () => undefined,
        (_r: Seen, res: ServerResponse) => res.socket?.destroy(),
      ]) {
        msp.handler = handler;
        await expect(sut.deleteToken('c', TOKEN)).rejects.toBeInstanceOf(GatewayTimeoutError);
      }
    });
  });

  it('should never put the token or the card number it sent in an error, even when echoed', async () => {
    const echoed = `${TOKEN} ${PAN}`;
    const failures: ((r: Seen, res: ServerResponse) => void)[] = [
      (_r, res) => res.writeHead(500).end(`oops ${echoed}`),
      (_r, res) => res.socket?.destroy(),
      () => undefined,
      (_r, res) => res.writeHead(200).end(`not json ${echoed}`),
      (_r, res) => res.writeHead(400).end(failure(1032, `Invalid API key for ${echoed}`)),
      (_r, res) => res.writeHead(400).end(failure(1014, `Unspecified: ${echoed}`)),
      (_r, res) => res.writeHead(200).end(failure(1006, `Invalid order ID ${echoed}`)),
    ];
    const tokenErrors: unknown[] = [];
    const cardErrors: unknown[] = [];
    for (const handler of failures) {
      msp.handler = handler;
      tokenErrors.push(await sut.createTokenOrder(tokenOrder).catch((e: unknown) => e));
      tokenErrors.push(await sut.getToken('c', TOKEN).catch((e: unknown) => e));
      tokenErrors.push(await sut.deleteToken('c', TOKEN).catch((e: unknown) => e));
      cardErrors.push(
        await sut
          .createDirectCardOrder({
            ...cardOrder,
            captureMode: 'manual',
            recurring: { model: 'cardOnFile', customerReference: 'c' },
          })
          .catch((e: unknown) => e),
      );
    }
    for (const error of [...tokenErrors, ...cardErrors]) expect(error).toBeInstanceOf(Error);
    for (const error of tokenErrors) expect(shown(error)).not.toContain(TOKEN);
    for (const error of cardErrors) {
      expect(shown(error)).not.toContain(PAN);
      expect(shown(error)).not.toContain('"123"');
    }
    // The text is still there for whoever reads the error, minus the secret.
    expect(cardErrors[4]).toMatchObject({
      gatewayMessage: `Invalid API key for ${TOKEN} [redacted]`,
    });
  });
});
