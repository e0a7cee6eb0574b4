import { loadMultisafepayConfig, multisafepayConfig, SANDBOX_API_KEY } from '@app/multisafepay';
import { describe, expect, it } from 'vitest';
import {
  accountsOf,
  gatewayConfig,
  gatewayEnv,
  loadAccountsConfig,
  readAccounts,
} from './accounts.config.js';
import { environmentProblems } from './environment.js';

/** The problems of a configuration, as start-up prints them. */
const problemsOf = (env: NodeJS.ProcessEnv) => readAccounts(env).problems;

const TWO = 'nl:nl-key-0000000000000000000001,be:be-key-0000000000000000000002';

describe('the MultiSafepay accounts (MSP_ACCOUNTS, MSP_API_KEY)', () => {
  it('should make MSP_API_KEY alone one account named default', () => {
    expect(loadAccountsConfig({ MSP_API_KEY: ' live-key ' })).toEqual({
      accounts: [{ id: 'default', apiKey: 'live-key' }],
      source: 'MSP_API_KEY',
      clientAccounts: new Map(),
    });
  });

  it('should make sandbox mode (no key) one account, default, with the sandbox key', () => {
    expect(loadAccountsConfig({})).toMatchObject({
      accounts: [{ id: 'default', apiKey: SANDBOX_API_KEY }],
      source: 'sandbox',
    });
  });

  it('should read MSP_ACCOUNTS in order, ids and keys trimmed', () => {
    expect(readAccounts({ MSP_ACCOUNTS: ` ${TWO.replace(',', ' , ')} ` }).config).toMatchObject({
      accounts: [
        { id: 'nl', apiKey: 'nl-key-0000000000000000000001' },
        { id: 'be', apiKey: 'be-key-0000000000000000000002' },
      ],
      source: 'MSP_ACCOUNTS',
    });
    expect(loadAccountsConfig({ MSP_ACCOUNTS: 'shop_1-a:k' }).accounts).toEqual([
      { id: 'shop_1-a', apiKey: 'k' },
    ]);
  });

  it('should refuse MSP_ACCOUNTS and MSP_API_KEY together', () => {
    expect(problemsOf({ MSP_ACCOUNTS: 'nl:k1', MSP_API_KEY: 'k2' })).toEqual([
      'MSP_ACCOUNTS: set it or MSP_API_KEY, not both (MSP_API_KEY alone is the account default)',
    ]);
  });

  it.each([
    ['no colon', 'nl'],
    ['an empty id', ':key'],
    ['an empty key', 'nl:'],
    ['an upper-case id', 'NL:key'],
    ['an id of 33 characters', `${'a'.repeat(33)}:key`],
    ['a dot in the id', 'n.l:key'],
    ['a space in the key', 'nl:a key'],
    ['an empty entry', 'nl:key,'],
  ])('should name a malformed entry (%s) by its number, never its key', (_what, raw) => {
    const problems = problemsOf({ MSP_ACCOUNTS: raw });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^MSP_ACCOUNTS: entry \d: must be id:apiKey with an id of \[a-z0-9_-\]\{1,32\} and a key without spaces$/,
    );
  });

  it('should accept an id of 32 characters', () => {
    expect(problemsOf({ MSP_ACCOUNTS: `${'a'.repeat(32)}:key` })).toEqual([]);
  });

  it('should name a duplicate id once, and two accounts sharing a key, without the key', () => {
    expect(problemsOf({ MSP_ACCOUNTS: 'nl:k1,nl:k2,nl:k3,be:k1' })).toEqual([
      'MSP_ACCOUNTS: the account id nl is used twice',
      'MSP_ACCOUNTS: accounts nl and be have the same API key',
    ]);
  });

  it('should report every problem at once, one line each', () => {
    expect(problemsOf({ MSP_ACCOUNTS: 'nl:k1,bad,be:k1,nl:k2' })).toEqual([
      'MSP_ACCOUNTS: entry 2: must be id:apiKey with an id of [a-z0-9_-]{1,32} and a key without spaces',
      'MSP_ACCOUNTS: accounts nl and be have the same API key',
      'MSP_ACCOUNTS: the account id nl is used twice',
    ]);
  });

  it("should refuse the sandbox's built-in key in production, in either variable", () => {
    expect(
      problemsOf({ NODE_ENV: 'production', MSP_ACCOUNTS: `nl:live-key,be:${SANDBOX_API_KEY}` }),
    ).toEqual([
      "MSP_ACCOUNTS: entry 2 (be): the sandbox's built-in key is not allowed when NODE_ENV=production",
    ]);
    expect(problemsOf({ NODE_ENV: 'production', MSP_API_KEY: SANDBOX_API_KEY })).toEqual([
      "MSP_API_KEY: the sandbox's built-in key is not allowed when NODE_ENV=production",
    ]);
    expect(problemsOf({ MSP_API_KEY: SANDBOX_API_KEY })).toEqual([]);
  });
});

