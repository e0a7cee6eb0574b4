// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const crossProjectImports = {
  patterns: [
    {
      group: [
        '**/libs/*/src/**',
        '../../libs/**',
        '../../../libs/**',
        '../../apps/**',
        '../../../apps/**',
      ],
      message: 'Import other projects only through their @app/<lib> index.',
    },
    { group: ['@app/*/*'], message: 'No deep imports into a lib: use @app/<lib>.' },
  ],
};

/** Where the layering rules are explained; every message points there. */
const WHY = 'docs/architecture.md#layering';

/**
 * `no-restricted-imports` for one project: the cross-project rules above plus its own. (A later
 * config object replaces a rule's options, so each project's list repeats the common patterns.)
 */
const restrictedImports = (...patterns) => [
  'error',
  { patterns: [...crossProjectImports.patterns, ...patterns] },
];

/** The same modules loaded with `import()`, which `no-restricted-imports` does not see. */
const restrictedDynamicImports = (source, message) => [
  'error',
  { selector: `ImportExpression[source.value=${source}]`, message },
];

const HTTP_AND_AMQP = [
  'axios',
  'axios/*',
  '@nestjs/axios',
  'undici',
  'undici/*',
  'node:http',
  'node:https',
  'node:http2',
  'http',
  'https',
  'http2',
  'amqplib',
  'amqplib/*',
  'amqp-connection-manager',
  'standardwebhooks',
];

/**
 * The domain's rules: `ours` are the libs of ours it may not import (its unit specs may import
 * libs/database, for the schema); `allowedDynamic`, the one lib of ours import() may load.
 */
const domainRules = (ours, allowedDynamic = '') => ({
  'no-restricted-imports': restrictedImports(
    {
      group: ours,
      message: `libs/payments imports no lib of ours: adapters, transports and the sandbox plug into its ports (${WHY}).`,
    },
    {
      group: ['**/multisafepay/**', '**/msp-sandbox/**', '**/webhook-sender/**', '**/rabbitmq/**'],
      message: `libs/payments imports no adapter, transport or sandbox (${WHY}).`,
    },
    {
      group: HTTP_AND_AMQP,
      message: `No HTTP or AMQP client in the domain: they belong to the adapters behind its ports (${WHY}).`,
    },
  ),
  'no-restricted-syntax': restrictedDynamicImports(
    allowedDynamic
      ? `/^(@app\\u002F(?!${allowedDynamic})|axios|undici|amqplib|amqp-connection-manager|standardwebhooks|@nestjs\\u002Faxios|(node:)?https?2?$)/`
      : '/^(@app\\u002F|axios|undici|amqplib|amqp-connection-manager|standardwebhooks|@nestjs\\u002Faxios|(node:)?https?2?$)/',
    `libs/payments loads no lib of ours and no HTTP or AMQP client, not even with import() (${WHY}).`,
  ),
});

/**
 * The layering of docs/architecture.md: dependencies point inward, to the domain. Each entry is
 * one project's rule; test/repo/layering.spec.ts proves every one of them fails a forbidden
 * import and lets an allowed one through.
 */
const layering = [
  {
    // The domain: no adapter, transport or sandbox; only its ports.
    files: ['libs/payments/**/*.{ts,js,mjs}'],
    rules: domainRules(['@app/*']),
  },
  {
    // Its unit specs run on the real schema: the migrations of libs/database, nothing else of ours.
    files: ['libs/payments/**/*.spec.ts', 'libs/payments/src/testing/**/*.ts'],
    rules: domainRules(['@app/*', '!@app/database'], 'database$'),
  },
  {
    // Written from docs/multisafepay.md alone: a misreading in one is caught by the other.
    files: ['libs/msp-sandbox/**/*.{ts,js,mjs}'],
    rules: {
      'no-restricted-imports': restrictedImports(
        {
          group: ['@app/*'],
          message: `The sandbox imports no lib of ours and shares nothing with libs/multisafepay (${WHY}).`,
        },
        {
          group: ['**/multisafepay/**'],
          message: `The sandbox shares nothing with libs/multisafepay (${WHY}).`,
        },
      ),
      'no-restricted-syntax': restrictedDynamicImports(
        '/^@app\\u002F|multisafepay\\u002F/',
        `The sandbox imports no lib of ours, not even with import() (${WHY}).`,
      ),
    },
  },
  {
    files: ['libs/multisafepay/**/*.{ts,js,mjs}'],
    rules: {
      'no-restricted-imports': restrictedImports({
        group: ['@app/msp-sandbox', '**/msp-sandbox/**'],
        message: `libs/multisafepay shares nothing with the sandbox (${WHY}).`,
      }),
      'no-restricted-syntax': restrictedDynamicImports(
        '/msp-sandbox/',
        `libs/multisafepay shares nothing with the sandbox, not even with import() (${WHY}).`,
      ),
    },
  },
  // The typed client is published on its own: nothing of the server, no path out of libs/client
  // (a file `depth` folders below libs/client leaves it with more than `depth` `../`).
  ...[0, 1, 2, 3, 4].map((depth) => ({
    files: [`libs/client/${'*/'.repeat(depth)}*.{ts,mts,js,mjs}`],
    rules: {
      'no-restricted-imports': restrictedImports(
        {
          group: ['@app/*', '@nestjs/*'],
          message: `libs/client imports nothing of the server: it is published on its own (${WHY}).`,
        },
        {
          regex: `^(\\.\\./){${depth + 1},}`,
          message: `libs/client imports nothing outside libs/client (${WHY}).`,
        },
      ),
      'no-restricted-syntax': restrictedDynamicImports(
        `/^(@app\\u002F|@nestjs\\u002F|(\\.\\.\\u002F){${depth + 1},})/`,
        `libs/client imports nothing of the server, not even with import() (${WHY}).`,
      ),
    },
  })),
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      'scripts/**',
      'eslint.config.js',
      'libs/client/dist/**',
      'libs/client/src/generated/**',
      // Copied from @mui/icons-material by scripts/material-icons.mjs.
      'apps/console/material-icons/**',
      // Written against an SDK generated at test time: type-checked by its test, strictly.
      'test/generated-client/**',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      'no-restricted-imports': ['error', crossProjectImports],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: {
      // End-to-end tests boot the app itself; libs are still reached only through @app/<lib>.
      'no-restricted-imports': [
        'error',
        {
          patterns: crossProjectImports.patterns.filter((p) => !p.group.includes('../../apps/**')),
        },
      ],
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  ...layering,
  {
    // The console's React: hooks called unconditionally, and effects and memos that name every
    // value they read (a stale one shows an operator an old answer).
    files: ['apps/console/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Without AMQP_URL nothing of RabbitMQ may be loaded (docs/design.md#events): the app imports the lib
    // with `await import('@app/rabbitmq')` when it is set (apps/payments/src/config/amqp.config.ts).
    files: ['**/*.ts'],
    ignores: ['libs/rabbitmq/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@app/rabbitmq',
              allowTypeImports: true,
              message: "Load it on demand: await import('@app/rabbitmq') when AMQP_URL is set.",
            },
          ],
        },
      ],
    },
  },
  {
    // Plain-JS files (the embedded PostgreSQL worker) run without type information.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: Object.fromEntries(
        ['process', 'console', 'Buffer', 'fetch', 'URL', 'setTimeout'].map((name) => [
          name,
          'readonly',
        ]),
      ),
    },
  },
  prettier,
);
