import { describe, expect, it } from 'vitest';
import { loadAppConfig } from './app.config.js';
import { parseApiKeys } from './auth.config.js';
import { environmentProblems } from './environment.js';

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

  it('should refuse production without its secrets', () => {
    expect(environmentProblems({ NODE_ENV: 'production' })).toEqual([
      'DATABASE_URL: required when NODE_ENV=production',
      'MSP_API_KEY: required when NODE_ENV=production',
      'API_KEYS: required when NODE_ENV=production',
      'PUBLIC_BASE_URL: required when NODE_ENV=production',
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
