import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxSitesFromEnv } from './sandbox.env.js';
import { resolveSites } from './sites.js';
import {
  api,
  eventually,
  order,
  Receiver,
  startSandbox,
  verifyAuth,
  type Sandbox,
} from './testing/harness.js';

const NL = 'nl-site-api-key-0001';
const BE = 'be-site-api-key-0002';
/** A second website of the Dutch MultiSafepay account: it shares that account's tokens. */
const OUTLET = 'nl-outlet-api-key-0003';
const VISA_DIRECT = '4012001038443335';

type Details = Record<string, unknown>;

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now()}-${(counter += 1)}`;

describe('sandbox: each API key is a website of its own (docs/sandbox.md#sites)', () => {
  let sut: Sandbox;
  const hook = new Receiver();

  beforeAll(async () => {
    await hook.start();
    sut = await startSandbox({
      apiKeys: [NL, BE, OUTLET],
      siteNames: { [NL]: 'nl', [BE]: 'be', [OUTLET]: 'nl-outlet' },
      sharedTokens: [[NL, OUTLET]],
    });
  });

  afterAll(async () => {
    await sut?.close();
    await hook.close();
  });

  const call = (key: string, method: string, path: string, body?: unknown) =>
    api(sut.url, method, path, body, { api_key: key });
  const admin = (method: string, path: string, body?: unknown) =>
    api(sut.url, method, `/sandbox-admin${path}`, body, {});
  const create = (key: string, overrides: Record<string, unknown> = {}) =>
    call(
      key,
      'POST',
      '/v1/json/orders',
      order({
        payment_options: { notification_url: hook.url, notification_method: 'POST' },
        ...overrides,
      }),
    );

  describe('orders', () => {
    it("should answer another site's order as unknown: GET 1006, refund 1006, capture 1006, cancel and release 1000", async () => {
      const orderId = unique('nl-order');
      expect((await create(NL, { order_id: orderId })).json.data?.status).toBe('completed');
      const authId = unique('nl-auth');
      expect((await create(NL, { order_id: authId, capture: 'manual' })).json.data).toMatchObject({
        status: 'completed',
        financial_status: 'initialized',
      });

      const read = await call(BE, 'GET', `/v1/json/orders/${orderId}`);
      expect([read.status, read.json.error_code]).toEqual([404, 1006]);
      const refund = await call(BE, 'POST', `/v1/json/orders/${orderId}/refunds`, {
        currency: 'EUR',
        amount: 100,
      });
      expect([refund.status, refund.json.error_code]).toEqual([404, 1006]);
      const capture = await call(BE, 'POST', `/v1/json/orders/${authId}/capture`, {
        amount: 100,
        new_order_status: 'completed',
      });
      expect([capture.status, capture.json.error_code]).toEqual([404, 1006]);
      const cancel = await call(BE, 'PATCH', `/v1/json/orders/${orderId}`, {
        status: 'cancelled',
      });
      expect([cancel.status, cancel.json.error_code]).toEqual([404, 1000]);
      const release = await call(BE, 'PATCH', `/v1/json/capture/${authId}`, {
        status: 'cancelled',
        reason: 'Out of stock',
      });
      expect([release.status, release.json.error_code]).toEqual([404, 1000]);

      // Nothing of it reached the Dutch orders.
      const mine = await call(NL, 'GET', `/v1/json/orders/${orderId}`);
      expect(mine.json.data).toMatchObject({ status: 'completed', amount_refunded: 0 });
      const auth = await call(NL, 'GET', `/v1/json/orders/${authId}`);
      expect(auth.json.data).toMatchObject({
        financial_status: 'initialized',
        related_transactions: null,
        payment_details: { capture_remain: 1000 },
      });
    });

    it('should let each site use the same order_id for an order of its own', async () => {
      const orderId = unique('both');
      expect((await create(NL, { order_id: orderId, amount: 1000 })).json.success).toBe(true);
      expect((await create(BE, { order_id: orderId, amount: 2500 })).json.success).toBe(true);
      expect((await call(NL, 'GET', `/v1/json/orders/${orderId}`)).json.data?.amount).toBe(1000);
      expect((await call(BE, 'GET', `/v1/json/orders/${orderId}`)).json.data?.amount).toBe(2500);
      // A refund with one key leaves the other site's order of the same id alone.
      await call(BE, 'POST', `/v1/json/orders/${orderId}/refunds`, { currency: 'EUR' });
      expect((await call(BE, 'GET', `/v1/json/orders/${orderId}`)).json.data?.status).toBe(
        'refunded',
      );
      expect((await call(NL, 'GET', `/v1/json/orders/${orderId}`)).json.data?.status).toBe(
        'completed',
      );
    });

    it("should keep a site's captures inside it: a capture order is unknown to the other key", async () => {
      const authId = unique('nl-auth');
      await create(NL, { order_id: authId, capture: 'manual' });
      const captured = await call(NL, 'POST', `/v1/json/orders/${authId}/capture`, {
        amount: 300,
        new_order_id: `${authId}-c1`,
        new_order_status: 'completed',
      });
      expect(captured.json.data?.order_id).toBe(`${authId}-c1`);
      expect((await call(NL, 'GET', `/v1/json/orders/${authId}-c1`)).json.data?.amount).toBe(300);
      const other = await call(BE, 'GET', `/v1/json/orders/${authId}-c1`);
      expect(other.json.error_code).toBe(1006);
    });
  });

  describe('notifications', () => {
    it("should sign each site's POST notifications with that site's key, and only with it", async () => {
      const nlOrder = unique('nl-signed');
      const beOrder = unique('be-signed');
      await create(NL, { order_id: nlOrder });
      await create(BE, { order_id: beOrder });
      await eventually(() => hook.for(nlOrder).length > 0 && hook.for(beOrder).length > 0);
      for (const r of hook.for(nlOrder)) {
        expect(verifyAuth(r, NL)).toBe(true);
        expect(verifyAuth(r, BE)).toBe(false);
      }
      for (const r of hook.for(beOrder)) {
        expect(verifyAuth(r, BE)).toBe(true);
        expect(verifyAuth(r, NL)).toBe(false);
      }
      const log = await admin('GET', `/notifications?order_id=${beOrder}`);
      expect(log.json).toEqual([expect.objectContaining({ site: 'be', order_id: beOrder })]);
    });
  });

  describe('tokens', () => {
    const first = (reference: string) =>
      order(
        { recurring_model: 'cardOnFile', customer: { ip_address: '203.0.113.7', reference } },
        { card_number: VISA_DIRECT },
      );
    const later = (token: string, reference: string) => {
      const body = order({
        recurring_id: token,
        recurring_model: 'cardOnFile',
        customer: { reference },
      });
      delete body.gateway_info;
      delete body.gateway;
      return body;
    };
    async function tokenOf(key: string, reference: string): Promise<string> {
      const res = await call(key, 'POST', '/v1/json/orders', first(reference));
      return String((res.json.data?.payment_details as Details).recurring_id);
    }

    it("should not let another account's site pay with, list, read, update or delete a token", async () => {
      const reference = unique('cust');
      const token = await tokenOf(NL, reference);

      const paid = await call(BE, 'POST', '/v1/json/orders', later(token, reference));
      expect([paid.status, paid.json.error_code, paid.json.error_info]).toEqual([
        410,
        1000,
        'Not found: recurring_id',
      ]);
      const listed = await call(BE, 'GET', `/v1/json/recurring/${reference}`);
      expect([listed.status, listed.json.error_code]).toEqual([410, 1000]);
      const read = await call(BE, 'GET', `/v1/json/recurring/${reference}/token/${token}`);
      expect(read.json.error_info).toBe('Token not found');
      const updated = await call(BE, 'PATCH', `/v1/json/recurring/${reference}/update/${token}`, {
        expiry_date: '2801',
      });
      expect(updated.json.error_info).toBe('Token not updated');
      const removed = await call(BE, 'DELETE', `/v1/json/recurring/${reference}/remove/${token}`);
      expect(removed.json.error_info).toBe('Token not found');

      // The Dutch token is untouched: same expiry, still pays.
      const mine = await call(NL, 'GET', `/v1/json/recurring/${reference}/token/${token}`);
      expect(mine.json.data).toMatchObject({ token, expiry_date: 3012 });
      const again = await call(NL, 'POST', '/v1/json/orders', later(token, reference));
      expect(again.json.data?.status).toBe('completed');
    });

    it('should keep two accounts’ customers of the same reference apart', async () => {
      const reference = unique('shared-ref');
      const nlToken = await tokenOf(NL, reference);
      const beToken = await tokenOf(BE, reference);
      const nlList = await call(NL, 'GET', `/v1/json/recurring/${reference}`);
      const beList = await call(BE, 'GET', `/v1/json/recurring/${reference}`);
      expect((nlList.json.data?.tokens as Details[]).map((t) => t.token)).toEqual([nlToken]);
      expect((beList.json.data?.tokens as Details[]).map((t) => t.token)).toEqual([beToken]);
    });

    it('should share tokens between the websites of one account (docs/multisafepay.md#tokens)', async () => {
      const reference = unique('cust');
      const token = await tokenOf(NL, reference);
      const paid = await call(OUTLET, 'POST', '/v1/json/orders', later(token, reference));
      expect(paid.json.data?.status).toBe('completed');
      const listed = await call(OUTLET, 'GET', `/v1/json/recurring/${reference}`);
      expect((listed.json.data?.tokens as Details[]).map((t) => t.token)).toEqual([token]);
      // The order it made is the outlet's own.
      const orderId = String(paid.json.data?.order_id);
      expect((await call(NL, 'GET', `/v1/json/orders/${orderId}`)).json.error_code).toBe(1006);
    });
  });

  describe('control surface', () => {
    it('should list the sites: name, the last 4 characters of the key, shared tokens, orders and tokens held', async () => {
      await create(BE, { order_id: unique('be-count') });
      const res = await admin('GET', '/sites');
      expect(res.status).toBe(200);
      const sites = res.json as unknown as Details[];
      expect(sites.map((s) => s.site)).toEqual(['nl', 'be', 'nl-outlet']);
      expect(sites[0]).toMatchObject({ api_key: '…0001', shares_tokens_with: ['nl-outlet'] });
      expect(sites[1]).toMatchObject({ api_key: '…0002', shares_tokens_with: [] });
      expect(sites[2]).toMatchObject({ api_key: '…0003', shares_tokens_with: ['nl'] });
      const orders = (await admin('GET', '/orders')).json as unknown as Details[];
      for (const site of sites) {
        expect(site.orders).toBe(orders.filter((o) => o.site === site.site).length);
        expect(site.tokens).toEqual(expect.any(Number));
      }
      expect(sites[1]?.orders).toBeGreaterThan(0);
      // A shared account counts its tokens once for each of its sites.
      expect(sites[0]?.tokens).toBe(sites[2]?.tokens);
      expect(res.text).not.toContain(NL);
      expect(res.text).not.toContain(BE);
    });

    it('should name the site of each order, notification and request, and filter orders by site', async () => {
      const orderId = unique('listed');
      await create(BE, { order_id: orderId });
      const be = (await admin('GET', `/orders?order_id=${orderId}&site=be`)).json;
      expect(be).toEqual([expect.objectContaining({ site: 'be', order_id: orderId })]);
      expect((await admin('GET', `/orders?order_id=${orderId}&site=nl`)).json).toEqual([]);
      const requests = (await admin('GET', '/requests')).json as unknown as Details[];
      const made = requests.filter((r) => r.path === '/v1/json/orders' && r.method === 'POST');
      expect(made.at(-1)).toMatchObject({ site: 'be' });
      await call('not-a-key', 'GET', `/v1/json/orders/${orderId}`);
      const refused = (await admin('GET', '/requests')).json as unknown as Details[];
      expect(refused.at(-1)).toMatchObject({ site: null, status: 403 });
    });

    it('should ask which site when an order_id exists on several, and act on that site only', async () => {
      const orderId = unique('twice');
      await create(NL, { order_id: orderId });
      await create(BE, { order_id: orderId });
      const ambiguous = await admin('POST', `/orders/${orderId}/status`, { status: 'chargedback' });
      expect([ambiguous.status, ambiguous.json.error_code]).toEqual([400, 1016]);
      expect(ambiguous.json.error_info).toBe(
        `Missing data: site (order ${orderId} exists on nl, be)`,
      );
      const forced = await admin('POST', `/orders/${orderId}/status?site=be`, {
        status: 'chargedback',
      });
      expect(forced.json).toEqual({ order_id: orderId, status: 'chargedback' });
      expect((await call(BE, 'GET', `/v1/json/orders/${orderId}`)).json.data?.status).toBe(
        'chargedback',
      );
      expect((await call(NL, 'GET', `/v1/json/orders/${orderId}`)).json.data?.status).toBe(
        'completed',
      );
      const unknown = await admin('POST', `/orders/${orderId}/timers/fire?site=fr`);
      expect([unknown.status, unknown.json.error_info]).toEqual([
        400,
        'Missing data: no site fr (sites: nl, be, nl-outlet)',
      ]);
    });

    it("should give a fault for one site to that site's calls only", async () => {
      const orderId = unique('fault');
      await create(NL, { order_id: orderId });
      await create(BE, { order_id: orderId });
      const set = await admin('POST', '/faults', { mode: 'error', status: 503, site: 'be' });
      expect(set.json.fault).toMatchObject({ site: 'be', remaining: 1 });
      expect((await call(NL, 'GET', `/v1/json/orders/${orderId}`)).status).toBe(200);
      expect((await call(BE, 'GET', `/v1/json/orders/${orderId}`)).status).toBe(503);
      expect((await call(BE, 'GET', `/v1/json/orders/${orderId}`)).status).toBe(200);
      const bad = await admin('POST', '/faults', { mode: 'error', site: 'fr' });
      expect(bad.status).toBe(400);
    });
  });
});

describe('sandbox: one key, as before sites', () => {
  let sut: Sandbox;

  beforeAll(async () => {
    sut = await startSandbox({ apiKeys: ['sandbox-api-key'] });
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should be one site, site-1, which the control surface needs no name for', async () => {
    const sites = await api(sut.url, 'GET', '/sandbox-admin/sites', undefined, {});
    expect(sites.json).toEqual([
      { site: 'site-1', api_key: '…-key', shares_tokens_with: [], orders: 0, tokens: 0 },
    ]);
    const body = order();
    await api(sut.url, 'POST', '/v1/json/orders', body, { api_key: 'sandbox-api-key' });
    const forced = await api(
      sut.url,
      'POST',
      `/sandbox-admin/orders/${String(body.order_id)}/status`,
      { status: 'chargedback' },
      {},
    );
    expect(forced.json).toEqual({ order_id: body.order_id, status: 'chargedback' });
  });
});

describe('the sites of the standalone sandbox (MSP_SANDBOX_API_KEYS)', () => {
  it('should default to one key, sandbox-api-key', () => {
    expect(sandboxSitesFromEnv({})).toEqual({
      sites: { apiKeys: ['sandbox-api-key'], siteNames: {}, sharedTokens: [] },
      problems: [],
    });
  });

  it('should read names, and sites of one account joined by +', () => {
    expect(
      sandboxSitesFromEnv({ MSP_SANDBOX_API_KEYS: 'nl:key-nl+outlet:key-outlet, be:key-be,key-x' })
        .sites,
    ).toEqual({
      apiKeys: ['key-nl', 'key-outlet', 'key-be', 'key-x'],
      siteNames: { 'key-nl': 'nl', 'key-outlet': 'outlet', 'key-be': 'be' },
      sharedTokens: [['key-nl', 'key-outlet']],
    });
  });

  it('should name a malformed entry, a repeated key and a repeated name, one line each', () => {
    expect(
      sandboxSitesFromEnv({ MSP_SANDBOX_API_KEYS: 'nl:a,be:a,nl:b,bad name:c,d:' }).problems,
    ).toEqual([
      'MSP_SANDBOX_API_KEYS: entry 2: a key is listed twice',
      'MSP_SANDBOX_API_KEYS: entry 3: the name nl is used twice',
      'MSP_SANDBOX_API_KEYS: entry 4: must be [name:]key, sites of one account joined by +, with a name of [A-Za-z0-9_.-]',
      'MSP_SANDBOX_API_KEYS: entry 5: must be [name:]key, sites of one account joined by +, with a name of [A-Za-z0-9_.-]',
    ]);
  });

  it('should refuse options that would make a site ambiguous', () => {
    expect(() => resolveSites(['a', 'a'])).toThrow('an API key is listed twice');
    expect(() => resolveSites(['a', 'b'], { a: 'x', b: 'x' })).toThrow(
      'two sites have the same name',
    );
    expect(() => resolveSites(['a'], {}, [['a', 'z']])).toThrow(
      'a key shared for tokens is not one of the API keys',
    );
    expect(() => resolveSites([])).toThrow('at least one API key is needed');
  });
});
