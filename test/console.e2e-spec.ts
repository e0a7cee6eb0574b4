// over-400: the console in Chromium: every journey shares one browser and service.
import type { Schema } from '@app/client';
import AxeBuilder from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe as suite, expect, it, vi } from 'vitest';
import { call, CARDS, createPayment, paymentRequest, type PaymentBody } from './support/api.js';
import { startApp, type RunningApp } from './support/app.js';
import { ensureBuilt, ROOT } from './support/process.js';
import { available, CHROMIUM_PATH, needs } from './support/requirements.js';
import { submit3ds } from './support/sandbox.js';
import { TestSubscriber } from './support/subscriber.js';

// UPDATE_SCREENSHOTS=1 refreshes the README's pictures; otherwise they go to a temporary folder.
const SHOTS = process.env.UPDATE_SCREENSHOTS
  ? `${ROOT}docs/img`
  : join(tmpdir(), `console-screenshots-${process.pid}`);

// Without Chromium: skipped with one line saying how to install it (CI=true: fails).
const describe = (await available(
  needs.chromium,
  "test/console.e2e-spec.ts (the operators' console)",
))
  ? suite
  : suite.skip;

const READER = 'support-reader-0123456789abcdef';

/** What axe found on each page, for the closing report: serious and critical must be none. */
const axeFindings: { page: string; violations: { id: string; impact: string | null }[] }[] = [];

