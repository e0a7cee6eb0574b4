import { describe, expect, it } from 'vitest';
import { loadAppConfig } from './app.config.js';
import { parseApiKeys } from './auth.config.js';
import { environmentProblems } from './environment.js';
import { loadEventsConfig } from './events.config.js';

describe('environmentProblems', () => {
  it('should accept an empty environment (sandbox defaults)', () => {
    expect(environmentProblems({})).toEqual([]);
  });

  it('should name a non-numeric PORT in one line', () => {
    expect(environmentProblems({ PORT: 'abc' })).toEqual(['PORT: must be an integer port number']);
  });

  it('should list every bad variable, one line each', () => {
    const problems = environmentProblems({
      PORT: '70000',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://x',
      DATABASE_POOL_SIZE: '0',
    });
    expect(problems).toEqual([
      'PORT: must be between 0 and 65535',
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
      'DATABASE_URL: must be a postgres:// or postgresql:// URL',
      'DATABASE_POOL_SIZE: must be at least 1',
    ]);
  });

  it('should name each bad edge and retention variable in one line', () => {
    expect(
      environmentProblems({
        WEBHOOK_RATE_LIMIT_PER_SECOND: '-1',
        WEBHOOK_REREAD_WINDOW_MS: 'soon',
        IDEMPOTENCY_KEY_TTL_HOURS: '12',
        NOTIFICATIONS_RETENTION_DAYS: '0',
        MANAGEMENT_PORT: '70000',
      }),
    ).toEqual([
      'MANAGEMENT_PORT: must be between 1 and 65535',
      'WEBHOOK_RATE_LIMIT_PER_SECOND: must be 0 or more',
      'WEBHOOK_REREAD_WINDOW_MS: must be an integer number of milliseconds',
      'IDEMPOTENCY_KEY_TTL_HOURS: must be at least 24 hours',
      'NOTIFICATIONS_RETENTION_DAYS: must be at least 1 day',
    ]);
  });

  it('should name a bad allowlist or proxy entry', () => {
    expect(
      environmentProblems({ WEBHOOK_ALLOWED_CIDRS: '10.0.0.0/8,nope', TRUST_PROXY: 'maybe' }),
    ).toEqual([
      "TRUST_PROXY: 'maybe' is not an IP address or CIDR block (e.g. 203.0.113.0/24); or true, false, a number of hops, loopback, linklocal, uniquelocal",
      "WEBHOOK_ALLOWED_CIDRS: 'nope' is not an IP address or CIDR block (e.g. 203.0.113.0/24)",
    ]);
  });

  it('should name bad webhook endpoint address settings, one line each', () => {
    expect(environmentProblems({ WEBHOOK_ENDPOINT_ALLOW_HTTP: 'yes' })).toEqual([
      'WEBHOOK_ENDPOINT_ALLOW_HTTP: must be true or false',
    ]);
    expect(
      environmentProblems({
        WEBHOOK_ENDPOINT_ALLOWED_CIDRS: '10.20.0.0/16,10.0.0.0/33,203.0.113.0/24',
        WEBHOOK_ENDPOINT_DENIED_CIDRS: 'nope',
      }),
    ).toEqual([
      "WEBHOOK_ENDPOINT_ALLOWED_CIDRS: '10.0.0.0/33' is not an IP address or CIDR block (e.g. 203.0.113.0/24)",
      "WEBHOOK_ENDPOINT_DENIED_CIDRS: 'nope' is not an IP address or CIDR block (e.g. 203.0.113.0/24)",
    ]);
    expect(
      environmentProblems({ WEBHOOK_ENDPOINT_ALLOWED_CIDRS: '10.20.0.0/16,203.0.113.0/24' }),
    ).toEqual([
      "WEBHOOK_ENDPOINT_ALLOWED_CIDRS: '203.0.113.0/24' is not inside a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, fc00::/7); it narrows which private addresses are allowed (refuse others with WEBHOOK_ENDPOINT_DENIED_CIDRS)",
    ]);
  });

  it('should read the webhook endpoint address policy: production from NODE_ENV, the lists as given', () => {
    const env = {
      NODE_ENV: 'production',
      WEBHOOK_ENDPOINT_ALLOW_HTTP: 'true',
      WEBHOOK_ENDPOINT_ALLOWED_CIDRS: '10.20.0.0/16, fd12::/16',
      WEBHOOK_ENDPOINT_DENIED_CIDRS: '10.20.5.0/24',
    };
    expect(loadEventsConfig(env).endpointAddresses).toEqual({
      production: true,
      allowHttp: true,
      allowedCidrs: ['10.20.0.0/16', 'fd12::/16'],
      deniedCidrs: ['10.20.5.0/24'],
    });
    expect(loadEventsConfig({}).endpointAddresses).toEqual({
      production: false,
      allowHttp: false,
      allowedCidrs: null,
      deniedCidrs: [],
    });
  });

  it('should accept the edge settings an operator behind a proxy would set', () => {
    const env = {
      TRUST_PROXY: 'loopback, 10.0.0.0/8',
      WEBHOOK_ALLOWED_CIDRS: '203.0.113.0/24',
      MANAGEMENT_PORT: '9100',
    };
    expect(environmentProblems(env)).toEqual([]);
    expect(loadAppConfig(env)).toMatchObject({
      trustProxy: ['loopback', '10.0.0.0/8'],
      managementPort: 9100,
    });
    expect(loadAppConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadAppConfig({}).trustProxy).toBe(false);
  });

  it('should refuse production without its secrets', () => {
    expect(environmentProblems({ NODE_ENV: 'production' })).toEqual([
      'DATABASE_URL: required when NODE_ENV=production',
      'MSP_API_KEY or MSP_ACCOUNTS: required when NODE_ENV=production',
      'API_KEYS: required when NODE_ENV=production',
      'PUBLIC_BASE_URL: required when NODE_ENV=production',
      'TOKEN_ENCRYPTION_KEY: required when NODE_ENV=production',
    ]);
  });

  it('should accept production with every secret set', () => {
    expect(
      environmentProblems({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://u@db:5432/payments',
        MSP_API_KEY: 'live-key',
        MSP_ENV: 'live',
        API_KEYS: 'shop:0123456789abcdef0123456789abcdef',
        PUBLIC_BASE_URL: 'https://payments.example.com',
        TOKEN_ENCRYPTION_KEY: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
      }),
    ).toEqual([]);
  });
});

