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
const EVENTS_FILE = 'reliability-events.jsonl';

/** What became of the events of a scenario, per destination. */
export interface EventsReport {
  scenario: string;
  injected: string;
  /** Events written for the scenario's payments. */
  events: number;
  /** Written but never received (must be 0), at the HTTP subscriber and at the RabbitMQ consumer. */
  lostHttp: number;
  lostAmqp: number | null;
  /** Receipts beyond the first of an event. */
  duplicatesHttp: number;
  duplicatesAmqp: number | null;
  /** The longest time from an event's commit to its first receipt (either destination). */
  worstLagMs: number;
  notes?: string;
}

/** Adds a row to the closing report's events table. */
export function reportEvents(row: EventsReport): void {
  appendFileSync(join(inject('logDir'), EVENTS_FILE), `${JSON.stringify(row)}\n`);
}

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
  const eventsFile = join(dir, EVENTS_FILE);
  if (!existsSync(eventsFile)) return;
  const events = readFileSync(eventsFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as EventsReport);
  const na = (n: number | null): string => (n === null ? '—' : String(n));
  process.stdout.write(
    [
      'Events (outbox: HTTP subscriber, RabbitMQ)',
      '| scenario | injected | events | lost (HTTP / AMQP) | duplicates (HTTP / AMQP) | worst lag | notes |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...events.map(
        (r) =>
          `| ${r.scenario} | ${r.injected} | ${r.events} | ${r.lostHttp} / ${na(r.lostAmqp)} | ${r.duplicatesHttp} / ${na(r.duplicatesAmqp)} | ${(r.worstLagMs / 1000).toFixed(1)} s | ${r.notes ?? ''} |`,
      ),
      '',
    ].join('\n'),
  );
}
