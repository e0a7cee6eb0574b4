import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from './repository.js';

/**
 * docs/architecture.md cannot fall behind the code: every lib has its row in the projects table,
 * and every table the migrations create has its row in the data table.
 */
const doc = readFileSync(`${ROOT}docs/architecture.md`, 'utf8');

/** The first cells (`name`) of the rows of the table under `## heading`. */
function tableRows(heading: string): string[] {
  const start = doc.indexOf(`\n## ${heading}\n`);
  expect(start, `docs/architecture.md has a "## ${heading}" section`).toBeGreaterThanOrEqual(0);
  const section = doc.slice(start + 1).split(/\n## /)[0];
  return [...section.matchAll(/^\|\s*`([^`]+)`\s*\|/gm)].map((m) => m[1]);
}

const libs = readdirSync(`${ROOT}libs`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `libs/${entry.name}`);

const migrationsDir = `${ROOT}libs/database/src/migrations/`;
const tables = [
  ...new Set(
    readdirSync(migrationsDir)
      .filter((file) => /^\d+-.*\.ts$/.test(file))
      .flatMap((file) => [
        ...readFileSync(`${migrationsDir}${file}`, 'utf8').matchAll(
          /CREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"?(\w+)"?/gi,
        ),
      ])
      .map((m) => m[1]),
  ),
];

describe('docs/architecture.md', () => {
  it('should find the libs and the tables it must name', () => {
    expect(libs).toContain('libs/payments');
    expect(libs.length).toBeGreaterThanOrEqual(8);
    expect(tables).toContain('payments');
    expect(tables.length).toBeGreaterThanOrEqual(13);
  });

  it('should give every lib a row of its projects table', () => {
    const rows = tableRows('Projects');
    expect(libs.filter((lib) => !rows.includes(lib))).toEqual([]);
  });

  it('should give every table the migrations create a row of its data table', () => {
    const rows = tableRows('Data');
    expect(tables.filter((table) => !rows.includes(table))).toEqual([]);
  });

  it('should not keep rows for libs or tables that are gone', () => {
    const projects = tableRows('Projects').filter((name) => name.startsWith('libs/'));
    expect(projects.filter((lib) => !libs.includes(lib))).toEqual([]);
    expect(tableRows('Data').filter((table) => !tables.includes(table))).toEqual([]);
  });
});