describe('loadAppConfig', () => {
  it('should derive PUBLIC_BASE_URL from PORT by default', () => {
    expect(loadAppConfig({ PORT: '4321' }).publicBaseUrl).toBe('http://127.0.0.1:4321');
  });

  it('should drop a trailing slash from PUBLIC_BASE_URL', () => {
    expect(loadAppConfig({ PUBLIC_BASE_URL: 'https://pay.example.com/' }).publicBaseUrl).toBe(
      'https://pay.example.com',
    );
  });
});

describe('parseApiKeys', () => {
  it('should give a client without scopes every scope', () => {
    const [client] = parseApiKeys('dev:dev-secret', false).clients;
    expect(client?.name).toBe('dev');
    expect([...(client?.scopes ?? [])].sort()).toEqual([
      'admin',
      'events:admin',
      'events:read',
      'payments:read',
      'payments:write',
      'refunds:write',
    ]);
  });

  it('should parse scopes joined by +', () => {
    const [client] = parseApiKeys('shop:s3cret:payments:read+refunds:write', false).clients;
    expect(client?.secret).toBe('s3cret');
    expect([...(client?.scopes ?? [])].sort()).toEqual(['payments:read', 'refunds:write']);
  });

  it('should name an unknown scope, a malformed entry and a duplicate', () => {
    expect(() => parseApiKeys('a:x:payments:delete', false)).toThrow(
      'API_KEYS: entry 1 (a): unknown scope payments:delete',
    );
    expect(() => parseApiKeys('no-secret', false)).toThrow('API_KEYS: entry 1: must be');
    expect(() => parseApiKeys('a:x,a:y', false)).toThrow('API_KEYS: client names must be unique');
  });

  it('should demand long secrets in production', () => {
    expect(() => parseApiKeys('shop:short', true)).toThrow(
      'API_KEYS: entry 1 (shop): secret must be at least 24 characters in production',
    );
  });
});
