import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { call, CARDS, createPayment, paymentRequest, type PaymentBody } from './support/api.js';
import { startApp, uniqueId, type RunningApp } from './support/app.js';
import {
  dumpAllTables,
  findCardData,
  findTokens,
  pgDump,
  readLogs,
  sandboxTokens,
  TEST_PANS,
} from './support/card-data.js';
import { available, needs } from './support/requirements.js';
import { submit3ds } from './support/sandbox.js';

const MSP_KEY = 'card-data-test-api-key';

// On PostgreSQL, the database is also searched the way an attacker with a backup would.
const withPgDump =
  process.env.DATABASE_URL !== undefined &&
  (await available(needs.pgDump, 'test/card-data.e2e-spec.ts (pg_dump of the database)'));

describe('card data never persists, logs or echoes (docs/design.md#card-data, docs/design.md#saved-cards)', () => {
  let sut: RunningApp;
  /** MultiSafepay's tokens of the saved cards below, read from the sandbox's API. */
  const tokens: string[] = [];
  /** Every answer the API gave while saving, using and deleting those cards. */
  const answers: string[] = [];

  /**
   * Saved cards' paths: a first payment per model (one through 3-D Secure), a payment with each
   * saved card, one whose token is gone at MultiSafepay, the lists, and a deletion.
   */
  async function savedCardFlows(): Promise<void> {
    const flows = [
      ['cardOnFile', CARDS.noThreeDs],
      ['subscription', CARDS.amexNoThreeDs],
      ['unscheduled', CARDS.noThreeDs],
      ['cardOnFile', CARDS.threeDs],
    ] as const;
    for (const [model, number] of flows) {
      const customerReference = uniqueId('cd');
      const created = await createPayment<PaymentBody & { savedCard: { id: string } | null }>(
        sut.url,
        paymentRequest({ recurring: { model, customerReference } }, { number, cvc: '737' }),
      );
      answers.push(created.text);
      if (created.body.nextAction?.url) {
        await submit3ds(created.body.nextAction.url, 'success');
        answers.push((await call(sut.url, 'POST', `/v1/payments/${created.body.id}/refresh`)).text);
      }
      const read = await call<{ savedCard: { id: string } | null }>(
        sut.url,
        'GET',
        `/v1/payments/${created.body.id}`,
      );
      answers.push(read.text);
      const savedCardId = read.body.savedCard?.id;
      expect(savedCardId).toBeDefined();
      const [token] = await sandboxTokens(sut.url, MSP_KEY, customerReference);
      expect(token).toBeDefined();
      tokens.push(token ?? '');
      const { card: _card, customer: _customer, ...rest } = paymentRequest();
      const paid = await createPayment(sut.url, {
        ...rest,
        savedCardId,
        recurring: { model, customerReference },
      });
      expect(paid.status).toBe(201);
      answers.push(paid.text);
      answers.push(
        (await call(sut.url, 'GET', `/v1/customers/${customerReference}/saved-cards`)).text,
      );
      answers.push(
        (
          await call(
            sut.url,
            'DELETE',
            `/v1/customers/${customerReference}/saved-cards/${savedCardId}`,
          )
        ).text,
      );
    }
    answers.push((await call(sut.url, 'GET', '/v1/events?limit=200')).text);
  }

  beforeAll(async () => {
    sut = await startApp({
      LOG_LEVEL: 'trace',
      RECONCILE_INTERVAL_MS: '0',
      MSP_ENV: 'sandbox',
      MSP_API_KEY: MSP_KEY,
    });
    // Every path a card takes: no 3-D Secure, 3-D Secure passed and failed, declines, a bad
    // request carrying a PAN, and a replay.
    const flows = [
      paymentRequest({}, { number: CARDS.noThreeDs, cvc: '737' }),
      paymentRequest({}, { number: CARDS.amexNoThreeDs, cvc: '7373' }),
      paymentRequest({}, { number: CARDS.declined3ds, cvc: '737' }),
      paymentRequest({}, { number: CARDS.notATestCard, cvc: '737' }),
    ];
    for (const body of flows) expect((await createPayment(sut.url, body)).status).toBe(201);
    for (const result of ['success', 'failure'] as const) {
      const created = await createPayment<PaymentBody>(
        sut.url,
        paymentRequest({}, { number: CARDS.threeDs }),
      );
      await submit3ds(created.body.nextAction?.url ?? '', result);
      await call(sut.url, 'POST', `/v1/payments/${created.body.id}/refresh`);
    }
    const invalid = paymentRequest({ amount: -1 }, { number: '4111111111111112', cvc: '737' });
    expect((await createPayment(sut.url, invalid)).status).toBe(400);
    await savedCardFlows();
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should store brand, last 4 and expiry, and no PAN or CVC in any table', async () => {
    const dump = await dumpAllTables(sut.dataSource);
    expect(dump).toContain('"card_last4":"3335"');
    expect(dump).toContain('"card_brand":"AMEX"');
    expect(findCardData(dump)).toEqual([]);
  });

  it.runIf(withPgDump)('should find no PAN or CVC in a pg_dump of the database', () => {
    const dump = pgDump(process.env.DATABASE_URL ?? '');
    expect(dump).toContain('3335');
    expect(findCardData(dump)).toEqual([]);
  });

  it('should log every request at trace level without a PAN or CVC', () => {
    const logs = readFileSync(process.env.LOG_FILE ?? '', 'utf8');
    expect(
      logs.split('\n').filter((l) => l.includes('"url":"/v1/payments"')).length,
    ).toBeGreaterThanOrEqual(7);
    expect(findCardData(logs)).toEqual([]);
    for (const pan of TEST_PANS) expect(logs).not.toContain(pan.slice(0, 12));
  });

  it('should keep saved cards but never their recurring_id in clear, in any table', async () => {
    expect(tokens).toHaveLength(4);
    const dump = await dumpAllTables(sut.dataSource);
    expect(dump).toContain('"token_key_id":"k');
    expect(findTokens(dump, tokens)).toEqual([]);
    if (withPgDump) {
      const full = pgDump(process.env.DATABASE_URL ?? '');
      expect(full).toContain('saved_cards');
      expect(findTokens(full, tokens)).toEqual([]);
    }
  });

  it('should log and answer nothing of a recurring_id: not this app, no app of the suite', () => {
    const logs = readFileSync(process.env.LOG_FILE ?? '', 'utf8');
    // The token endpoints were called (deletions) and logged, their token blanked out.
    expect(logs).toContain('saved card deleted');
    expect(logs).toContain('/remove/[Redacted]"');
    expect(findTokens(logs, tokens)).toEqual([]);
    expect(findTokens(readLogs(inject('logDir')), tokens)).toEqual([]);
    expect(findTokens(answers.join('\n'), tokens)).toEqual([]);
  });
});