describe('the accounts an API client may use (API_KEY_ACCOUNTS)', () => {
  const env = {
    MSP_ACCOUNTS: TWO,
    API_KEYS: 'shop-nl:secret-nl,shop-be:secret-be,finance:secret-fin',
  };

  it('should limit the clients listed, and leave every account to the others', () => {
    const config = readAccounts({
      ...env,
      API_KEY_ACCOUNTS: 'shop-nl:nl, shop-be:be+be,finance:nl+be',
    }).config;
    expect(config?.clientAccounts).toEqual(
      new Map([
        ['shop-nl', ['nl']],
        ['shop-be', ['be']],
        ['finance', ['nl', 'be']],
      ]),
    );
    if (!config) throw new Error('no configuration');
    expect(accountsOf(config, 'shop-nl')).toEqual(['nl']);
    expect(accountsOf(config, 'someone-else')).toEqual(['nl', 'be']);
  });

  it('should refuse a client name API_KEYS does not have', () => {
    expect(problemsOf({ ...env, API_KEY_ACCOUNTS: 'shop-fr:nl' })).toEqual([
      'API_KEY_ACCOUNTS: entry 1: no API client is named shop-fr (API_KEYS names shop-nl, shop-be, finance)',
    ]);
  });

  it('should know the sandbox client dev when API_KEYS is not set', () => {
    expect(problemsOf({ API_KEY_ACCOUNTS: 'dev:default' })).toEqual([]);
    expect(problemsOf({ API_KEY_ACCOUNTS: 'ops:default' })).toEqual([
      'API_KEY_ACCOUNTS: entry 1: no API client is named ops (API_KEYS names dev)',
    ]);
  });

  it('should refuse an account that is not configured', () => {
    expect(problemsOf({ ...env, API_KEY_ACCOUNTS: 'shop-nl:nl+fr' })).toEqual([
      'API_KEY_ACCOUNTS: entry 1 (shop-nl): account fr is not configured (accounts: nl, be)',
    ]);
    expect(problemsOf({ MSP_API_KEY: 'k', API_KEY_ACCOUNTS: 'dev:nl+be' })).toEqual([
      'API_KEY_ACCOUNTS: entry 1 (dev): accounts nl, be are not configured (accounts: default)',
    ]);
  });

  it('should refuse a malformed entry and a client listed twice', () => {
    expect(
      problemsOf({ ...env, API_KEY_ACCOUNTS: 'shop-nl,shop-be:,finance:NL,shop-nl:nl,shop-nl:be' }),
    ).toEqual([
      'API_KEY_ACCOUNTS: entry 1: must be clientName:account+account, with account ids of [a-z0-9_-]{1,32}',
      'API_KEY_ACCOUNTS: entry 2: must be clientName:account+account, with account ids of [a-z0-9_-]{1,32}',
      'API_KEY_ACCOUNTS: entry 3: must be clientName:account+account, with account ids of [a-z0-9_-]{1,32}',
      'API_KEY_ACCOUNTS: the client shop-nl is listed twice',
    ]);
  });

  it('should leave client names to API_KEYS when API_KEYS itself is invalid', () => {
    expect(problemsOf({ ...env, API_KEYS: 'no-secret', API_KEY_ACCOUNTS: 'shop-nl:nl' })).toEqual(
      [],
    );
  });
});

