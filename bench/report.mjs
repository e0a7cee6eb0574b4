// What the bench prints: one JSON object per line. The run's conditions first, a line per
// measured run (bench/measure.mjs, bench/floors.mjs, bench/scenarios.mjs), then the run's
// figures for the targets of docs/performance.md, and when it finished.
import { cpus, loadavg, totalmem } from 'node:os';
import { args, CONNECTIONS, DURATION, ROWS, WARMUP } from './options.mjs';

/** Prints one line of the report. */
export function line(row) {
  console.log(JSON.stringify(row));
}

/** The first line: the machine, the database and the options the figures depend on. */
export function header(url) {
  line({
    machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${cpus()[0]?.model ?? ''}`,
    node: process.version,
    database: url
      ? url.replace(/\/\/[^@]*@/, '//')
      : `embedded PGlite (${args.embedded ? '--embedded' : 'no DATABASE_URL'})`,
    connections: CONNECTIONS,
    duration_s: DURATION,
    warmup_s: WARMUP,
    rows: ROWS,
    // Other processes' load shows here: on a shared machine, the noise of this run.
    started: new Date().toISOString(),
    'load average 1/5/15 min': loadavg().map((x) => Number(x.toFixed(1))),
  });
}

/** The service's own figures for the targets, from its create and read scenarios. */
export function serviceTargets(targets, { create, createOpen, read, embedded }) {
  if (create) targets['service cpu ms/payment'] = create['cpu ms/req service'];
  const at75 = createOpen.find((x) => x['load %'] === 75);
  if (at75) targets['open-loop create p99 ms at 75%'] = at75['p99 ms'];
  if (embedded) {
    // `npm start` without DATABASE_URL: its targets are absolute (docs/performance.md).
    if (create) targets['embedded creates/s'] = create['req/s'];
    if (read) targets['embedded reads/s'] = read['req/s'];
  }
}

/** The last lines: the targets (if any was measured) and when the run finished. */
export function footer(targets) {
  if (Object.keys(targets).length > 0) {
    line({ scenario: 'targets', ...targets });
  }
  line({
    finished: new Date().toISOString(),
    'load average 1/5/15 min': loadavg().map((x) => Number(x.toFixed(1))),
  });
}
