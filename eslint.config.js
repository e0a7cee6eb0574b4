// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
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
  {
    // Without AMQP_URL nothing of RabbitMQ may be loaded (DESIGN §8): the app imports the lib
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
