import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, KEY, order, startSandbox, type Sandbox } from './testing/harness.js';

describe('sandbox: POST /v1/json/orders and GET /v1/json/orders/{id}', () => {
  let sut: Sandbox;

  beforeAll(async () => {
    sut = await startSandbox();
  });

  afterAll(async () => {
    await sut?.close();
  });

  describe('API key', () => {
    it.each([
      ['no key', {}],
      ['a wrong key', { api_key: 'nope' }],
    ])('should answer 1032 for %s', async (_name, headers) => {
      const res = await api(sut.url, 'POST', '/v1/json/orders', order(), headers);
      expect(res.status).toBe(403);
      expect(res.json).toEqual({
        success: false,
        data: {},
        error_code: 1032,
        error_info: 'Invalid API key',
      });
    });

    it('should accept the key as ?api_key= and as a Bearer token', async () => {
      const query = await api(sut.url, 'POST', `/v1/json/orders?api_key=${KEY}`, order(), {});
      expect(query.json.success).toBe(true);
      const bearer = await api(sut.url, 'POST', '/v1/json/orders', order(), {
        authorization: `Bearer ${KEY}`,
      });
      expect(bearer.json.success).toBe(true);
    });

    it("should not show one site's order to another site's key (1006)", async () => {
      const body = order();
      await api(sut.url, 'POST', '/v1/json/orders', body);
      const other = await api(
        sut.url,
        'GET',
        `/v1/json/orders/${String(body.order_id)}`,
        undefined,
        { api_key: 'second-site-key' },
      );
      expect(other.status).toBe(404);
      expect(other.json.error_code).toBe(1006);
    });
  });

  describe('validation', () => {
    const card = (patch: Record<string, unknown>) => order({}, patch);
    it.each([
      ['a missing type', order({ type: undefined }), 1016],
      ['type redirect', order({ type: 'redirect' }), 1021],
      ['an unknown gateway', order({ gateway: 'IDEAL' }), 1023],
      [
        'a VISA gateway with a Mastercard',
        order({ gateway: 'VISA' }, { card_number: '5500000000000004' }),
        1023,
      ],
      ['a missing order_id', order({ order_id: undefined }), 1006],
      ['an order_id of 51 characters', order({ order_id: 'x'.repeat(51) }), 1006],
      ['an unknown currency', order({ currency: 'EURO' }), 1002],
      [
        'Amex in JPY',
        order({ currency: 'JPY' }, { card_number: '378282246310005', card_cvc: '1234' }),
        1002,
      ],
      ['amount 0', order({ amount: 0 }), 1001],
      ['a fractional amount', order({ amount: 10.5 }), 1001],
      ['amount as a string', order({ amount: '1000' }), 1001],
      ['a missing description', order({ description: undefined }), 1008],
      ['a description of 201 characters', order({ description: 'd'.repeat(201) }), 1008],
      ['a bad IP address', order({ customer: { ip_address: '300.1.1.1' } }), 1007],
      ['a bad country', order({ customer: { country: 'Netherlands' } }), 1018],
      ['no gateway_info', order({ gateway_info: undefined }), 1016],
      ['a PAN failing Luhn', card({ card_number: '4111111111111112' }), 1016],
      ['a PAN with letters', card({ card_number: '4111abcd11111111' }), 1016],
      ['a missing PAN', card({ card_number: undefined }), 1016],
      ['an expiry in the past', card({ card_expiry_date: '2001' }), 1016],
      ['an expiry that is not YYMM', card({ card_expiry_date: '12/30' }), 1016],
      ['a Visa without cvc', card({ card_cvc: undefined }), 1016],
      ['a cvc with letters', card({ card_cvc: '12a' }), 1016],
    ])('should refuse %s with error %i', async (_name, body, code) => {
      const res = await api(sut.url, 'POST', '/v1/json/orders', body);
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ success: false, data: {}, error_code: code });
      expect(res.json.error_info).toEqual(expect.any(String));
    });

    it('should refuse a second order with the same order_id (1006)', async () => {
      const body = order();
      expect((await api(sut.url, 'POST', '/v1/json/orders', body)).json.success).toBe(true);
      const again = await api(sut.url, 'POST', '/v1/json/orders', body);
      expect(again.json.error_code).toBe(1006);
    });

    it('should accept cvc instead of card_cvc, an integer expiry, firstname, and Maestro without cvc', async () => {
      const res = await api(
        sut.url,
        'POST',
        '/v1/json/orders',
        order(
          { customer: { firstname: 'Jan', ip_address: '203.0.113.7' } },
          { card_cvc: undefined, cvc: '123', card_expiry_date: 3012 },
        ),
      );
      expect(res.json.success).toBe(true);
      expect((res.json.data?.customer as Record<string, unknown>).first_name).toBe('Jan');
      const maestro = await api(
        sut.url,
        'POST',
        '/v1/json/orders',
        order({}, { card_number: '6799990000000000011', card_cvc: undefined }),
      );
      expect(maestro.json.success).toBe(true);
    });

    it.each([
      ['malformed JSON', '{"type": "direct",'],
      ['a JSON array', '[1,2]'],
      ['a JSON string', '"direct"'],
    ])('should answer %s with an envelope, not a 500', async (_name, raw) => {
      const res = await api(sut.url, 'POST', '/v1/json/orders', raw);
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ success: false, data: {}, error_code: 1016 });
    });

    it('should answer an unknown route with an envelope', async () => {
      const res = await api(sut.url, 'GET', '/v1/json/nothing');
      expect(res.status).toBe(404);
      expect(res.json).toMatchObject({ success: false, error_code: 1000 });
    });
  });

  describe('outcome by test card', () => {
    it.each([
      ['4111111111111111', 'initialized', 'VISA'],
      ['5500000000000004', 'initialized', 'MASTERCARD'],
      ['4012001038443335', 'completed', 'VISA'],
      ['378282246310005', 'completed', 'AMEX'],
      ['374500000000015', 'completed', 'AMEX'],
      ['4917300000000008', 'uncleared', 'VISA'],
      ['4462000000000003', 'uncleared', 'VISA'],
      ['4012001037461114', 'declined', 'VISA'],
      ['4012001038488884', 'declined', 'VISA'],
    ])('should answer %s with %s', async (pan, status, brand) => {
      const res = await api(
        sut.url,
        'POST',
        '/v1/json/orders',
        order({}, { card_number: pan, card_cvc: pan.startsWith('3') ? '1234' : '123' }),
      );
      expect(res.status).toBe(200);
      const data = res.json.data ?? {};
      expect(data.status).toBe(status);
      expect((data.payment_details as Record<string, unknown>).type).toBe(brand);
      expect((data.payment_details as Record<string, unknown>).last4).toBe(pan.slice(-4));
      if (status === 'initialized') {
        expect(data.payment_url).toMatch(new RegExp(`^${sut.url}/connect/3ds-[0-9a-f]+\\?lang=`));
        const verification = data.customer_verification as { type: string; html: string };
        expect(verification.type).toBe('form');
        expect(verification.html).toContain(
          `action="${String(data.payment_url).replace(/&/g, '&#38;')}"`,
        );
        expect(verification.html).toMatch(/onload="document\.forms\[0\]\.submit\(\)"/);
      } else {
        expect(data.payment_url).toBeUndefined();
        expect(data.customer_verification).toBeUndefined();
      }
    });

    it('should give the 3-D Secure failure card reason 3001 and insufficient funds 4002', async () => {
      const failed = await api(
        sut.url,
        'POST',
        '/v1/json/orders',
        order({}, { card_number: '4012001037461114' }),
      );
      expect(failed.json.data).toMatchObject({ reason_code: '3001', financial_status: 'declined' });
      const funds = await api(
        sut.url,
        'POST',
        '/v1/json/orders',
        order({}, { card_number: '4012001038488884' }),
      );
      expect(funds.json.data).toMatchObject({ reason_code: '4002', reason: 'Insufficient funds' });
    });

    it('should decline any other valid card with error 1024', async () => {
      const res = await api(
        sut.url,
        'POST',
        '/v1/json/orders',
        order({}, { card_number: '4242424242424242' }),
      );
      expect(res.json).toEqual({
        success: false,
        data: {},
        error_code: 1024,
        error_info: 'Transaction declined',
      });
    });
  });

  describe('GET order', () => {
    it('should return the full order shape with a transaction_id above 2^53 as a bare integer', async () => {
      const body = order();
      await api(sut.url, 'POST', '/v1/json/orders', body);
      const res = await api(sut.url, 'GET', `/v1/json/orders/${String(body.order_id)}`);
      expect(res.status).toBe(200);
      const raw = /"transaction_id":(\d+),/.exec(res.text)?.[1] ?? '';
      expect(BigInt(raw)).toBeGreaterThan(2n ** 53n);
      expect(raw).toMatch(/^\d{17}$/);
      const data = res.json.data ?? {};
      for (const field of [
        'order_id',
        'created',
        'modified',
        'currency',
        'amount',
        'amount_refunded',
        'description',
        'status',
        'financial_status',
        'reason',
        'reason_code',
        'customer',
        'payment_details',
        'payment_methods',
        'costs',
        'related_transactions',
        'var1',
        'custom_info',
        'fastcheckout',
      ]) {
        expect(data).toHaveProperty(field);
      }
      expect(data.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
      expect(data.payment_details).toMatchObject({
        card_expiry_date: '3012',
        account_holder_name: 'J. Jansen',
        card_authentication_result: { status: 'Y' },
      });
      expect((data.costs as { amount: number }[])[0]?.amount).toBe(0.02);
      expect(res.text).not.toContain('4012001038443335');
    });

    it('should answer an unknown order with 404 and 1006', async () => {
      const res = await api(sut.url, 'GET', '/v1/json/orders/nope');
      expect(res.status).toBe(404);
      expect(res.json).toEqual({
        success: false,
        data: {},
        error_code: 1006,
        error_info: 'Invalid transaction ID',
      });
    });
  });
});
