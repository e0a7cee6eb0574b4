import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  eventually,
  KEY,
  order,
  Receiver,
  startSandbox,
  verifyAuth,
  type Sandbox,
} from './testing/harness.js';

const VISA_DIRECT = '4012001038443335';
const TOKEN_DECLINED = '4012001038499998';

type Details = Record<string, unknown>;

let counter = 0;
const customerRef = () => `cust-${Date.now()}-${(counter += 1)}`;

describe('sandbox: tokens and recurring payments (docs/multisafepay.md#tokens)', () => {
  let sut: Sandbox;
  const hook = new Receiver();

  beforeAll(async () => {
    await hook.start();
    sut = await startSandbox();
  });

  afterAll(async () => {
    await sut?.close();
    await hook.close();
  });

  const options = () => ({
    notification_url: hook.url,
    notification_method: 'POST',
    redirect_url: 'https://shop.example/thanks',
    cancel_url: 'https://shop.example/cancel',
  });

  /** A first payment: a card, `recurring_model` and `customer.reference`. */
  const first = (reference: string, model = 'cardOnFile', card: Record<string, unknown> = {}) =>
    order(
      {
        recurring_model: model,
        payment_options: options(),
        customer: { ip_address: '203.0.113.7', reference },
      },
      { card_number: VISA_DIRECT, ...card },
    );

  /** A later payment with the token: no gateway, no card, no CVC. */
  const later = (token: string, reference: string, overrides: Record<string, unknown> = {}) => {
    const body = order({
      recurring_id: token,
      recurring_model: 'unscheduled',
      payment_options: options(),
      customer: { reference },
    });
    delete body.gateway_info;
    delete body.gateway;
    return { ...body, ...overrides };
  };

  async function tokenFor(reference: string, card: Record<string, unknown> = {}): Promise<string> {
    const res = await api(sut.url, 'POST', '/v1/json/orders', first(reference, 'cardOnFile', card));
    expect(res.json.data?.status).toBe('completed');
    return String((res.json.data?.payment_details as Details).recurring_id);
  }

  const pay = (body: Record<string, unknown>, key = KEY) =>
    api(sut.url, 'POST', '/v1/json/orders', body, { api_key: key });
  const tokensOf = (reference: string, query = '') =>
    api(sut.url, 'GET', `/v1/json/recurring/${reference}${query}`);

  describe('first payment', () => {
    it.each(['cardOnFile', 'subscription', 'unscheduled'])(
      'should issue a token for model %s, in the answer, GET /orders and the notification',
      async (model) => {
        const reference = customerRef();
        const res = await pay(first(reference, model));
        const data = res.json.data ?? {};
        const details = data.payment_details as Details;
        expect(data.status).toBe('completed');
        expect(details.recurring_id).toMatch(/^[A-Za-z0-9_-]{11}$/);
        expect(details.recurring_model).toBe(model);
        expect((data.customer as Details).reference).toBe(reference);
        const orderId = String(data.order_id);
        const read = await api(sut.url, 'GET', `/v1/json/orders/${orderId}`);
        expect(read.json.data?.payment_details).toMatchObject({
          recurring_id: details.recurring_id,
          recurring_model: model,
        });
        await eventually(() => hook.for(orderId).length > 0);
        const [notification] = hook.for(orderId);
        expect(notification && verifyAuth(notification, KEY)).toBe(true);
        expect(JSON.parse(notification?.body ?? '{}')).toMatchObject({
          status: 'completed',
          payment_details: { recurring_id: details.recurring_id, recurring_model: model },
        });
        const listed = await tokensOf(reference);
        expect(listed.json).toEqual({
          success: true,
          data: {
            tokens: [
              {
                token: details.recurring_id,
                code: 'VISA',
                display: 'Card xxxx xxxx xxxx 3335',
                bin: 401200,
                name_holder: 'J. Jansen',
                expiry_date: 3012,
                expired: 0,
                last4: '3335',
                model,
              },
            ],
          },
        });
      },
    );

    it('should accept the nested recurring: {model} form', async () => {
      const reference = customerRef();
      const body = first(reference);
      delete body.recurring_model;
      body.recurring = { model: 'subscription' };
      const res = await pay(body);
      expect(res.json.data?.payment_details).toMatchObject({
        recurring_id: expect.any(String),
        recurring_model: 'subscription',
      });
    });

    it('should give a 3-D Secure card its token once the shopper authenticates, and none on failure', async () => {
      const reference = customerRef();
      const res = await pay(first(reference, 'cardOnFile', { card_number: '4111111111111111' }));
      const data = res.json.data ?? {};
      expect(data.status).toBe('initialized');
      expect((data.payment_details as Details).recurring_id).toBeNull();
      expect((await tokensOf(reference)).status).toBe(410);
      await fetch(String(data.payment_url), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'result=success',
        redirect: 'manual',
      });
      const read = await api(sut.url, 'GET', `/v1/json/orders/${String(data.order_id)}`);
      const token = (read.json.data?.payment_details as Details).recurring_id;
      expect(token).toEqual(expect.any(String));
      await eventually(() =>
        hook
          .for(String(data.order_id))
          .some((r) => r.body.includes(`"recurring_id":"${String(token)}"`)),
      );
      const failed = await pay(
        first(customerRef(), 'cardOnFile', { card_number: '4012001037461114' }),
      );
      expect(failed.json.data).toMatchObject({
        status: 'declined',
        payment_details: { recurring_id: null },
      });
    });

    it.each([
      ['a model in lower case', { recurring_model: 'cardonfile' }],
      ['an unknown model', { recurring_model: 'monthly' }],
      ['no customer.reference', { customer: { ip_address: '203.0.113.7' } }],
    ])('should refuse a first payment with %s (1016)', async (_name, overrides) => {
      const res = await pay({ ...first(customerRef()), ...overrides });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ success: false, error_code: 1016 });
    });
  });

  describe('payment with a token', () => {
    it('should be final at once: no card, no CVC, no 3-D Secure, the token and model echoed', async () => {
      const reference = customerRef();
      const token = await tokenFor(reference);
      const res = await pay(later(token, reference, { amount: 2500 }));
      expect(res.status).toBe(200);
      const data = res.json.data ?? {};
      expect(data).toMatchObject({
        status: 'completed',
        financial_status: 'completed',
        amount: 2500,
        payment_details: {
          type: 'VISA',
          last4: '3335',
          card_expiry_date: '3012',
          recurring_id: token,
          recurring_model: 'unscheduled',
          card_authentication_result: null,
        },
      });
      expect(data).not.toHaveProperty('payment_url');
      expect(data).not.toHaveProperty('customer_verification');
      const orderId = String(data.order_id);
      await eventually(() => hook.for(orderId).length > 0);
      expect(hook.for(orderId).every((r) => verifyAuth(r, KEY))).toBe(true);
    });

    it('should take the nested recurring: {id, model}, a gateway of the brand or empty, and another reference', async () => {
      const reference = customerRef();
      const token = await tokenFor(reference);
      const nested = later(token, reference);
      delete nested.recurring_id;
      delete nested.recurring_model;
      nested.recurring = { id: token, model: 'cardOnFile' };
      expect((await pay(nested)).json.data?.status).toBe('completed');
      for (const gateway of ['VISA', 'CREDITCARD', '']) {
        expect((await pay(later(token, reference, { gateway }))).json.data?.status).toBe(
          'completed',
        );
      }
      expect((await pay(later(token, 'someone-else'))).json.data?.status).toBe('completed');
      const wrongBrand = await pay(later(token, reference, { gateway: 'MASTERCARD' }));
      expect(wrongBrand.json.error_code).toBe(1023);
    });

    it('should authorize only with capture manual', async () => {
      const reference = customerRef();
      const token = await tokenFor(reference);
      const res = await pay(later(token, reference, { capture: 'manual' }));
      expect(res.json.data).toMatchObject({
        status: 'completed',
        financial_status: 'initialized',
        payment_details: { capture: 'manual', capture_remain: 1000, recurring_id: token },
      });
    });

    it('should decline every payment with the token of the declined-token card', async () => {
      const reference = customerRef();
      const token = await tokenFor(reference, { card_number: TOKEN_DECLINED });
      const res = await pay(later(token, reference));
      expect(res.status).toBe(200);
      expect(res.json.data).toMatchObject({
        status: 'declined',
        financial_status: 'declined',
        reason_code: '4999',
        payment_details: { recurring_id: token },
      });
    });

    it.each([
      ['no recurring_model', { recurring_model: undefined }, 400, 1016],
      ['no customer.reference', { customer: {} }, 400, 1016],
      ['card data beside the token', { gateway_info: { card_number: VISA_DIRECT } }, 400, 1016],
      ['a CVC beside the token', { gateway_info: { card_cvc: '123' } }, 400, 1016],
      ['an unknown token', { recurring_id: 'no-such-token' }, 410, 1000],
    ])('should refuse %s', async (_name, overrides, status, code) => {
      const reference = customerRef();
      const token = await tokenFor(reference);
      const body: Record<string, unknown> = { ...later(token, reference), ...overrides };
      const res = await pay(body);
      expect(res.status).toBe(status);
      expect(res.json).toMatchObject({ success: false, data: {}, error_code: code });
      const created = await api(sut.url, 'GET', `/v1/json/orders/${String(body.order_id)}`);
      expect(created.json.error_code).toBe(1006);
    });
  });

  describe('token endpoints', () => {
    it('should list a customer`s tokens with limit and offset', async () => {
      const reference = customerRef();
      const tokens = [
        await tokenFor(reference),
        await tokenFor(reference),
        await tokenFor(reference),
      ];
      const all = (await tokensOf(reference)).json.data?.tokens as { token: string }[];
      expect(all.map((t) => t.token)).toEqual(tokens);
      const page = (await tokensOf(reference, '?limit=1&offset=1')).json.data?.tokens as {
        token: string;
      }[];
      expect(page.map((t) => t.token)).toEqual([tokens[1]]);
      expect((await tokensOf(reference, '?limit=ten')).json.error_code).toBe(1016);
    });

    it('should answer 410 / 1000 Not found for a customer without tokens', async () => {
      const res = await tokensOf('nobody-here');
      expect(res.status).toBe(410);
      expect(res.json).toEqual({
        success: false,
        data: {},
        error_code: 1000,
        error_info: 'Not found',
      });
    });

    it('should get, update and delete a token, then refuse it everywhere', async () => {
      const reference = customerRef();
      const token = await tokenFor(reference);
      const path = `/v1/json/recurring/${reference}`;
      const one = await api(sut.url, 'GET', `${path}/token/${token}`);
      expect(one.json.data).toMatchObject({
        token,
        code: 'VISA',
        last4: '3335',
        model: 'cardOnFile',
      });
      expect((await api(sut.url, 'GET', `/v1/json/recurring/other/token/${token}`)).json).toEqual({
        success: false,
        data: {},
        error_code: 1000,
        error_info: 'Token not found',
      });

      const updated = await api(sut.url, 'PATCH', `${path}/update/${token}`, {
        expiry_date: '3106',
      });
      expect(updated.json).toEqual({ success: true, data: { updated: true } });
      expect((await api(sut.url, 'GET', `${path}/token/${token}`)).json.data?.expiry_date).toBe(
        3106,
      );
      const paid = await pay(later(token, reference));
      expect((paid.json.data?.payment_details as Details).card_expiry_date).toBe('3106');
      expect(
        (await api(sut.url, 'PATCH', `${path}/update/${token}`, { expiry_date: '31/06' })).json
          .error_code,
      ).toBe(1016);
      expect((await api(sut.url, 'PATCH', `${path}/update/${token}`, {})).json.error_code).toBe(
        1016,
      );
      const unknown = await api(sut.url, 'PATCH', `${path}/update/nope`, { expiry_date: '3106' });
      expect(unknown.status).toBe(410);
      expect(unknown.json).toMatchObject({ error_code: 1000, error_info: 'Token not updated' });

      const removed = await api(sut.url, 'DELETE', `${path}/remove/${token}`);
      expect(removed.json).toEqual({ success: true, data: { removed: true } });
      const again = await api(sut.url, 'DELETE', `${path}/remove/${token}`);
      expect(again.status).toBe(410);
      expect(again.json).toMatchObject({ success: false, error_code: 1000 });
      expect((await api(sut.url, 'GET', `${path}/token/${token}`)).status).toBe(410);
      expect((await tokensOf(reference)).json.error_code).toBe(1000);

      const afterDelete = await pay(later(token, reference));
      expect(afterDelete.status).toBe(410);
      expect(afterDelete.json).toMatchObject({ success: false, error_code: 1000 });
    });

    it('should decline a payment with a token whose card expired (4005)', async () => {
      const reference = customerRef();
      const token = await tokenFor(reference);
      await api(sut.url, 'PATCH', `/v1/json/recurring/${reference}/update/${token}`, {
        expiry_date: 2001,
      });
      const one = await api(sut.url, 'GET', `/v1/json/recurring/${reference}/token/${token}`);
      expect(one.json.data).toMatchObject({ expiry_date: 2001, expired: 1 });
      const res = await pay(later(token, reference));
      expect(res.json.data).toMatchObject({ status: 'declined', reason_code: '4005' });
    });

    it('should need an API key and log the calls, card data masked', async () => {
      const reference = customerRef();
      const token = await tokenFor(reference, { card_cvc: '987' });
      expect(
        (await api(sut.url, 'GET', `/v1/json/recurring/${reference}`, undefined, {})).json
          .error_code,
      ).toBe(1032);
      await api(sut.url, 'DELETE', `/v1/json/recurring/${reference}/remove/${token}`);
      const log = await api(sut.url, 'GET', '/sandbox-admin/requests');
      expect(log.text).toContain(`"path":"/v1/json/recurring/${reference}/remove/${token}"`);
      expect(log.text).toContain('401200******3335');
      expect(log.text).not.toContain(VISA_DIRECT);
      expect(log.text).not.toContain('"987"');
    });
  });
});
