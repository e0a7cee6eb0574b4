import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatabaseLifecycle } from '@app/database';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Every hand-written INSERT (ADR 0005) against the schema the migrations build and the entities
 * TypeORM reads with: a column renamed or added in one place and not the other fails here, not in
 * production. Each INSERT's column list is read from the source; every column it names must
 * exist in the table and in its entity, and every NOT NULL column without a default must be named.
 */

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Source files of the libs and apps, without tests, fixtures and migrations. */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return ['node_modules', 'dist', 'migrations', 'testing', 'generated'].includes(entry.name)
        ? []
        : sources(path);
    }
    return /\.ts$/.test(entry.name) && !/\.(e2e-)?spec\.ts$/.test(entry.name) ? [path] : [];
  });
}

interface Insert {
  file: string;
  table: string;
  columns: string[];
}

const INSERT = /INSERT INTO (\w+)(?: AS \w+)? \(([^)]*)\)/g;

function inserts(): { found: Insert[]; occurrences: number } {
  const found: Insert[] = [];
  let occurrences = 0;
  for (const file of [...sources('libs'), ...sources('apps')]) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    occurrences += text.match(/INSERT INTO/g)?.length ?? 0;
    for (const m of text.matchAll(INSERT)) {
      found.push({
        file: relative('.', file),
        table: m[1],
        columns: m[2].split(',').map((c) => c.trim()),
      });
    }
  }
  return { found, occurrences };
}

describe('hand-written INSERTs against the schema and the entities', () => {
  const database = new DatabaseLifecycle({
    url: undefined,
    dataDir: 'memory://',
    poolSize: 1,
    connectTimeoutMs: 10_000,
  });
  let dataSource: DataSource;
  let schema: Map<string, { column: string; required: boolean }[]>;

  beforeAll(async () => {
    dataSource = await database.connect();
    const rows = await dataSource.query<
      { table_name: string; column_name: string; required: boolean }[]
    >(
      `SELECT table_name, column_name,
         (is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO') AS required
       FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    schema = new Map();
    for (const r of rows) {
      const columns = schema.get(r.table_name) ?? [];
      columns.push({ column: r.column_name, required: r.required });
      schema.set(r.table_name, columns);
    }
  }, 120_000);

  afterAll(async () => {
    await database.onApplicationShutdown();
  });

  const { found, occurrences } = inserts();

  it('should read every INSERT of the sources, those of every written table among them', () => {
    expect(found).toHaveLength(occurrences);
    expect(new Set(found.map((i) => i.table))).toEqual(
      new Set([
        'payments',
        'payment_events',
        'idempotency_keys',
        'events',
        'event_deliveries',
        'delivery_attempts',
        'notifications',
        'notification_refusals',
        'notification_reads',
        'saved_cards',
      ]),
    );
  });

  it.each(found.map((i) => [`${i.table} (${i.file})`, i] as const))(
    'should name only columns of the table and its entity, and every required one: %s',
    (_name, insert) => {
      const table = schema.get(insert.table);
      expect(table, `table ${insert.table}`).toBeDefined();
      const entity = dataSource.entityMetadatas.find((m) => m.tableName === insert.table);
      expect(entity, `entity of ${insert.table}`).toBeDefined();
      const entityColumns = new Set(entity!.columns.map((c) => c.databaseName));
      const tableColumns = new Set(table!.map((c) => c.column));
      for (const column of insert.columns) {
        expect(tableColumns.has(column), `${insert.table}.${column} in the schema`).toBe(true);
        expect(entityColumns.has(column), `${insert.table}.${column} in the entity`).toBe(true);
      }
      const missing = table!
        .filter((c) => c.required && !insert.columns.includes(c.column))
        .map((c) => c.column);
      expect(missing, `required columns of ${insert.table} left out`).toEqual([]);
    },
  );
});
