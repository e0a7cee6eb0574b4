import { PaymentEntity } from '@app/payments';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
