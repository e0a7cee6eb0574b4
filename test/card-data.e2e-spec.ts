import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, CARDS, createPayment, paymentRequest, type PaymentBody } from './support/api.js';
import { startApp, type RunningApp } from './support/app.js';
import { dumpAllTables, findCardData, pgDump, TEST_PANS } from './support/card-data.js';
import { available, needs } from './support/requirements.js';
import { submit3ds } from './support/sandbox.js';

// On PostgreSQL, the database is also searched the way an attacker with a backup would.
const withPgDump =
  process.env.DATABASE_URL !== undefined &&
  (await available(needs.pgDump, 'test/card-data.e2e-spec.ts (pg_dump of the database)'));

describe('card data never persists, logs or echoes (DESIGN §6)', () => {
  let sut: RunningApp;

  beforeAll(async () => {
    sut = await startApp({ LOG_LEVEL: 'trace', RECONCILE_INTERVAL_MS: '0' });
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
});
