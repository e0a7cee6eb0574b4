// The load generators: autocannon's closed loop (capacity) and bench/open-loop.mjs's open loop
// (latency at a given rate), each run measured with the CPU it cost and reported as one line.
import autocannon from 'autocannon';
import { cpuPerRequest, cpuSnapshot, cpuSpent, profileWindow } from './cpu.mjs';
import { settle } from './database.mjs';
import { openLoop } from './open-loop.mjs';
import {
  args,
  CONNECTIONS,
  DATABASE_URL,
  DURATION,
  LEVELS,
  OPEN_CONNECTIONS,
  RATE,
  REPEAT,
  WARMUP,
} from './options.mjs';
import { line } from './report.mjs';

/** A closed-loop scenario, unless `--only` leaves it out. */
export async function run(name, options) {
  if (args.only && !args.only.split(',').includes(name)) return undefined;
  return measure(name, options);
}

/** Closed loop: `CONNECTIONS` connections, each sending its next request once answered. */
export async function measure(name, options) {
  const load = { ...options, connections: CONNECTIONS, ...(RATE > 0 ? { overallRate: RATE } : {}) };
  if (WARMUP > 0) await autocannon({ ...load, duration: WARMUP });
  const rows = [];
  for (let i = 0; i < REPEAT; i += 1) {
    const before = cpuSnapshot();
    const r = await autocannon({ ...load, duration: DURATION });
    const after = cpuSnapshot();
    const spent = cpuSpent(before, after);
    rows.push({
      scenario: name,
      'req/s': Math.round(r.requests.average),
      'p50 ms': r.latency.p50,
      'p99 ms': r.latency.p99,
      'non-2xx': r.non2xx,
      errors: r.errors + r.timeouts,
      ...cpuPerRequest(spent, r.requests.total),
      ...profileWindow(before, after),
    });
    await settle(DATABASE_URL);
  }
  const row = median(rows, (x) => x['req/s']);
  line(REPEAT > 1 ? { ...row, 'req/s of each run': rows.map((x) => x['req/s']) } : row);
  return row;
}

export const ms = (value) => Number(value.toFixed(1));

/**
 * Open loop (bench/open-loop.mjs): requests at evenly spaced instants, `level`% of `capacity`
 * per second, latency from each request's intended instant. Prints one line per level (the run
 * with the median p99 of `--repeat`).
 */
export async function measureOpenLoop(name, origin, request, capacity, levels = LEVELS) {
  if (!(capacity > 0)) {
    line({ scenario: `open loop: ${name}`, note: 'no capacity to scale' });
    return [];
  }
  const lines = [];
  for (const level of levels) {
    const rate = (capacity * level) / 100;
    const load = { origin, rate, request, connections: OPEN_CONNECTIONS };
    if (WARMUP > 0) await openLoop({ ...load, duration: WARMUP });
    const rows = [];
    for (let i = 0; i < REPEAT; i += 1) {
      const before = cpuSnapshot();
      const r = await openLoop({ ...load, duration: DURATION });
      const after = cpuSnapshot();
      const spent = cpuSpent(before, after);
      rows.push({
        scenario: `open loop: ${name}`,
        'load %': level,
        'target req/s': Math.round(rate),
        'achieved req/s': Math.round(r.achievedPerSecond),
        'p50 ms': ms(r.p50),
        'p99 ms': ms(r.p99),
        'p99.9 ms': ms(r.p999),
        'max ms': ms(r.max),
        requests: r.requests,
        'late starts': r.late,
        'non-2xx': r.non2xx,
        errors: r.errors,
        ...cpuPerRequest(spent, r.requests),
        ...profileWindow(before, after),
      });
      await settle(DATABASE_URL);
    }
    const row = median(rows, (x) => x['p99 ms']);
    line(REPEAT > 1 ? { ...row, 'p99 ms of each run': rows.map((x) => x['p99 ms']) } : row);
    lines.push(row);
  }
  return lines;
}

/** The middle run by `value` (the lower middle for an even count). */
export function median(runs, value) {
  return [...runs].sort((a, b) => value(a) - value(b))[Math.floor((runs.length - 1) / 2)];
}
