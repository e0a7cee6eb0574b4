import { PaymentEntity } from '@app/payments';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { afterAll, describe, expect, it } from 'vitest';
import { call, CARDS, createPayment, paymentRequest, type PaymentBody } from './support/api.js';
import { startApp } from './support/app.js';

// Always the embedded default, also when the suite runs against DATABASE_URL (each test file
// runs in a process of its own, so this does not affect the others).
delete process.env.DATABASE_URL;

describe('embedded PostgreSQL on DATA_DIR', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'payments-embedded-'));

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('should keep data across a restart', async () => {
    const first = await startApp({ DATA_DIR: dataDir });
    const saved = await first.dataSource.getRepository(PaymentEntity).save({
      orderId: 'persist-1',
      amount: 4200,
      currency: 'EUR',
      description: 'kept across restarts',
      status: 'created',
    });
    await first.close();

    const second = await startApp({ DATA_DIR: dataDir });
    try {
      const found = await second.dataSource
        .getRepository(PaymentEntity)
        .findOneBy({ id: saved.id });
      expect(found).toMatchObject({ orderId: 'persist-1', amount: 4200, status: 'created' });
    } finally {
      await second.close();
    }
  });
});

describe('embedded PostgreSQL: a new connection behind the pool', () => {
  it('should let a new connection in at once when the pool has just closed the previous one', async () => {
    const sut = await startApp({ DATA_DIR: 'memory://' });
    try {
      // The embedded server notices a close some moments after the client sent it; a connection
      // made meanwhile (the pool replacing one after an error) must wait for it, not be refused.
      const pool = (sut.dataSource.driver as PostgresDriver).master as Pool;
      for (let round = 0; round < 20; round += 1) {
        const client = await pool.connect();
        client.release(true);
        const [row] = await sut.dataSource.query<{ round: number }[]>('SELECT $1::int AS round', [
          round,
        ]);
        expect(row).toEqual({ round });
      }
    } finally {
      await sut.close();
    }
  });

  it('should keep taking payments after the connection is replaced (prepared statements)', async () => {
    const sut = await startApp({ DATA_DIR: 'memory://' });
    try {
      const first = await createPayment(sut.url, paymentRequest({}, { number: CARDS.noThreeDs }));
      expect(first.status).toBe(201);
      // PGlite keeps one session behind every connection: the hot paths' prepared statements
      // outlive the connection that prepared them. Replace the connection, as an idle timeout
      // or an error does; the next one must be able to prepare the same names again.
      const pool = (sut.dataSource.driver as PostgresDriver).master as Pool;
      const client = await pool.connect();
      client.release(true);
      const second = await createPayment<PaymentBody>(
        sut.url,
        paymentRequest({}, { number: CARDS.noThreeDs }),
      );
      expect(second.status).toBe(201);
      expect(second.body.status).toBe('completed');
      const read = await call<PaymentBody>(sut.url, 'GET', `/v1/payments/${second.body.id}`);
      expect(read.body).toMatchObject({ id: second.body.id, status: 'completed' });
    } finally {
      await sut.close();
    }
  });
});
