import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './repository.js';

/**
 * The layering rules of docs/architecture.md#layering are ESLint's (eslint.config.js), so a
 * forbidden import fails `npm run lint`. Each case lints one line as if it were in a file of the
 * project it names, with the repository's own configuration; only the import rules run (the
 * type-checked ones would need the whole program and have nothing to say about imports).
 */
const IMPORT_RULES = new Set([
  'no-restricted-imports',
  'no-restricted-syntax',
  '@typescript-eslint/no-restricted-imports',
]);

const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => IMPORT_RULES.has(ruleId),
});

// Loading eslint.config.js (its plugins and parsers) takes seconds on a busy machine: done once
// before the tests, so that no single test's time limit pays for it.
beforeAll(async () => {
  await eslint.calculateConfigForFile(`${ROOT}libs/payments/src/index.ts`);
}, 120_000);

/** The messages of the import rules for `code` in `file` (a path under the root). */
async function importProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: `${ROOT}${file}` });
  const messages = result?.messages ?? [];
  const fatal = messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`${file} did not parse: ${fatal[0].message}`);
  return messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const forbidden: [string, string, string, RegExp][] = [
  // [rule, file, import, message]
  [
    'payments: no adapter',
    'libs/payments/src/payments/x.ts',
    "import { MultiSafepayModule } from '@app/multisafepay';",
    /libs\/payments imports no lib of ours/,
  ],
  [
    'payments: no sandbox',
    'libs/payments/src/x.ts',
    "import { MspSandboxModule } from '@app/msp-sandbox';",
    /libs\/payments imports no lib of ours/,
  ],
  [
    'payments: no webhook transport',
    'libs/payments/src/events/x.ts',
    "import { WebhookSenderModule } from '@app/webhook-sender';",
    /libs\/payments imports no lib of ours/,
  ],
  [
    'payments: no broker transport',
    'libs/payments/src/events/x.ts',
    "import type { RabbitMqModule } from '@app/rabbitmq';",
    /libs\/payments imports no lib of ours/,
  ],
  [
    'payments: no adapter by a relative path',
    'libs/payments/src/x.ts',
    "import { x } from '../../multisafepay/index.js';",
    /libs\/payments imports no adapter, transport or sandbox/,
  ],
  [
    'payments: no HTTP client',
    'libs/payments/src/x.ts',
    "import axios from 'axios';",
    /No HTTP or AMQP client in the domain/,
  ],
  [
    'payments: no Nest HTTP module',
    'libs/payments/src/x.ts',
    "import { HttpService } from '@nestjs/axios';",
    /No HTTP or AMQP client in the domain/,
  ],
  [
    'payments: no undici',
    'libs/payments/src/x.ts',
    "import { request } from 'undici';",
    /No HTTP or AMQP client in the domain/,
  ],
  [
    'payments: no node:https',
    'libs/payments/src/x.ts',
    "import { request } from 'node:https';",
    /No HTTP or AMQP client in the domain/,
  ],
  [
    'payments: no amqplib',
    'libs/payments/src/x.ts',
    "import amqp from 'amqplib';",
    /No HTTP or AMQP client in the domain/,
  ],
  [
    'payments: no import() of an adapter',
    'libs/payments/src/x.ts',
    "await import('@app/rabbitmq');",
    /not even with import\(\)/,
  ],
  [
    'payments specs too',
    'libs/payments/src/x.spec.ts',
    "import { MultiSafepayOrdersGateway } from '@app/multisafepay';",
    /libs\/payments imports no lib of ours/,
  ],
  [
    'payments specs: the database, but no adapter',
    'libs/payments/src/testing/x.ts',
    "import { DatabaseLifecycle } from '@app/database';\nimport { MultiSafepayModule } from '@app/multisafepay';",
    /libs\/payments imports no lib of ours/,
  ],
  [
    'payments specs: no import() of another lib than the database',
    'libs/payments/src/x.spec.ts',
    "await import('@app/database');\nawait import('@app/msp-sandbox');",
    /not even with import\(\)/,
  ],
  [
    'payments: not the database outside its specs',
    'libs/payments/src/x.ts',
    "import { DatabaseLifecycle } from '@app/database';",
    /libs\/payments imports no lib of ours/,
  ],
  [
    'sandbox: nothing of libs/multisafepay',
    'libs/msp-sandbox/src/x.ts',
    "import { verifyMspSignature } from '@app/multisafepay';",
    /The sandbox imports no lib of ours/,
  ],
  [
    'sandbox: not even relatively',
    'libs/msp-sandbox/src/x.ts',
    "import { x } from '../../multisafepay/src/wire/order-parser.js';",
    /shares nothing with libs\/multisafepay/,
  ],
  [
    'sandbox: no domain either',
    'libs/msp-sandbox/src/x.ts',
    "import { OrdersGateway } from '@app/payments';",
    /The sandbox imports no lib of ours/,
  ],
  [
    'multisafepay: nothing of the sandbox',
    'libs/multisafepay/src/wire/x.ts',
    "import { CARDS } from '@app/msp-sandbox';",
    /shares nothing with the sandbox/,
  ],
  [
    'multisafepay: not even relatively',
    'libs/multisafepay/src/x.ts',
    "import { x } from '../../msp-sandbox/src/cards.js';",
    /shares nothing with the sandbox/,
  ],
  [
    'client: nothing of the server',
    'libs/client/src/x.ts',
    "import { PaymentView } from '@app/payments';",
    /libs\/client imports nothing of the server/,
  ],
  [
    'client: no Nest',
    'libs/client/src/x.ts',
    "import { Injectable } from '@nestjs/common';",
    /libs\/client imports nothing of the server/,
  ],
  [
    'client: no path out of it',
    'libs/client/src/x.ts',
    "import { x } from '../../payments/src/index.js';",
    /libs\/client imports nothing outside libs\/client/,
  ],
  [
    'client: no path out of it, from deeper',
    'libs/client/src/testing/x.ts',
    "import { x } from '../../../test/support/api.js';",
    /libs\/client imports nothing outside libs\/client/,
  ],
  [
    'client: no import() of the server',
    'libs/client/src/x.ts',
    "await import('@app/payments');",
    /not even with import\(\)/,
  ],
  [
    'no deep imports',
    'apps/payments/src/x.ts',
    "import { x } from '@app/payments/src/lifecycle/transition-table.js';",
    /No deep imports into a lib/,
  ],
  [
    'no relative path into a lib',
    'apps/payments/src/x.ts',
    "import { x } from '../../../libs/payments/src/index.js';",
    /only through their @app\/<lib> index/,
  ],
  [
    'RabbitMQ only on demand',
    'apps/payments/src/x.ts',
    "import { RabbitMqModule } from '@app/rabbitmq';",
    /Load it on demand/,
  ],
];

