import type { MspSandboxOptions } from './sandbox.options.js';

type Timers = Pick<
  MspSandboxOptions,
  | 'unclearedResolveMs'
  | 'expireAfterMs'
  | 'refundSettleMs'
  | 'notificationRetryDelaysMs'
  | 'notificationTimeoutMs'
  | 'maxOrders'
  | 'captureExpiryMs'
>;

function int(env: NodeJS.ProcessEnv, name: string, problems: string[]): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  if (!/^\d+$/.test(raw)) {
    problems.push(`${name}: must be a non-negative integer`);
    return undefined;
  }
  return Number(raw);
}

/**
 * The sandbox's timers from the environment (all optional, milliseconds):
 * MSP_SANDBOX_UNCLEARED_MS, MSP_SANDBOX_EXPIRE_MS, MSP_SANDBOX_REFUND_SETTLE_MS,
 * MSP_SANDBOX_RETRY_DELAYS_MS (comma-separated), MSP_SANDBOX_NOTIFY_TIMEOUT_MS, MSP_SANDBOX_MAX_ORDERS,
 * MSP_SANDBOX_CAPTURE_EXPIRY_MS (every brand's authorization lifetime).
 */
export function sandboxTimersFromEnv(env: NodeJS.ProcessEnv): {
  timers: Timers;
  problems: string[];
} {
  const problems: string[] = [];
  const timers: Timers = {};
  const set = <K extends keyof Timers>(key: K, value: Timers[K] | undefined): void => {
    if (value !== undefined) timers[key] = value;
  };
  set('unclearedResolveMs', int(env, 'MSP_SANDBOX_UNCLEARED_MS', problems));
  set('expireAfterMs', int(env, 'MSP_SANDBOX_EXPIRE_MS', problems));
  set('refundSettleMs', int(env, 'MSP_SANDBOX_REFUND_SETTLE_MS', problems));
  set('notificationTimeoutMs', int(env, 'MSP_SANDBOX_NOTIFY_TIMEOUT_MS', problems));
  set('maxOrders', int(env, 'MSP_SANDBOX_MAX_ORDERS', problems));
  const captureExpiry = int(env, 'MSP_SANDBOX_CAPTURE_EXPIRY_MS', problems);
  if (captureExpiry !== undefined) {
    timers.captureExpiryMs = {
      VISA: captureExpiry,
      MASTERCARD: captureExpiry,
      MAESTRO: captureExpiry,
    };
  }
  const delays = env.MSP_SANDBOX_RETRY_DELAYS_MS?.trim();
  if (delays !== undefined && delays !== '') {
    if (/^\d+(,\d+)*$/.test(delays))
      timers.notificationRetryDelaysMs = delays.split(',').map(Number);
    else
      problems.push(
        'MSP_SANDBOX_RETRY_DELAYS_MS: must be comma-separated milliseconds, e.g. 1000,5000',
      );
  }
  return { timers, problems };
}

/** The sites of the standalone sandbox, as its options take them. */
export interface SandboxSites {
  apiKeys: string[];
  siteNames: Record<string, string>;
  sharedTokens: string[][];
}

/**
 * MSP_SANDBOX_API_KEYS (default `sandbox-api-key`): the keys, comma-separated, each a website of
 * its own MultiSafepay account. A key may be named (`nl:key`; else `site-1`, `site-2`, …), and
 * websites joined by `+` belong to one account and share its tokens (`nl:key1+be:key2,key3`).
 */
export function sandboxSitesFromEnv(env: NodeJS.ProcessEnv): {
  sites: SandboxSites;
  problems: string[];
} {
  const problems: string[] = [];
  const sites: SandboxSites = { apiKeys: [], siteNames: {}, sharedTokens: [] };
  const raw = env.MSP_SANDBOX_API_KEYS?.trim() || 'sandbox-api-key';
  for (const [i, entry] of raw.split(',').entries()) {
    const group: string[] = [];
    for (const part of entry.split('+').map((p) => p.trim())) {
      const colon = part.indexOf(':');
      const name = colon >= 0 ? part.slice(0, colon).trim() : undefined;
      const key = (colon >= 0 ? part.slice(colon + 1) : part).trim();
      if (!key || /\s/.test(key) || (name !== undefined && !/^[A-Za-z0-9_.-]{1,64}$/.test(name))) {
        problems.push(
          `MSP_SANDBOX_API_KEYS: entry ${i + 1}: must be [name:]key, sites of one account joined by +, with a name of [A-Za-z0-9_.-]`,
        );
        continue;
      }
      if (sites.apiKeys.includes(key)) {
        problems.push(`MSP_SANDBOX_API_KEYS: entry ${i + 1}: a key is listed twice`);
        continue;
      }
      if (name !== undefined) {
        if (Object.values(sites.siteNames).includes(name))
          problems.push(`MSP_SANDBOX_API_KEYS: entry ${i + 1}: the name ${name} is used twice`);
        sites.siteNames[key] = name;
      }
      sites.apiKeys.push(key);
      group.push(key);
    }
    if (group.length > 1) sites.sharedTokens.push(group);
  }
  return { sites, problems };
}
