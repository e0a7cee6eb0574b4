import { registerAs } from '@nestjs/config';
import { loadMultisafepayConfig, SANDBOX_API_KEY } from '@app/multisafepay';
import { ConfigValidationError, isConfigValidationError } from '@app/payments';
import { loadAuthConfig } from './auth.config.js';
import { singleAccountProblems } from './single-account.js';

/** An account id: it names a webhook path and a metrics label, so it is short and plain. */
export const ACCOUNT_ID = /^[a-z0-9_-]{1,32}$/;

/** The account of `MSP_API_KEY` alone, and of sandbox mode without a key. */
export const DEFAULT_ACCOUNT = 'default';

/**
 * A MultiSafepay website the service takes payments for (docs/adr/0012-accounts-are-configuration.md).
 * Its API key reaches its orders and tokens only, and signs its notifications.
 */
export interface MspAccount {
  readonly id: string;
  readonly apiKey: string;
}

export interface AccountsConfig {
  /** In the order configured; never empty. */
  readonly accounts: readonly MspAccount[];
  /** Where they were read from: `MSP_ACCOUNTS`, `MSP_API_KEY`, or the sandbox's built-in key. */
  readonly source: 'MSP_ACCOUNTS' | 'MSP_API_KEY' | 'sandbox';
  /** `API_KEY_ACCOUNTS`: an API client's name → the accounts it may use. */
  readonly clientAccounts: ReadonlyMap<string, readonly string[]>;
}

/** The accounts an API client may use: those API_KEY_ACCOUNTS gives it, else every account. */
export function accountsOf(config: AccountsConfig, clientName: string): readonly string[] {
  return config.clientAccounts.get(clientName) ?? config.accounts.map((a) => a.id);
}

const ENTRY_FORMAT = `must be id:apiKey with an id of ${ACCOUNT_ID.source.slice(1, -1)} and a key without spaces`;
const SANDBOX_KEY_IN_PRODUCTION =
  "the sandbox's built-in key is not allowed when NODE_ENV=production";

/**
 * `MSP_ACCOUNTS=id:apiKey,id:apiKey`. Problems are one line each and never show a key: a
 * malformed entry, an id used twice, two accounts with one key, the sandbox's key in production.
 */
export function parseMspAccounts(
  raw: string,
  production: boolean,
): { accounts: MspAccount[]; problems: string[] } {
  const problems: string[] = [];
  const accounts: MspAccount[] = [];
  const reportedIds = new Set<string>();
  for (const [i, entry] of raw.split(',').entries()) {
    const where = `MSP_ACCOUNTS: entry ${i + 1}`;
    const colon = entry.indexOf(':');
    const id = colon >= 0 ? entry.slice(0, colon).trim() : '';
    const apiKey = colon >= 0 ? entry.slice(colon + 1).trim() : '';
    if (!ACCOUNT_ID.test(id) || !apiKey || /\s/.test(apiKey)) {
      problems.push(`${where}: ${ENTRY_FORMAT}`);
      continue;
    }
    if (accounts.some((a) => a.id === id)) {
      if (!reportedIds.has(id)) problems.push(`MSP_ACCOUNTS: the account id ${id} is used twice`);
      reportedIds.add(id);
      continue;
    }
    const sameKey = accounts.find((a) => a.apiKey === apiKey);
    if (sameKey) {
      problems.push(`MSP_ACCOUNTS: accounts ${sameKey.id} and ${id} have the same API key`);
      continue;
    }
    if (production && apiKey === SANDBOX_API_KEY)
      problems.push(`${where} (${id}): ${SANDBOX_KEY_IN_PRODUCTION}`);
    accounts.push({ id, apiKey });
  }
  return { accounts, problems };
}

/**
 * `API_KEY_ACCOUNTS=clientName:id+id,…`: the API clients limited to some accounts. `clientNames`
 * are API_KEYS' (null when API_KEYS itself is invalid: reported there, not checked here).
 */
export function parseApiKeyAccounts(
  raw: string,
  clientNames: readonly string[] | null,
  accountIds: readonly string[],
): { clientAccounts: Map<string, string[]>; problems: string[] } {
  const problems: string[] = [];
  const clientAccounts = new Map<string, string[]>();
  for (const [i, entry] of raw.split(',').entries()) {
    const where = `API_KEY_ACCOUNTS: entry ${i + 1}`;
    const colon = entry.indexOf(':');
    const name = colon >= 0 ? entry.slice(0, colon).trim() : '';
    const ids =
      colon >= 0
        ? entry
            .slice(colon + 1)
            .split('+')
            .map((s) => s.trim())
        : [];
    if (!name || ids.length === 0 || ids.some((id) => !ACCOUNT_ID.test(id))) {
      problems.push(
        `${where}: must be clientName:account+account, with account ids of ${ACCOUNT_ID.source.slice(1, -1)}`,
      );
      continue;
    }
    if (clientNames !== null && !clientNames.includes(name)) {
      problems.push(
        `${where}: no API client is named ${name} (API_KEYS names ${clientNames.join(', ') || 'none'})`,
      );
      continue;
    }
    if (clientAccounts.has(name)) {
      problems.push(`API_KEY_ACCOUNTS: the client ${name} is listed twice`);
      continue;
    }
    const unknown = ids.filter((id) => !accountIds.includes(id));
    if (unknown.length > 0) {
      problems.push(
        `${where} (${name}): ${unknown.length === 1 ? 'account' : 'accounts'} ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not configured (accounts: ${accountIds.join(', ')})`,
      );
      continue;
    }
    clientAccounts.set(name, [...new Set(ids)]);
  }
  return { clientAccounts, problems };
}

