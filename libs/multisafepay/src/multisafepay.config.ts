import { registerAs } from '@nestjs/config';
import { ConfigValidationError, type NotificationMethod } from '@app/payments';

export type MspEnvironment = 'sandbox' | 'test' | 'live';

export interface MultisafepayConfig {
  env: MspEnvironment;
  /** Website API key; also the key of the notification HMAC. */
  apiKey: string;
  /** Base of the JSON API, without trailing slash: `…/v1/json`. */
  baseUrl: string;
  notificationMethod: NotificationMethod;
  timeoutMs: number;
}

/** The key of the mounted sandbox when no MSP_API_KEY is set (docs/design.md#defaults). */
export const SANDBOX_API_KEY = 'sandbox-api-key';

const BASE_URLS: Record<Exclude<MspEnvironment, 'sandbox'>, string> = {
  test: 'https://testapi.multisafepay.com/v1/json',
  live: 'https://api.multisafepay.com/v1/json',
};

export function loadMultisafepayConfig(env: NodeJS.ProcessEnv): MultisafepayConfig {
  const problems: string[] = [];
  const apiKey = env.MSP_API_KEY?.trim() || undefined;
  const mspEnv = (env.MSP_ENV?.trim() || (apiKey ? 'test' : 'sandbox')) as MspEnvironment;
  if (!['sandbox', 'test', 'live'].includes(mspEnv)) {
    problems.push('MSP_ENV: must be sandbox, test or live');
  } else if (mspEnv !== 'sandbox' && !apiKey) {
    problems.push(`MSP_API_KEY: required when MSP_ENV=${mspEnv}`);
  }
  const method = (env.MSP_NOTIFICATION_METHOD?.trim() || 'POST').toUpperCase();
  if (method !== 'GET' && method !== 'POST')
    problems.push('MSP_NOTIFICATION_METHOD: must be GET or POST');
  const timeoutRaw = env.MSP_TIMEOUT_MS?.trim() || '15000';
  const timeoutMs = Number(timeoutRaw);
  if (!/^\d+$/.test(timeoutRaw) || timeoutMs < 1 || timeoutMs > 300_000) {
    problems.push('MSP_TIMEOUT_MS: must be an integer between 1 and 300000 (ms)');
  }
  const override = env.MSP_BASE_URL?.trim() || undefined;
  if (override !== undefined && !/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(override)) {
    problems.push('MSP_BASE_URL: must be an absolute http(s) URL');
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);

  // The mounted sandbox is reached over loopback: PUBLIC_BASE_URL may not be reachable from inside.
  const port = env.PORT?.trim() || '3000';
  const baseUrl =
    override ??
    (mspEnv === 'sandbox' ? `http://127.0.0.1:${port}/sandbox/v1/json` : BASE_URLS[mspEnv]);
  return {
    env: mspEnv,
    apiKey: apiKey ?? SANDBOX_API_KEY,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    notificationMethod: method as NotificationMethod,
    timeoutMs,
  };
}

export const multisafepayConfig = registerAs('multisafepay', () =>
  loadMultisafepayConfig(process.env),
);