describe('start-up with the accounts (environmentProblems)', () => {
  it('should accept one account as MSP_ACCOUNTS, as MSP_API_KEY does', () => {
    expect(environmentProblems({ MSP_ACCOUNTS: 'shop:live-key' })).toEqual([]);
    expect(environmentProblems({ MSP_ACCOUNTS: 'shop:k', MSP_ENV: 'sandbox' })).toEqual([]);
  });

  // Phase 2 of ADR 0012 deletes this test with single-account.ts.
  it('should refuse several accounts with one line: this build routes payments for one account only', () => {
    expect(environmentProblems({ MSP_ACCOUNTS: TWO })).toEqual([
      'MSP_ACCOUNTS: 2 accounts are configured (nl, be), but this build routes payments for one account only; configure one',
    ]);
    expect(() => loadAccountsConfig({ MSP_ACCOUNTS: TWO })).toThrow(
      'but this build routes payments for one account only',
    );
  });

  it('should print the accounts problems with the others, one line each', () => {
    expect(
      environmentProblems({
        PORT: 'abc',
        MSP_ACCOUNTS: 'nl:k1,nl:k2',
        MSP_API_KEY: 'k3',
        MSP_ENV: 'live',
      }),
    ).toEqual([
      'PORT: must be an integer port number',
      'MSP_ACCOUNTS: set it or MSP_API_KEY, not both (MSP_API_KEY alone is the account default)',
      'MSP_ACCOUNTS: the account id nl is used twice',
    ]);
    // A malformed MSP_ACCOUNTS is reported as such, not as a missing MSP_API_KEY.
    expect(environmentProblems({ MSP_ACCOUNTS: 'nl', MSP_ENV: 'live' })).toEqual([
      'MSP_ACCOUNTS: entry 1: must be id:apiKey with an id of [a-z0-9_-]{1,32} and a key without spaces',
    ]);
  });

  it('should take MSP_ACCOUNTS for the key production needs', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u@db:5432/payments',
      MSP_ENV: 'live',
      API_KEYS: 'shop:0123456789abcdef0123456789abcdef',
      PUBLIC_BASE_URL: 'https://payments.example.com',
      TOKEN_ENCRYPTION_KEY: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
    };
    expect(environmentProblems({ ...production, MSP_ACCOUNTS: 'shop:live-key' })).toEqual([]);
    expect(environmentProblems(production)).toEqual([
      'MSP_API_KEY: required when MSP_ENV=live',
      'MSP_API_KEY or MSP_ACCOUNTS: required when NODE_ENV=production',
    ]);
  });
});

describe('the adapter with one account (gatewayEnv)', () => {
  it('should give it the one account of MSP_ACCOUNTS as MSP_API_KEY: MultiSafepay test, that key', () => {
    expect(loadMultisafepayConfig(gatewayEnv({ MSP_ACCOUNTS: 'shop:live-key' }))).toMatchObject({
      env: 'test',
      apiKey: 'live-key',
    });
    expect(
      loadMultisafepayConfig(gatewayEnv({ MSP_ACCOUNTS: 'shop:k', MSP_ENV: 'sandbox' })),
    ).toMatchObject({ env: 'sandbox', apiKey: 'k' });
  });

  it('should leave the environment alone without MSP_ACCOUNTS', () => {
    const env = { MSP_API_KEY: 'k' };
    expect(gatewayEnv(env)).toBe(env);
    expect(loadMultisafepayConfig(gatewayEnv({}))).toMatchObject({
      env: 'sandbox',
      apiKey: SANDBOX_API_KEY,
    });
  });

  it('should be registered under the name the adapter injects', () => {
    expect(gatewayConfig.KEY).toBe(multisafepayConfig.KEY);
  });
});
