import { describe, expect, it } from 'vitest';
import { loadMultisafepayConfig, SANDBOX_API_KEY } from './multisafepay.config.js';

describe('loadMultisafepayConfig', () => {
  it('should default to the mounted sandbox over loopback without a key', () => {
    expect(loadMultisafepayConfig({ PORT: '3100' })).toEqual({
      env: 'sandbox',
      apiKey: SANDBOX_API_KEY,
      baseUrl: 'http://127.0.0.1:3100/sandbox/v1/json',
      notificationMethod: 'POST',
      timeoutMs: 15000,
    });
  });

  it('should default to the test API with a key, and use live when told', () => {
    expect(loadMultisafepayConfig({ MSP_API_KEY: 'k' })).toMatchObject({
      env: 'test',
      baseUrl: 'https://testapi.multisafepay.com/v1/json',
    });
    expect(loadMultisafepayConfig({ MSP_API_KEY: 'k', MSP_ENV: 'live' })).toMatchObject({
      env: 'live',
      baseUrl: 'https://api.multisafepay.com/v1/json',
    });
  });

  it('should let the sandbox accept a configured key, and MSP_BASE_URL override the URL', () => {
    expect(
      loadMultisafepayConfig({
        MSP_API_KEY: 'k',
        MSP_ENV: 'sandbox',
        MSP_BASE_URL: 'http://127.0.0.1:4000/v1/json/',
      }),
    ).toMatchObject({
      env: 'sandbox',
      apiKey: 'k',
      baseUrl: 'http://127.0.0.1:4000/v1/json',
    });
  });

  it('should list every bad variable', () => {
    expect(() =>
      loadMultisafepayConfig({
        MSP_ENV: 'live',
        MSP_NOTIFICATION_METHOD: 'PUT',
        MSP_TIMEOUT_MS: '0',
        MSP_BASE_URL: 'ftp://x',
      }),
    ).toThrow(
      expect.objectContaining({
        problems: [
          'MSP_API_KEY: required when MSP_ENV=live',
          'MSP_NOTIFICATION_METHOD: must be GET or POST',
          'MSP_TIMEOUT_MS: must be an integer between 1 and 300000 (ms)',
          'MSP_BASE_URL: must be an absolute http(s) URL',
        ],
      }),
    );
    expect(() => loadMultisafepayConfig({ MSP_ENV: 'staging' })).toThrow(
      'MSP_ENV: must be sandbox, test or live',
    );
  });
});
