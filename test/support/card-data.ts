import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { CARDS } from './api.js';

/** Every PAN the suite sends. None may ever reach a log line or a database row. */
export const TEST_PANS: string[] = [
  ...Object.values(CARDS),
  '6799990000000000011',
  '4111111111111112',
];

/** CVCs the suite sends, searched next to a cvc-like key (bare 3 digits occur everywhere). */
export const TEST_CVCS = ['737', '7373'];

export function findCardData(text: string): string[] {
  const found = TEST_PANS.filter((pan) => text.includes(pan));
  for (const cvc of TEST_CVCS) {
    if (new RegExp(`(cvc|card_cvc|cvv)\\W{1,6}${cvc}\\b`, 'i').test(text)) found.push(`cvc ${cvc}`);
  }
  return found;
}

/** MultiSafepay's `recurring_id` tokens found in clear in `text` (docs/design.md#saved-cards: never stored or logged). */
export function findTokens(text: string, tokens: readonly string[]): string[] {
  return tokens.filter((token) => text.includes(token));
}

/** A customer's tokens as the sandbox keeps them (`GET /recurring/{reference}`, its API). */
export async function sandboxTokens(
  base: string,
  apiKey: string,
  customerReference: string,
): Promise<string[]> {
  const res = await fetch(`${base}/sandbox/v1/json/recurring/${customerReference}`, {
    headers: { api_key: apiKey },
  });
  const body = (await res.json()) as { success: boolean; data: { tokens?: { token: string }[] } };
  return body.success ? (body.data.tokens ?? []).map((t) => t.token) : [];
}

export function readLogs(dir: string): string {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

/** `pg_dump` of a real PostgreSQL database, data and schema. */
export function pgDump(url: string): string {
  return execFileSync('pg_dump', ['--no-owner', '--inserts', url], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
}

/** Every row of every table as JSON: the same search on the embedded database, which pg_dump 15 cannot read. */
export async function dumpAllTables(dataSource: DataSource): Promise<string> {
  const tables = await dataSource.query<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await dataSource.query<{ rows: unknown }[]>(
      `SELECT coalesce(json_agg(t), '[]'::json) AS rows FROM "${table_name}" t`,
    );
    parts.push(`${table_name}: ${JSON.stringify(rows[0]?.rows)}`);
  }
  return parts.join('\n');
}
