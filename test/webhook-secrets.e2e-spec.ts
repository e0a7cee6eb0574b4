import { buildDataSourceOptions, MIGRATIONS } from '@app/database';
import { newSigningSecret } from '@app/payments';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createPayment, paymentRequest, type PaymentBody } from './support/api.js';
import { startApp, type RunningApp } from './support/app.js';
import { dumpAllTables, pgDump } from './support/card-data.js';
import { scratchDatabase } from './support/database.js';
import { ensureBuilt, ROOT, spawnNode } from './support/process.js';
import { available, needs } from './support/requirements.js';
import { TestSubscriber } from './support/subscriber.js';

/**
 * Webhook signing secrets at rest (docs/operations.md, "Token encryption key"): sealed with
 * AES-256-GCM under TOKEN_ENCRYPTION_KEY like saved cards' tokens, never in clear in any table or
 * in a pg_dump; a database written before they were sealed is sealed at start-up and keeps
 * delivering with the same secrets; `npm run tokens:reencrypt` moves them to a new key.
 */

/** `secret` in clear in `text`, whole or as the key after `whsec_`. */
function findSecrets(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((s) => text.includes(s) || text.includes(s.replace(/^whsec_/, '')));
}

interface SecretColumns {
  secret: string | null;
  previous_secret: string | null;
  secret_key_id: string | null;
  previous_secret_key_id: string | null;
  secret_ciphertext: Buffer | null;
  previous_secret_ciphertext: Buffer | null;
}

describe('webhook signing secrets are stored sealed', () => {
  let sut: RunningApp;
  const subscriber = new TestSubscriber();
  let endpointId = '';

  beforeAll(async () => {
    await subscriber.start();
    sut = await startApp({ WEBHOOK_TIMEOUT_MS: '2000', EVENTS_POLL_INTERVAL_MS: '200' });
  });

  afterAll(async () => {
    await call(sut.url, 'DELETE', `/v1/webhook-endpoints/${endpointId}`).catch(() => undefined);
    await sut?.close();
    await subscriber.stop();
  });

  it('should keep the current and the rotated-out secret sealed, and sign with both', async () => {
    const created = await call<{ id: string; secret: string }>(
      sut.url,
      'POST',
      '/v1/webhook-endpoints',
      {
        url: subscriber.url,
        eventTypes: ['payment.completed'],
      },
    );
    expect(created.status).toBe(201);
    endpointId = created.body.id;
    const rotated = await call<{ secret: string }>(
      sut.url,
      'POST',
      `/v1/webhook-endpoints/${endpointId}/rotate-secret`,
    );
    subscriber.secrets.push(rotated.body.secret, created.body.secret);

    const [row] = await sut.dataSource.query<SecretColumns[]>(
      'SELECT * FROM webhook_endpoints WHERE id = $1',
      [endpointId],
    );
    expect(row).toMatchObject({ secret: null, previous_secret: null });
    expect(row?.secret_key_id).toMatch(/^k[0-9a-f]{12}$/);
    expect(row?.previous_secret_key_id).toBe(row?.secret_key_id);
    // nonce (12) + ciphertext of the 50-character secret + tag (16)
    expect(row?.secret_ciphertext?.length).toBe(12 + 50 + 16);
    expect(findSecrets(await dumpAllTables(sut.dataSource), subscriber.secrets)).toEqual([]);

    const payment = await createPayment<PaymentBody>(sut.url, paymentRequest());
    await subscriber.waitFor(() => subscriber.eventsFor(payment.body.id).length === 1);
    const delivery = subscriber.accepted.find((d) => d.event.paymentId === payment.body.id);
    expect(delivery?.verifiedWith).toEqual([0, 1]);
  });
});

const withPostgres = await available(
  needs.postgres,
  'test/webhook-secrets.e2e-spec.ts (an upgraded database and key rotation, on a scratch database)',
);
const withPgDump =
  withPostgres &&
  (await available(needs.pgDump, 'test/webhook-secrets.e2e-spec.ts (pg_dump of the database)'));