/**
 * The accounts as configured, and every problem with them, without the single-account refusal
 * of this build (`loadAccountsConfig` adds it). `config` is null when there are problems.
 */
export function readAccounts(env: NodeJS.ProcessEnv): {
  config: AccountsConfig | null;
  problems: string[];
} {
  const production = env.NODE_ENV === 'production';
  const rawAccounts = env.MSP_ACCOUNTS?.trim();
  const apiKey = env.MSP_API_KEY?.trim();
  const problems: string[] = [];
  let accounts: MspAccount[];
  let source: AccountsConfig['source'];
  if (rawAccounts) {
    if (apiKey)
      problems.push(
        'MSP_ACCOUNTS: set it or MSP_API_KEY, not both (MSP_API_KEY alone is the account default)',
      );
    const parsed = parseMspAccounts(rawAccounts, production);
    problems.push(...parsed.problems);
    accounts = parsed.accounts;
    source = 'MSP_ACCOUNTS';
  } else if (apiKey) {
    if (production && apiKey === SANDBOX_API_KEY)
      problems.push(`MSP_API_KEY: ${SANDBOX_KEY_IN_PRODUCTION}`);
    accounts = [{ id: DEFAULT_ACCOUNT, apiKey }];
    source = 'MSP_API_KEY';
  } else {
    // Sandbox mode; in production a missing key is reported by the start-up check (environment.ts).
    accounts = [{ id: DEFAULT_ACCOUNT, apiKey: SANDBOX_API_KEY }];
    source = 'sandbox';
  }

  let clientAccounts = new Map<string, string[]>();
  const rawClients = env.API_KEY_ACCOUNTS?.trim();
  if (rawClients) {
    const parsed = parseApiKeyAccounts(
      rawClients,
      clientNamesOf(env),
      accounts.map((a) => a.id),
    );
    problems.push(...parsed.problems);
    clientAccounts = parsed.clientAccounts;
  }
  if (problems.length > 0) return { config: null, problems };
  return { config: { accounts, source, clientAccounts }, problems };
}

function clientNamesOf(env: NodeJS.ProcessEnv): string[] | null {
  try {
    return loadAuthConfig(env).clients.map((c) => c.name);
  } catch (error) {
    if (isConfigValidationError(error)) return null;
    throw error;
  }
}

/** The accounts, validated, or every problem with them (one line each) as a ConfigValidationError. */
export function loadAccountsConfig(env: NodeJS.ProcessEnv): AccountsConfig {
  const { config, problems } = readAccounts(env);
  if (!config) throw new ConfigValidationError(problems);
  const refusal = singleAccountProblems(config);
  if (refusal.length > 0) throw new ConfigValidationError(refusal);
  return config;
}

export const accountsConfig = registerAs('accounts', () => loadAccountsConfig(process.env));

/**
 * The environment the MultiSafepay adapter reads. It knows MSP_API_KEY only, so until payments
 * are routed per account (ADR 0012, phase 2) the one account of MSP_ACCOUNTS is given to it as
 * MSP_API_KEY: it then behaves exactly as with MSP_API_KEY (MSP_ENV defaults to test, the key
 * reads orders and verifies notifications).
 */
export function gatewayEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const raw = env.MSP_ACCOUNTS?.trim();
  if (!raw || env.MSP_API_KEY?.trim()) return env;
  const [first] = parseMspAccounts(raw, false).accounts;
  // Without a well-formed entry the service does not start (MSP_ACCOUNTS' own lines say why);
  // the placeholder only keeps the adapter from adding a misleading "MSP_API_KEY: required".
  return { ...env, MSP_API_KEY: first?.apiKey ?? 'see-MSP_ACCOUNTS' };
}

/**
 * The adapter's configuration under its own name (it injects `multisafepayConfig.KEY`), read
 * through `gatewayEnv`, so that `MSP_ACCOUNTS` with one account works as `MSP_API_KEY` does.
 */
export const gatewayConfig = registerAs('multisafepay', () =>
  loadMultisafepayConfig(gatewayEnv(process.env)),
);
