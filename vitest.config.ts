import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

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
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['apps/**/*.spec.ts', 'libs/**/*.spec.ts', 'test/repo/**/*.spec.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e-spec.ts'],
          environment: 'node',
          globalSetup: ['test/global-setup.ts'],
          // Every answer of the service a spec receives is checked against openapi.json.
          setupFiles: ['test/support/contract-hook.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      ...reliability,
    ],
  },
});
