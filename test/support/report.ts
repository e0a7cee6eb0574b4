import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

export interface ScenarioReport {
  scenario: string;
  injected: string;
  attempted: number;
  ordersAtSandbox: number;
  duplicates: number;
  stuck: number;
  serverErrors: number;
  notes?: string;
}

const FILE = 'reliability-report.jsonl';

/** Adds a row to the closing report printed after the reliability suite. */
export function report(row: ScenarioReport): void {
  appendFileSync(join(inject('logDir'), FILE), `${JSON.stringify(row)}\n`);
}

export function printReliabilityReport(dir: string): void {
  const file = join(dir, FILE);
  if (!existsSync(file)) return;
  const rows = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ScenarioReport);
  const lines = [
    '',
    'Reliability report',
    '| scenario | injected | attempted | orders at sandbox | duplicates | stuck | 5xx (unexpected) | notes |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.injected} | ${r.attempted} | ${r.ordersAtSandbox} | ${r.duplicates} | ${r.stuck} | ${r.serverErrors} | ${r.notes ?? ''} |`,
    ),
    '',
  ];
  process.stdout.write(lines.join('\n'));
}
