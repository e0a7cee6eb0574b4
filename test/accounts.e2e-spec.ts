import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, CARDS, createPayment, paymentRequest, type PaymentBody } from './support/api.js';
import { startApp, type RunningApp } from './support/app.js';
import { sandboxAdmin, submit3ds } from './support/sandbox.js';

/**
 * The accounts of issue 27, phase 1 (docs/adr/0012-accounts-are-configuration.md): one account,
 * written either way, works as before; several are refused until payments are routed per account.
 * Phase 2 turns this file into the two-account suite.
 */
const SHOP_KEY = 'accounts-e2e-shop-key-0001';

interface Site {
  site: string;
  api_key: string;
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not reached in time');
}

describe('one account in MSP_ACCOUNTS, in sandbox mode', () => {
  let sut: RunningApp;

  beforeAll(async () => {
    sut = await startApp({
      MSP_ENV: 'sandbox',
      MSP_ACCOUNTS: `shop:${SHOP_KEY}`,
      RECONCILE_INTERVAL_MS: '0',
    });
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should mount a sandbox with one site, the account, that accepts its key and no other', async () => {
    const sites = await sandboxAdmin<Site[]>(sut.url, 'GET', '/sandbox-admin/sites');
    expect(sites.map((s) => [s.site, s.api_key])).toEqual([['shop', '…0001']]);
    const own = await fetch(`${sut.url}/sandbox/v1/json/orders/none`, {
      headers: { api_key: SHOP_KEY },
    });
    expect(((await own.json()) as { error_code: number }).error_code).toBe(1006);
    const builtIn = await fetch(`${sut.url}/sandbox/v1/json/orders/none`, {
      headers: { api_key: 'sandbox-api-key' },
    });
    expect(((await builtIn.json()) as { error_code: number }).error_code).toBe(1032);
  });

  it("should take a payment with the account's key and complete 3-D Secure through its signed POST notification", async () => {
    const created = await createPayment<PaymentBody>(
      sut.url,
      paymentRequest({ notificationMethod: 'POST' }, { number: CARDS.threeDs }),
    );
    expect(created.body.status).toBe('initialized');
    await submit3ds(created.body.nextAction?.url ?? '', 'success');
    await eventually(
      async () =>
        (await call<PaymentBody>(sut.url, 'GET', `/v1/payments/${created.body.id}`)).body.status ===
        'completed',
    );
    const deliveries = await sandboxAdmin<
      { site: string; method: string; response_status: number }[]
    >(sut.url, 'GET', `/sandbox-admin/notifications?order_id=${created.body.orderId}`);
    // Accepted (200), so verified with the account's key: the sandbox signed with it.
    expect(deliveries).toContainEqual(
      expect.objectContaining({ site: 'shop', method: 'POST', response_status: 200 }),
    );
  });
});

describe('MSP_API_KEY alone, in sandbox mode', () => {
  let sut: RunningApp;

  beforeAll(async () => {
    sut = await startApp({ MSP_ENV: 'sandbox', MSP_API_KEY: SHOP_KEY, RECONCILE_INTERVAL_MS: '0' });
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should be the account default, and a payment completes as before', async () => {
    const sites = await sandboxAdmin<Site[]>(sut.url, 'GET', '/sandbox-admin/sites');
    expect(sites.map((s) => s.site)).toEqual(['default']);
    const created = await createPayment<PaymentBody>(
      sut.url,
      paymentRequest({}, { number: CARDS.noThreeDs }),
    );
    expect(created.body.status).toBe('completed');
  });
});

describe('several accounts (refused by this build)', () => {
  // Phase 2 of ADR 0012 replaces this with the two-account suite.
  it('should not boot, with the one line start-up prints', async () => {
    await expect(
      startApp({ MSP_ENV: 'sandbox', MSP_ACCOUNTS: 'nl:nl-key,be:be-key' }),
    ).rejects.toThrow(
      'MSP_ACCOUNTS: 2 accounts are configured (nl, be), but this build routes payments for one account only; configure one',
    );
  });
});
