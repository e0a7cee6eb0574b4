import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const lib = (name: string): string =>
  fileURLToPath(new URL(`./libs/${name}/src/index.ts`, import.meta.url));

const alias = {
  '@app/database': lib('database'),
  '@app/payments': lib('payments'),
  '@app/multisafepay': lib('multisafepay'),
  '@app/msp-sandbox': lib('msp-sandbox'),
  '@app/webhook-sender': lib('webhook-sender'),
  '@app/client': lib('client'),
  '@app/rabbitmq': lib('rabbitmq'),
  '@app/tracing': lib('tracing'),
};

/**
 * Files at once. Most of an e2e file's time is spent waiting (on HTTP, timers, PostgreSQL), so
 * three share the two cores of a small machine well; each has a database of its own
 * (test/support/file-database.ts). TEST_WORKERS overrides it (`TEST_WORKERS=1` runs one at a time).
 */
const WORKERS = Number(process.env.TEST_WORKERS ?? 3);

const BENCH_SPEC = 'test/bench.e2e-spec.ts';

/**
 * The longest e2e files, longest first: they start at once so that the suite does not end waiting
 * on one of them. Files that are not listed follow, longest first by vitest's own record of the
 * previous run (or by size on a fresh clone), and the unit specs fill the gaps at the end.
 */
const SLOWEST_FIRST = [
  'test/webhook-edge.e2e-spec.ts',
  'test/process.e2e-spec.ts',
  'test/console.e2e-spec.ts',
  'test/endpoint-addresses.e2e-spec.ts',
  'test/captures.e2e-spec.ts',
  'test/tracing.e2e-spec.ts',
  'test/console-api.e2e-spec.ts',
  'test/edge-replicas.e2e-spec.ts',
  'test/events.e2e-spec.ts',
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification): number => {
      const index = SLOWEST_FIRST.findIndex((path) => spec.moduleId.endsWith(path));
      return index === -1 ? SLOWEST_FIRST.length : index;
    };
    // Array.prototype.sort is stable: the rest keep the order vitest gave them.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

// The reliability suite restarts PostgreSQL and loads both cores: it runs on its own
// (`npm run test:reliability`, after `npm test` in CI), never beside the other projects.
const reliability = process.env.RELIABILITY_SUITE
  ? [
      {
        resolve: { alias },
        test: {
          name: 'reliability',
          include: ['test/reliability/**/*.reliability-spec.ts'],
          environment: 'node',
          globalSetup: ['test/global-setup.ts'],
          // Scenarios start processes and must not share the two cores with each other.
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ]
  : [];

export default defineConfig({
  resolve: { alias },
  test: {
    maxWorkers: WORKERS,
    sequence: { sequencer: SlowestFirst },
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['apps/**/*.spec.ts', 'libs/**/*.spec.ts', 'test/repo/**/*.spec.ts'],
          environment: 'node',
          // Unit specs keep no state between files: they share their workers' loaded modules
          // instead of importing Nest and its friends again for every file.
          isolate: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e-spec.ts'],
          exclude: [BENCH_SPEC],
          environment: 'node',
          globalSetup: ['test/global-setup.ts'],
          // Each file gets a database of its own (with DATABASE_URL); every answer of the
          // service a spec receives is checked against openapi.json.
          setupFiles: ['test/support/file-database.ts', 'test/support/contract-hook.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // `npm run bench` loads both cores on its own: beside two other files it failed under
          // load. Its group starts once the other projects have finished.
          name: 'e2e-bench',
          include: [BENCH_SPEC],
          sequence: { groupOrder: 1 },
          environment: 'node',
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/support/file-database.ts', 'test/support/contract-hook.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      ...reliability,
    ],
  },
});