const allowed: [string, string, string][] = [
  [
    'payments: its own files and the database driver',
    'libs/payments/src/x.ts',
    "import { Injectable } from '@nestjs/common';\nimport pg from 'pg';\nimport { Outbox } from './events/outbox.js';\nimport { TransactionRunner } from '../lifecycle/transaction-runner.js';",
  ],
  [
    'payments specs: the schema, from libs/database',
    'libs/payments/src/refunds/x.spec.ts',
    "import { DatabaseLifecycle } from '@app/database';\nawait import('@app/database');",
  ],
  [
    'multisafepay: the port it implements, its HTTP client',
    'libs/multisafepay/src/x.ts',
    "import { OrdersGateway } from '@app/payments';\nimport { HttpService } from '@nestjs/axios';",
  ],
  [
    'sandbox: its own files and Nest',
    'libs/msp-sandbox/src/x.ts',
    "import { Controller } from '@nestjs/common';\nimport { CARDS } from './cards.js';",
  ],
  [
    'client: its own files and its dependency',
    'libs/client/src/testing/x.ts',
    "import createClient from 'openapi-fetch';\nimport { unwrap } from '../result.js';\nimport type { paths } from '../generated/openapi.js';",
  ],
  [
    'the app: every lib through its index, RabbitMQ on demand',
    'apps/payments/src/x.ts',
    "import { PaymentsModule } from '@app/payments';\nimport { MultiSafepayModule } from '@app/multisafepay';\nimport type { RabbitMqModule } from '@app/rabbitmq';\nawait import('@app/rabbitmq');",
  ],
];

// The first case loads ESLint and the configuration's plugins: seconds on a busy machine.
describe(
  'ESLint enforces the layering (docs/architecture.md#layering)',
  { timeout: 60_000 },
  () => {
    it.each(forbidden)('should fail %s', async (_rule, file, code, message) => {
      const problems = await importProblems(file, code);
      expect(problems.length, `${file}: ${code}`).toBeGreaterThan(0);
      expect(problems.join('\n')).toMatch(message);
    });

    it.each(allowed)('should allow %s', async (_case, file, code) => {
      expect(await importProblems(file, code)).toEqual([]);
    });
  },
);