// Generous timeouts: a busy machine makes a browser slow, and each scenario runs many steps.
describe(
  "the operators' console in a real browser (headless Chromium, real service and sandbox)",
  { timeout: 400_000 },
  () => {
    let sut: RunningApp;
    let browser: Browser;
    const subscriber = new TestSubscriber();

    beforeAll(async () => {
      // The console is served from dist/console, built by the same script as `npm start`.
      ensureBuilt();
      await subscriber.start();
      sut = await startApp({
        RECONCILE_INTERVAL_MS: '0',
        API_KEYS: `dev:dev-secret,support:${READER}:payments:read`,
      });
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
      await subscriber.stop();
      if (!process.env.UPDATE_SCREENSHOTS) rmSync(SHOTS, { recursive: true, force: true });
      for (const finding of axeFindings)
        console.info(
          `axe ${finding.page}: ${finding.violations.length} violation(s)` +
            (finding.violations.length > 0
              ? ` (${finding.violations.map((v) => `${v.id}: ${v.impact}`).join(', ')})`
              : ''),
        );
    });

    /**
     * A new tab; fails the test on any CSP violation or script error in it. It asks for reduced
     * motion, which the console honours (no fades): axe then never reads a notification or a
     * dialog half faded in, whose colours are not yet its own.
     */
    async function newPage(): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      page.setDefaultTimeout(120_000);
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text()))
          problems.push(`CSP: ${message.text()}`);
      });
      return { page, context, problems };
    }

    async function signIn(page: Page, key = 'dev-secret'): Promise<void> {
      await page.goto(`${sut.url}/console/`);
      await page.getByLabel('API key').fill(key);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
    }

    /** axe on the page as it is: no serious or critical violation. */
    async function accessible(page: Page, name: string): Promise<void> {
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      axeFindings.push({
        page: name,
        violations: results.violations.map((v) => ({ id: v.id, impact: v.impact ?? null })),
      });
      const blocking = results.violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(
        blocking.map(
          (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`,
        ),
        name,
      ).toEqual([]);
    }

    const shot = (page: Page, file: string) =>
      page.screenshot({ path: `${SHOTS}/${file}`, fullPage: true });

    const paid = async (
      overrides: Record<string, unknown> = {},
      card: Record<string, unknown> = {},
    ) => (await createPayment<PaymentBody>(sut.url, paymentRequest(overrides, card))).body;

    const openPayment = async (page: Page, id: string) => {
      await page.goto(`${sut.url}/console/#/payments/${id}/show`);
      await page.getByTestId('timeline').waitFor();
    };
    const status = (page: Page) => page.getByTestId('payment-status').textContent();
    const dialog = (page: Page) => page.getByRole('dialog');
    /** A payment's status changes, as the API records them (from→to). */
    const moves = async (id: string) =>
      (
        await call<{ data: { from: string | null; to: string }[] }>(
          sut.url,
          'GET',
          `/v1/payments/${id}/events`,
        )
      ).body.data.map((e) => `${e.from ?? ''}→${e.to}`);

    it('should sign in, find a payment by its orderId with "Search", and open it', async () => {
      const mine = await paid({
        amount: 2495,
        metadata: { cartId: 'c-42' },
        customer: { ...paymentRequest().customer, reference: 'cust-4711' },
      });
      await paid();
      const { page, context, problems } = await newPage();
      await page.goto(`${sut.url}/console/`);
      await page.getByLabel('API key').waitFor();
      await accessible(page, 'sign-in');
      await shot(page, 'console-sign-in.png');
      // A wrong key: a plain message, no blank page.
      await page.getByLabel('API key').fill('not-a-key');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect
        .poll(() => page.getByRole('alert').textContent(), { timeout: 120_000 })
        .toContain('The API key was not accepted');

      await signIn(page);
      await page.getByLabel('Search').fill(mine.orderId);
      await expect
        .poll(() => page.locator('tbody tr').allTextContents(), { timeout: 120_000 })
        .toEqual([expect.stringContaining(mine.orderId)]);
      expect(await page.locator('tbody tr').textContent()).toContain('€24.95');
      await accessible(page, 'payments');
      await shot(page, 'console-payments.png');

      await page.locator('tbody tr').first().click();
      await page.getByTestId('timeline').waitFor();
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 120_000 })
        .toContain(mine.orderId);
      expect(await status(page)).toContain('(completed)');
      const body = (await page.textContent('main')) ?? '';
      expect(body).toContain(mine.gateway.transactionId ?? 'no transaction id');
      expect(body).toContain('•••• 3335');
      expect(body).toContain('"cartId":"c-42"');
      expect(body).toContain('Customercust-4711');
      // The story: the moves, the event with its delivery to the demo's subscriber, the notification.
      await expect
        .poll(() => page.getByTestId('timeline').textContent(), { timeout: 120_000 })
        .toMatch(/Notification received \(POST\)signature valid/);
      const timeline = (await page.getByTestId('timeline').textContent()) ?? '';
      expect(timeline).toContain('Created, not yet sent (created) → Paid (completed)');
      expect(timeline).toContain('payment.completed');
      await accessible(page, 'payment');
      await shot(page, 'console-payment.png');
      expect(problems).toEqual([]);
      await context.close();
    });

    it('should refund part of a payment through the dialog; the status and the timeline update in place', async () => {
      const payment = await paid({ amount: 1000 });
      const { page, context, problems } = await newPage();
      await signIn(page);
      await openPayment(page, payment.id);
      await page.getByRole('button', { name: 'Refund' }).click();
      const amount = dialog(page).getByLabel('Amount');
      expect(await amount.inputValue()).toBe('10.00');
      // Too precise: said before anything is sent.
      await amount.fill('3.001');
      await expect
        .poll(() => dialog(page).textContent(), { timeout: 120_000 })
        .toContain('EUR has 2 decimal places: "3.001" is too precise.');
      await dialog(page).getByRole('button', { name: 'Refund' }).click();
      await amount.fill('3.00');
      expect(await dialog(page).getByTestId('action-summary').textContent()).toBe(
        `Refund €3.00 (EUR) of payment ${payment.orderId} to the card?`,
      );
      await accessible(page, 'refund dialog');
      await shot(page, 'console-refund-dialog.png');
      // A double click sends one refund: the second is the same request (same Idempotency-Key).
      await dialog(page).getByRole('button', { name: 'Refund' }).dblclick();
      await dialog(page).waitFor({ state: 'detached' });
      await expect
        .poll(() => status(page), { timeout: 120_000 })
        .toContain('Partially refunded (partial_refunded)');
      await expect
        .poll(() => page.getByTestId('timeline').textContent(), { timeout: 120_000 })
        .toContain('Refund of €3.00');
      const timeline = (await page.getByTestId('timeline').textContent()) ?? '';
      expect(timeline).toContain('asked for by the API key dev');
      expect(timeline).toContain('Paid (completed) → Partially refunded (partial_refunded)');
      const refunds = await call<{ data: { amount: number }[] }>(
        sut.url,
        'GET',
        `/v1/payments/${payment.id}/refunds`,
      );
      expect(refunds.body.data.map((r) => r.amount)).toEqual([300]);
      expect(problems).toEqual([]);
      await context.close();
    });

    it('should capture part of a manual-capture payment, then release the rest', async () => {
      const payment = await paid({ amount: 1000, captureMode: 'manual' });
      expect(payment.status).toBe('authorized');
      const { page, context, problems } = await newPage();
      await signIn(page);
      await openPayment(page, payment.id);
      await page.getByRole('button', { name: 'Capture' }).click();
      await dialog(page).getByLabel('Amount').fill('4.00');
      expect(await dialog(page).getByTestId('action-summary').textContent()).toContain(
        '€4.00 (EUR)',
      );
      await dialog(page).getByRole('button', { name: 'Capture' }).click();
      await dialog(page).waitFor({ state: 'detached' });
      await expect
        .poll(() => page.textContent('main'), { timeout: 120_000 })
        .toMatch(/Captured€4\.00Still capturable€6\.00/);
      expect(await status(page)).toContain('(authorized)');

      await page.getByRole('button', { name: 'Release' }).click();
      expect(await dialog(page).getByTestId('action-summary').textContent()).toContain(
        'Release €6.00 (EUR) still held',
      );
      await accessible(page, 'release dialog');
      // A double click releases once (the repeat would be refused: nothing is left to release).
      await dialog(page).getByRole('button', { name: 'Release' }).dblclick();
      await dialog(page).waitFor({ state: 'detached' });
      await expect.poll(() => status(page), { timeout: 120_000 }).toContain('Paid (completed)');
      await expect
        .poll(() => page.getByTestId('timeline').textContent(), { timeout: 120_000 })
        .toContain('Capture of €4.00');
      expect(await page.getByRole('button', { name: 'Capture' }).count()).toBe(0);
      expect(await moves(payment.id)).toEqual([
        '→created',
        'created→authorized',
        'authorized→completed',
      ]);
      expect(problems).toEqual([]);
      await context.close();
    });

    it('should cancel a payment still awaiting the shopper', async () => {
      const payment = await paid({}, { number: CARDS.threeDs });
      expect(payment.status).toBe('initialized');
      const { page, context, problems } = await newPage();
      await signIn(page);
      await openPayment(page, payment.id);
      await page.getByRole('button', { name: 'Cancel payment' }).click();
      expect(await dialog(page).getByTestId('action-summary').textContent()).toBe(
        `Cancel the payment of €10.00 (EUR) for ${payment.orderId}?`,
      );
      // A double click cancels once.
      await dialog(page).getByRole('button', { name: 'Cancel payment' }).dblclick();
      await dialog(page).waitFor({ state: 'detached' });
      await expect.poll(() => status(page), { timeout: 120_000 }).toContain('(void)');
      expect(await page.getByRole('button', { name: 'Cancel payment' }).count()).toBe(0);
      expect(await moves(payment.id)).toEqual([
        '→created',
        'created→initialized',
        'initialized→void',
      ]);
      expect(problems).toEqual([]);
      await context.close();
    });

    it('should redeliver an event to a local receiver and show the new attempt', async () => {
      const endpoint = await call<{ id: string; secret: string }>(
        sut.url,
        'POST',
        '/v1/webhook-endpoints',
        { url: subscriber.url, eventTypes: ['payment.completed'] },
      );
      subscriber.secrets = [endpoint.body.secret];
      subscriber.mode = { kind: 'ok' };
      const payment = await paid();
      // The feed shows a transaction once every older one on the server has ended
      // (docs/events.md): with other databases busy beside this one, that can take a moment.
      const completed = await vi.waitFor(
        async () => {
          const events = await call<{ data: { id: string; type: string }[] }>(
            sut.url,
            'GET',
            `/v1/events?paymentId=${payment.id}`,
          );
          const found = events.body.data.find((e) => e.type === 'payment.completed');
          expect(found).toBeDefined();
          return found;
        },
        { timeout: 10_000 },
      );
      const received = () => subscriber.accepted.filter((d) => d.event.id === completed?.id);
      await subscriber.waitFor(() => received().length === 1);

      const { page, context, problems } = await newPage();
      await signIn(page);
      await page.getByRole('menuitem', { name: 'Events' }).click();
      await page.getByLabel('Type').waitFor();
      await accessible(page, 'events');
      await page.goto(`${sut.url}/console/#/events/${completed?.id}/show`);
      const row = page.locator('tbody tr', { hasText: subscriber.url });
      const attempts = row.locator('ol li');
      await expect.poll(() => attempts.count(), { timeout: 120_000 }).toBe(1);
      expect(await row.textContent()).toContain('Succeeded (succeeded)');
      await page.getByRole('button', { name: 'Redeliver' }).click();
      await dialog(page).getByRole('button', { name: 'Redeliver' }).click();
      // The new attempt appears in the page, and the receiver got the event a second time.
      await expect.poll(() => attempts.count(), { timeout: 120_000 }).toBe(2);
      expect(await attempts.nth(1).textContent()).toContain(': 204');
      await subscriber.waitFor(() => received().length === 2);
      expect(received().every((d) => d.verifiedWith.length > 0)).toBe(true);
      await accessible(page, 'event');
      await shot(page, 'console-event.png');
      expect(problems).toEqual([]);
      await context.close();
      await call(sut.url, 'DELETE', `/v1/webhook-endpoints/${endpoint.body.id}`);
    });

    it('should create a webhook endpoint, show its secret once with a copy button, and rotate it', async () => {
      const { page, context, problems } = await newPage();
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sut.url });
      await signIn(page);
      await page.getByRole('menuitem', { name: 'Webhook endpoints' }).click();
      await page.getByRole('link', { name: 'Create endpoint' }).click();
      const url = `${subscriber.url}?console=${randomUUID()}`;
      await page.getByLabel('URL').fill(url);
      await page.getByLabel('Description').fill('Made in the console');
      await accessible(page, 'endpoint create');
      await page.getByRole('button', { name: 'Save' }).click();
      const secret = await dialog(page).getByTestId('secret').inputValue();
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      await dialog(page).getByRole('button', { name: 'Copy secret' }).click();
      await expect
        .poll(() => page.evaluate<string>('navigator.clipboard.readText()'), { timeout: 120_000 })
        .toBe(secret);
      await shot(page, 'console-endpoint-secret.png');
      await dialog(page).getByRole('button', { name: 'Done' }).click();
      await page.getByRole('button', { name: 'Rotate secret' }).waitFor();
      expect(await page.textContent('main')).not.toContain(secret);

      const list = await call<{
        data: { id: string; url: string; previousSecretExpiresAt: string | null }[];
      }>(sut.url, 'GET', '/v1/webhook-endpoints');
      const created = list.body.data.find((e) => e.url === url);
      expect(created?.previousSecretExpiresAt).toBeNull();
      await accessible(page, 'endpoint');

      await page.getByRole('button', { name: 'Rotate secret' }).click();
      await dialog(page).getByRole('button', { name: 'Rotate secret' }).click();
      const rotated = await page.getByTestId('secret').inputValue();
      expect(rotated).toMatch(/^whsec_/);
      expect(rotated).not.toBe(secret);
      await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
      const after = await call<{ previousSecretExpiresAt: string | null }>(
        sut.url,
        'GET',
        `/v1/webhook-endpoints/${created?.id}`,
      );
      expect(after.body.previousSecretExpiresAt).toEqual(expect.any(String));
      await expect
        .poll(() => page.textContent('main'), { timeout: 120_000 })
        .toContain('the previous secret still signs until');

      await page.getByRole('button', { name: 'Disable' }).click();
      await page.getByRole('button', { name: 'Enable' }).waitFor();
      const disabled = await call<{ status: string }>(
        sut.url,
        'GET',
        `/v1/webhook-endpoints/${created?.id}`,
      );
      expect(disabled.body.status).toBe('disabled');
      expect(problems).toEqual([]);
      await context.close();
      await call(sut.url, 'DELETE', `/v1/webhook-endpoints/${created?.id}`);
    });

    it("should look up a customer's saved cards and delete one after a confirmation", async () => {
      const customer = `console-${randomUUID().slice(0, 8)}`;
      const first = await paid(
        { recurring: { model: 'cardOnFile', customerReference: customer } },
        { number: CARDS.threeDs },
      );
      await submit3ds(first.nextAction?.url ?? '', 'success');
      type Cards = Schema<'SavedCardListResponseDto'>;
      await expect
        .poll(
          async () =>
            (await call<Cards>(sut.url, 'GET', `/v1/customers/${customer}/saved-cards`)).body.data
              .length,
          { timeout: 120_000 },
        )
        .toBe(1);
      const { page, context, problems } = await newPage();
      await signIn(page);
      await page.getByRole('menuitem', { name: 'Saved cards' }).click();
      await page.getByLabel('Customer reference').fill(customer);
      await expect
        .poll(() => page.locator('tbody tr').allTextContents(), { timeout: 120_000 })
        .toEqual([expect.stringContaining('•••• 1111')]);
      await accessible(page, 'saved cards');
      await shot(page, 'console-saved-cards.png');
      await page.getByRole('button', { name: 'Delete' }).click();
      await dialog(page).getByRole('button', { name: 'Confirm' }).click();
      await expect
        .poll(
          async () =>
            (await call<Cards>(sut.url, 'GET', `/v1/customers/${customer}/saved-cards`)).body.data,
          { timeout: 120_000 },
        )
        .toEqual([]);
      await expect
        .poll(() => page.locator('tbody tr', { hasText: '1111' }).count(), { timeout: 120_000 })
        .toBe(0);
      expect(problems).toEqual([]);
      await context.close();
    });

    it('should offer a payments:read key no write action, and no events or endpoints', async () => {
      const payment = await paid();
      const authorized = await paid({ captureMode: 'manual' });
      const { page, context, problems } = await newPage();
      await signIn(page, READER);
      expect(await page.textContent('header')).toContain('support');
      for (const id of [payment.id, authorized.id]) {
        await openPayment(page, id);
        for (const name of [
          'Refund',
          'Capture',
          'Release',
          'Cancel payment',
          'Refresh from MultiSafepay',
        ])
          expect(await page.getByRole('button', { name }).count(), name).toBe(0);
        expect(await page.textContent('main')).toContain('may read payments but not act on them');
        expect(await page.textContent('main')).toContain('your API key lacks events:read');
      }
      expect(await page.getByRole('menuitem', { name: 'Events' }).count()).toBe(0);
      expect(await page.getByRole('menuitem', { name: 'Webhook endpoints' }).count()).toBe(0);
      await accessible(page, 'payment (read-only key)');
      await shot(page, 'console-read-only.png');
      expect(problems).toEqual([]);
      await context.close();
    });

    it('should forget the key on "Sign out": the back button then shows no data', async () => {
      const payment = await paid();
      const { page, context, problems } = await newPage();
      await signIn(page);
      await openPayment(page, payment.id);
      expect(await page.textContent('main')).toContain(payment.orderId);
      expect(await page.evaluate<string>('JSON.stringify(localStorage)')).not.toContain(
        'dev-secret',
      );
      expect(await page.evaluate<string>('document.cookie')).toBe('');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByLabel('API key').waitFor();
      expect(await page.evaluate<number>('sessionStorage.length')).toBe(0);
      await page.goBack();
      await page.getByLabel('API key').waitFor();
      // Give a stale render every chance to show itself.
      await page.waitForTimeout(500);
      expect(await page.textContent('body')).not.toContain(payment.orderId);
      expect(await page.getByTestId('timeline').count()).toBe(0);
      expect(
        await page.evaluate<string>('JSON.stringify({ ...localStorage, ...sessionStorage })'),
      ).not.toContain('dev-secret');
      expect(problems).toEqual([]);
      await context.close();
    });
  },
);
