import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe as suite, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app.js';
import { ROOT } from './support/process.js';
import { available, CHROMIUM_PATH, needs } from './support/requirements.js';

// UPDATE_SCREENSHOTS=1 refreshes the README's pictures; otherwise they go to a temporary folder.
const SHOTS = process.env.UPDATE_SCREENSHOTS
  ? `${ROOT}docs/img`
  : join(tmpdir(), `payments-screenshots-${process.pid}`);

// Without Chromium: skipped with one line saying how to install it (CI=true: fails).
const describe = (await available(needs.chromium, 'test/browser.e2e-spec.ts (a real browser)'))
  ? suite
  : suite.skip;

describe('the shopper in a real browser (headless Chromium): demo checkout and 3-D Secure', () => {
  let sut: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    sut = await startApp({ RECONCILE_INTERVAL_MS: '0' });
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
    if (!process.env.UPDATE_SCREENSHOTS) rmSync(SHOTS, { recursive: true, force: true });
  });

  async function checkout(
    card: string,
    flow: 'redirect' | 'form' = 'redirect',
    shot?: string,
  ): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    await page.goto(`${sut.url}/demo`);
    await page.selectOption('#card', card);
    await page.selectOption('#flow', flow);
    await page.fill('#amount', '24.95');
    if (shot) await page.screenshot({ path: `${SHOTS}/${shot}`, fullPage: true });
    await page.click('#pay');
    return page;
  }

  async function finalStatus(page: Page, status: string): Promise<void> {
    await page.waitForURL(/\/demo\/result\//, { timeout: 10_000 });
    await expect.poll(() => page.textContent('#status'), { timeout: 10_000 }).toBe(status);
    await expect.poll(() => page.isHidden('#waiting'), { timeout: 5_000 }).toBe(true);
  }

  it('should complete a card without 3-D Secure at once', async () => {
    const page = await checkout('4012001038443335', 'redirect', 'checkout.png');
    await finalStatus(page, 'completed');
    await expect
      .poll(() => page.locator('#pushed tr td:nth-child(2)').allTextContents(), { timeout: 5_000 })
      .toEqual(['payment.completed']);
    expect(await page.textContent('body')).toContain('24.95 EUR');
    expect(await page.textContent('body')).not.toContain('4012001038443335');
    await page.close();
  });

  it('should complete after "Authenticated (Y)", through the webhook', async () => {
    const page = await checkout('4111111111111111');
    await page.waitForSelector('#authenticate');
    await page.screenshot({ path: `${SHOTS}/3ds-page.png`, fullPage: true });
    await page.click('#authenticate');
    await finalStatus(page, 'completed');
    const sources = await page.locator('#events tr td:nth-child(3)').allTextContents();
    expect(sources).toContain('notification');
    // The push path: the built-in subscriber received both events, signed, in order.
    await expect
      .poll(() => page.locator('#pushed tr td:nth-child(2)').allTextContents(), { timeout: 5_000 })
      .toEqual(['payment.initialized', 'payment.completed']);
    await page.screenshot({ path: `${SHOTS}/result-completed.png`, fullPage: true });
    await page.close();
  });

  it('should not be paid after "Failed (N)"', async () => {
    const page = await checkout('5500000000000004');
    await page.click('#fail');
    await finalStatus(page, 'declined');
    await page.screenshot({ path: `${SHOTS}/result-declined.png`, fullPage: true });
    await page.close();
  });

  it('should authorize with "capture later", then capture part and release the rest', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 1100 } });
    await page.goto(`${sut.url}/demo`);
    await page.selectOption('#card', '4111111111111111');
    await page.fill('#amount', '24.95');
    await page.check('#captureLater');
    await page.click('#pay');
    await page.click('#authenticate');
    await finalStatus(page, 'authorized');
    await page.waitForSelector('#capture');
    expect(await page.textContent('#capturable')).toBe('24.95 EUR');
    await page.fill('#captureAmount', '10.00');
    await page.click('#capture');
    await page.waitForURL(/\/demo\/result\/[0-9a-f-]+$/);
    expect(await page.textContent('#status')).toBe('authorized');
    expect(await page.textContent('#captured')).toBe('10.00 EUR');
    expect(await page.textContent('#capturable')).toBe('14.95 EUR');
    await page.click('#release');
    await page.waitForURL(/\/demo\/result\/[0-9a-f-]+$/);
    await expect.poll(() => page.textContent('#status'), { timeout: 5_000 }).toBe('completed');
    expect(await page.textContent('#captured')).toBe('10.00 EUR');
    expect(await page.isVisible('#capture')).toBe(false);
    await expect
      .poll(() => page.locator('#pushed tr td:nth-child(2)').allTextContents(), { timeout: 5_000 })
      .toEqual(
        expect.arrayContaining(['payment.authorized', 'capture.succeeded', 'payment.completed']),
      );
    await page.close();
  });

  it('should complete through the customer_verification form variant', async () => {
    const page = await checkout('4111111111111111', 'form');
    // The rendered form submits itself and lands on the 3-D Secure page.
    await page.waitForSelector('#authenticate', { timeout: 10_000 });
    await page.click('#authenticate');
    await finalStatus(page, 'completed');
    await page.close();
  });

  it('should save the card through 3-D Secure, then pay again with it without card fields', async () => {
    const customer = `browser-${Date.now().toString(36)}`;
    const page = await browser.newPage({ viewport: { width: 800, height: 1100 } });
    await page.goto(`${sut.url}/demo`);
    await page.selectOption('#card', '4111111111111111');
    await page.check('#saveCard');
    await page.fill('#customerReference', customer);
    await page.click('#pay');
    await page.waitForSelector('#authenticate', { timeout: 10_000 });
    await page.click('#authenticate');
    await finalStatus(page, 'completed');
    // Saved once the webhook completed it; the page shows it without its token.
    await page.waitForSelector('#saved-card', { timeout: 10_000 });
    const saved = (await page.textContent('#saved-card')) ?? '';
    expect(saved).toContain('•••• 1111');
    expect(saved).toContain('cardOnFile');
    const cardId = /card_[a-z2-7]{26}/.exec(saved)?.[0];
    expect(cardId).toBeDefined();
    await expect
      .poll(() => page.locator('#pushed tr td:nth-child(2)').allTextContents(), { timeout: 5_000 })
      .toEqual(expect.arrayContaining(['payment.completed', 'saved_card.created']));
    await page.screenshot({ path: `${SHOTS}/result-saved-card.png`, fullPage: true });

    const first = page.url();
    await page.click('#payAgain');
    await page.waitForURL(
      (url) => /\/demo\/result\/[0-9a-f-]+$/.test(url.pathname) && url.href !== first,
    );
    // Final at once: no 3-D Secure page, no card fields asked for.
    await finalStatus(page, 'completed');
    expect(await page.textContent('#saved-card')).toContain(cardId);
    expect(await page.locator('#cvc').count()).toBe(0);
    const cards = await fetch(`${sut.url}/v1/customers/${customer}/saved-cards`, {
      headers: { authorization: 'Bearer dev-secret' },
    });
    const list = (await cards.json()) as { data: { id: string }[] };
    expect(list.data.map((c) => c.id)).toEqual([cardId]);
    await page.close();
  });
});
