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