describe.runIf(withPostgres)(
  'webhook secrets in an upgraded database, and tokens:reencrypt',
  () => {
    const OLD_KEY = randomBytes(32).toString('base64');
    const NEW_KEY = randomBytes(32).toString('hex');
    const current = newSigningSecret();
    const previous = newSigningSecret();
    const subscriber = new TestSubscriber();
    let database: Awaited<ReturnType<typeof scratchDatabase>>;
    let db: Client;
    let endpointId = '';
    const apps: RunningApp[] = [];

    const boot = async (key: string) => {
      const app = await startApp({
        DATABASE_URL: database.url,
        TOKEN_ENCRYPTION_KEY: key,
        RECONCILE_INTERVAL_MS: '0',
        WEBHOOK_TIMEOUT_MS: '2000',
        WEBHOOK_RETRY_SCHEDULE: '1h',
        EVENTS_POLL_INTERVAL_MS: '200',
      });
      apps.push(app);
      return app;
    };
    const stop = async (app: RunningApp) => {
      await app.close();
      apps.splice(apps.indexOf(app), 1);
    };
    const row = async () =>
      (await db.query<SecretColumns>('SELECT * FROM webhook_endpoints WHERE id = $1', [endpointId]))
        .rows[0];
    const paidAndDelivered = async (app: RunningApp) => {
      const payment = await createPayment<PaymentBody>(app.url, paymentRequest());
      expect(payment.body.status).toBe('completed');
      await subscriber.waitFor(() => subscriber.eventsFor(payment.body.id).length === 1);
      return subscriber.accepted.find((d) => d.event.paymentId === payment.body.id);
    };

    beforeAll(async () => {
      ensureBuilt();
      await subscriber.start();
      subscriber.secrets.push(current, previous);
      database = await scratchDatabase();
      // The schema as the version before sealed secrets left it, with an endpoint written by it:
      // both secrets in clear, the previous one still signing.
      const before = MIGRATIONS.findIndex((m) => m.name.startsWith('WebhookSecretsSealed'));
      expect(before).toBeGreaterThan(0);
      const old = new DataSource({
        ...buildDataSourceOptions(database.url, { poolSize: 1, connectTimeoutMs: 10_000 }, false),
        migrations: MIGRATIONS.slice(0, before),
      });
      await old.initialize();
      await old.runMigrations({ transaction: 'each' });
      const [inserted] = await old.query<{ id: string }[]>(
        `INSERT INTO webhook_endpoints (url, event_types, status, secret, previous_secret,
         previous_secret_expires_at, client_id)
       VALUES ($1, '{payment.completed}', 'enabled', $2, $3, now() + interval '1 hour', 'legacy')
       RETURNING id`,
        [subscriber.url, current, previous],
      );
      endpointId = inserted?.id ?? '';
      await old.destroy();
      db = new Client({ connectionString: database.url });
      await db.connect();
    });

    afterAll(async () => {
      for (const app of [...apps]) await app.close();
      await db?.end();
      await database?.drop();
      await subscriber.stop();
    });

    it('should seal the plaintext secrets at start-up and keep signing with the same two', async () => {
      const app = await boot(OLD_KEY);
      const sealed = await row();
      expect(sealed).toMatchObject({ secret: null, previous_secret: null });
      expect(sealed?.secret_ciphertext).not.toBeNull();
      expect(sealed?.previous_secret_ciphertext).not.toBeNull();
      const delivery = await paidAndDelivered(app);
      expect(delivery?.verifiedWith).toEqual([0, 1]);
      await stop(app);
    });

    it.runIf(withPgDump)('should leave no endpoint secret in clear in a pg_dump', () => {
      const dump = pgDump(database.url);
      expect(dump).toContain('webhook_endpoints');
      expect(dump).toContain('secret_ciphertext');
      expect(findSecrets(dump, [current, previous])).toEqual([]);
    });

    it('should move the secrets to the new key with tokens:reencrypt, idempotently', async () => {
      const before = await row();
      const run = async () => {
        const child = spawnNode(`${ROOT}dist/apps/payments/src/tokens-reencrypt.js`, {
          DATABASE_URL: database.url,
          TOKEN_ENCRYPTION_KEY: NEW_KEY,
          TOKEN_ENCRYPTION_KEY_PREVIOUS: OLD_KEY,
        });
        return { code: await child.exited, output: child.output() };
      };
      const first = await run();
      expect(first.code).toBe(0);
      // The demo subscriber (sandbox mode) has an endpoint of its own.
      expect(first.output).toMatch(
        /re-encrypted the secrets of [12] webhook endpoint\(s\) under key k/,
      );
      const after = await row();
      expect(after?.secret_key_id).not.toBe(before?.secret_key_id);
      expect(after?.previous_secret_key_id).toBe(after?.secret_key_id);
      expect(after?.secret_ciphertext?.equals(before?.secret_ciphertext ?? Buffer.alloc(0))).toBe(
        false,
      );
      const second = await run();
      expect(second.code).toBe(0);
      expect(second.output).toContain('re-encrypted the secrets of 0 webhook endpoint(s)');
    });

    it('should sign with the same secrets under the new key alone', async () => {
      const app = await boot(NEW_KEY);
      const delivery = await paidAndDelivered(app);
      expect(delivery?.verifiedWith).toEqual([0, 1]);
      await stop(app);
    });

    it('should fail the attempt, sending nothing, when a sealed secret was altered', async () => {
      await db.query(
        `UPDATE webhook_endpoints SET secret_ciphertext = overlay(secret_ciphertext placing
         decode(lpad(to_hex(get_byte(secret_ciphertext, 14) # 1), 2, '0'), 'hex') from 15 for 1)
       WHERE id = $1`,
        [endpointId],
      );
      const received = subscriber.deliveries.length;
      const app = await boot(NEW_KEY);
      await createPayment(app.url, paymentRequest());
      await expect
        .poll(
          async () =>
            (
              await db.query<{ last_error: string | null }>(
                `SELECT last_error FROM event_deliveries WHERE endpoint_id = $1 AND attempts > 0
               AND status = 'pending'`,
                [endpointId],
              )
            ).rows[0]?.last_error,
          { timeout: 10_000 },
        )
        .toBe(
          'a webhook signing secret could not be decrypted: its authentication tag does not match (altered data)',
        );
      expect(subscriber.deliveries.length).toBe(received);
    });
  },
);
