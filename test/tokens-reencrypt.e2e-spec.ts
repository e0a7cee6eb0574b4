import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPayment,
  paymentRequest,
  type ErrorResponse,
  type PaymentBody,
} from './support/api.js';
import { startApp, uniqueId, type RunningApp } from './support/app.js';
import { scratchDatabase } from './support/database.js';
import { available, needs } from './support/requirements.js';
import { ensureBuilt, ROOT, spawnNode } from './support/process.js';

const MSP_KEY = 'rotation-test-api-key';
const OLD_KEY = randomBytes(32).toString('base64');
const NEW_KEY = randomBytes(32).toString('hex');

type WithSavedCard = PaymentBody & ErrorResponse;

interface Row {
  id: string;
  token_key_id: string;
  token_ciphertext: Buffer;
  token_fingerprint: string;
}

/**
 * Key rotation (docs/operations.md): `npm run tokens:reencrypt` moves every saved card to the new
 * key, a second run has nothing left to do, and the service then pays with the cards under the
 * new key alone. A tampered row is refused loudly, by the script and by a payment.
 */
const withPostgres = await available(
  needs.postgres,
  'test/tokens-reencrypt.e2e-spec.ts (key rotation on a scratch database)',
);

describe.runIf(withPostgres)('npm run tokens:reencrypt', () => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  let db: Client;
  const apps: RunningApp[] = [];
  const cards: { id: string; customer: string }[] = [];

  // Every app talks to the first one's sandbox: the tokens live there.
  let sandbox: Record<string, string> = { MSP_ENV: 'sandbox', MSP_API_KEY: MSP_KEY };
  const boot = async (env: Record<string, string>) => {
    const app = await startApp({
      DATABASE_URL: database.url,
      ...sandbox,
      RECONCILE_INTERVAL_MS: '0',
      EVENTS_RELAY_ENABLED: 'false',
      ...env,
    });
    apps.push(app);
    return app;
  };

  const rows = async () =>
    (await db.query<Row>('SELECT * FROM saved_cards ORDER BY id')).rows.filter(
      (r) => r.token_ciphertext !== null,
    );

  const reencrypt = async (env: Record<string, string>) => {
    const run = spawnNode(`${ROOT}dist/apps/payments/src/tokens-reencrypt.js`, {
      DATABASE_URL: database.url,
      REENCRYPT_BATCH_SIZE: '2',
      ...env,
    });
    return { code: await run.exited, output: run.output() };
  };

  const pay = (app: RunningApp, card: { id: string; customer: string }) => {
    const { card: _c, customer: _u, ...rest } = paymentRequest();
    return createPayment<WithSavedCard>(app.url, {
      ...rest,
      savedCardId: card.id,
      recurring: { model: 'cardOnFile', customerReference: card.customer },
    });
  };

  beforeAll(async () => {
    ensureBuilt();
    database = await scratchDatabase();
    db = new Client({ connectionString: database.url });
    const first = await boot({ TOKEN_ENCRYPTION_KEY: OLD_KEY });
    sandbox = {
      MSP_ENV: 'test',
      MSP_API_KEY: MSP_KEY,
      MSP_BASE_URL: `${first.url}/sandbox/v1/json`,
    };
    await db.connect();
    for (let i = 0; i < 5; i += 1) {
      const customer = uniqueId('rot');
      const res = await createPayment<WithSavedCard>(
        first.url,
        paymentRequest({ recurring: { model: 'cardOnFile', customerReference: customer } }),
      );
      cards.push({ id: res.body.savedCard?.id ?? '', customer });
    }
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await db?.end();
    await database?.drop();
  });

  it('should refuse a payment with a card under a key it does not hold, clearly', async () => {
    const app = await boot({ TOKEN_ENCRYPTION_KEY: NEW_KEY });
    const res = await pay(app, cards[0]);
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('SAVED_CARD_UNREADABLE');
    expect(res.body.error.message).toMatch(/TOKEN_ENCRYPTION_KEY_PREVIOUS/);
  });

  it('should re-encrypt every card under the new key, in batches, and be idempotent', async () => {
    const before = await rows();
    expect(before).toHaveLength(5);
    const oldId = before[0].token_key_id;
    expect(before.every((r) => r.token_key_id === oldId)).toBe(true);

    const first = await reencrypt({
      TOKEN_ENCRYPTION_KEY: NEW_KEY,
      TOKEN_ENCRYPTION_KEY_PREVIOUS: OLD_KEY,
    });
    expect(first.output).toContain('re-encrypted 5 saved card(s)');
    expect(first.code).toBe(0);
    const after = await rows();
    expect(new Set(after.map((r) => r.token_key_id)).size).toBe(1);
    expect(after[0].token_key_id).not.toBe(oldId);
    after.forEach((row, i) => {
      expect(row.token_ciphertext.equals(before[i].token_ciphertext)).toBe(false);
      expect(row.token_fingerprint).not.toBe(before[i].token_fingerprint);
    });

    const second = await reencrypt({
      TOKEN_ENCRYPTION_KEY: NEW_KEY,
      TOKEN_ENCRYPTION_KEY_PREVIOUS: OLD_KEY,
    });
    expect(second.code).toBe(0);
    expect(second.output).toContain('re-encrypted 0 saved card(s)');
    const unchanged = await rows();
    unchanged.forEach((row, i) =>
      expect(row.token_ciphertext.equals(after[i].token_ciphertext)).toBe(true),
    );
  });

  it('should pay with the re-encrypted cards under the new key alone', async () => {
    const app = await boot({ TOKEN_ENCRYPTION_KEY: NEW_KEY });
    const res = await pay(app, cards[1]);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'completed', savedCard: { id: cards[1].id } });
  });

  it('should refuse a tampered ciphertext loudly, never silently', async () => {
    const target = cards[2];
    await db.query(
      `UPDATE saved_cards SET token_ciphertext = overlay(token_ciphertext placing
         decode(lpad(to_hex(get_byte(token_ciphertext, 14) # 1), 2, '0'), 'hex') from 15 for 1)
       WHERE id = $1`,
      [target.id],
    );
    const app = await boot({ TOKEN_ENCRYPTION_KEY: NEW_KEY });
    const res = await pay(app, target);
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('SAVED_CARD_UNREADABLE');
    expect(res.body.error.message).toMatch(/authentication tag/);
    // The other cards still pay.
    expect((await pay(app, cards[3])).body.status).toBe('completed');
    // Rotating again names the altered row and leaves it, exit code 1.
    const rotate = await reencrypt({
      TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      TOKEN_ENCRYPTION_KEY_PREVIOUS: `${OLD_KEY},${NEW_KEY}`,
    });
    expect(rotate.code).toBe(1);
    expect(rotate.output).toContain(`${target.id}: a saved card's token could not be decrypted`);
    expect(rotate.output).toContain('re-encrypted 4 saved card(s)');
  });
});
