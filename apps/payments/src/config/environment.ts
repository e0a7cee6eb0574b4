import { loadDatabaseConfig } from '@app/database';
import { loadMultisafepayConfig } from '@app/multisafepay';
import { isConfigValidationError } from '@app/payments';
import { gatewayEnv, loadAccountsConfig } from './accounts.config.js';
import { loadAmqpConfig } from './amqp.config.js';
import { loadAppConfig } from './app.config.js';
import { loadSandboxTimers } from '../sandbox/sandbox.imports.js';
import { loadAuthConfig } from './auth.config.js';
import { loadPaymentsConfig } from './payments.config.js';
import { loadEventsConfig } from './events.config.js';
import { loadTokensConfig } from './tokens.config.js';

type Loader = (env: NodeJS.ProcessEnv) => unknown;

const LOADERS: Loader[] = [
  loadAppConfig,
  loadDatabaseConfig,
  loadAuthConfig,
  loadPaymentsConfig,
  loadEventsConfig,
  loadAccountsConfig,
  (env) => loadMultisafepayConfig(gatewayEnv(env)),
  loadSandboxTimers,
  loadAmqpConfig,
  loadTokensConfig,
];

/** Secrets and endpoints that have no safe default in production (docs/design.md#defaults). */
const REQUIRED_IN_PRODUCTION = [
  'DATABASE_URL',
  'MSP_API_KEY',
  'API_KEYS',
  'PUBLIC_BASE_URL',
  'TOKEN_ENCRYPTION_KEY',
];

/**
 * Every configuration problem, one line per bad variable (`NAME: what is wrong`), so start-up
 * can print them all at once instead of failing on the first.
 */
export function environmentProblems(env: NodeJS.ProcessEnv, loaders = LOADERS): string[] {
  const problems: string[] = [];
  for (const load of loaders) {
    try {
      load(env);
    } catch (error) {
      if (!isConfigValidationError(error)) throw error;
      problems.push(...error.problems);
    }
  }
  if (env.NODE_ENV === 'production') {
    for (const name of REQUIRED_IN_PRODUCTION) {
      if (name === 'MSP_API_KEY') {
        // Or the accounts, each with its key (docs/operations.md#multisafepay-accounts).
        if (!env.MSP_API_KEY?.trim() && !env.MSP_ACCOUNTS?.trim())
          problems.push('MSP_API_KEY or MSP_ACCOUNTS: required when NODE_ENV=production');
      } else if (!env[name]?.trim()) problems.push(`${name}: required when NODE_ENV=production`);
    }
    if (env.MSP_ENV === 'sandbox') {
      problems.push('MSP_ENV: sandbox is not allowed when NODE_ENV=production');
    }
  }
  return problems;
}
