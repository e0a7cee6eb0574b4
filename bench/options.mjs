// The bench's options (bench/bench.mjs's head lists them) and the settings its modules share.
import { parseArgs } from 'node:util';

export const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    connections: { type: 'string', default: '64' },
    rows: { type: 'string', default: '0' },
    only: { type: 'string', default: '' },
    // A fixed total request rate (autocannon's overallRate) instead of as fast as the
    // connections go: CPU per request of two builds at the same load.
    rate: { type: 'string', default: '0' },
    // Measure each scenario (and the floor) this many times and report the median run: on a
    // shared VM two identical runs can differ by a quarter.
    repeat: { type: 'string', default: '1' },
    // The open loop's arrival rates, in % of the closed loop's throughput in the same run.
    levels: { type: 'string', default: '25,50,75,90' },
    // The most requests the open loop has in flight; one that finds them all busy waits and
    // counts as late. Far above what the levels need (rate × latency).
    'open-connections': { type: 'string', default: '512' },
    // The embedded database (PGlite), as `npm start` runs without DATABASE_URL, even if set.
    embedded: { type: 'boolean', default: false },
  },
});
export const DURATION = Number(args.duration);
export const WARMUP = Number(args.warmup);
export const CONNECTIONS = Number(args.connections);
export const ROWS = Number(args.rows);
export const RATE = Number(args.rate);
export const REPEAT = Math.max(1, Number(args.repeat));
export const LEVELS = args.levels
  .split(',')
  .filter(Boolean)
  .map(Number)
  .filter((level) => level > 0);
export const OPEN_CONNECTIONS = Number(args['open-connections']);
// The database the service runs on, if any (undefined: embedded).
export const DATABASE_URL = args.embedded ? undefined : process.env.DATABASE_URL;
// The checkout whose build runs (BENCH_BUILD=/path/to/other/checkout: an older build, built
// there, measured by this bench; its floors are this checkout's).
export const ROOT = process.env.BENCH_BUILD ?? new URL('..', import.meta.url).pathname;
export const HERE = new URL('..', import.meta.url).pathname;
export const MSP_KEY = 'bench-msp-key';
export const API_KEY = 'bench-secret-0123456789abcdef';
// A service started with BENCH_SERVICE_NODE_ARGS / BENCH_SANDBOX_NODE_ARGS that writes CPU profiles.
export const PROFILING = /cpu-prof/.test(
  `${process.env.BENCH_SERVICE_NODE_ARGS} ${process.env.BENCH_SANDBOX_NODE_ARGS}`,
);
