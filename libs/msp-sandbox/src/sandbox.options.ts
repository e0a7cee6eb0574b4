import { resolveSites, type Site } from './sites.js';

/** The card brands MultiSafepay allows manual capture for (docs/multisafepay.md#manual-capture). */
export const CAPTURE_BRANDS = ['VISA', 'MASTERCARD', 'MAESTRO'] as const;
export type CaptureBrand = (typeof CAPTURE_BRANDS)[number];

/** Settings of the MultiSafepay sandbox. Timers default to MultiSafepay's; tests shorten them. */
export interface MspSandboxOptions {
  /**
   * API keys accepted. Each is a website of its own: its orders, refunds, captures, tokens and
   * notifications (POST ones signed with it) stay with it (docs/sandbox.md#sites).
   */
  apiKeys: string[];
  /** Names the control surface shows for the keys (key → name); else `site-1`, `site-2`, …. */
  siteNames?: Record<string, string>;
  /**
   * Keys whose websites belong to one MultiSafepay account, and so share its tokens
   * (docs/multisafepay.md#tokens). Every other key is an account of its own.
   */
  sharedTokens?: string[][];
  /** Absolute URL where the sandbox's routes are reachable (builds `payment_url`), no trailing slash. */
  publicBaseUrl: string;
  /** '' standalone; 'sandbox' when mounted in the payments app. The admin routes never get it. */
  routePrefix: string;
  /** `uncleared` test cards resolve after this long (MultiSafepay: 3 minutes). */
  unclearedResolveMs?: number;
  /** An order still waiting for 3-D Secure expires after this long (MultiSafepay: 1 hour). */
  expireAfterMs?: number;
  /** A refund moves from `reserved` to `completed` after this long (MultiSafepay: at midnight). */
  refundSettleMs?: number;
  /** Delays before each retry of an unacknowledged notification (MultiSafepay: 3 × 15 min). */
  notificationRetryDelaysMs?: number[];
  /** How long a notification waits for the merchant's answer. */
  notificationTimeoutMs?: number;
  /** Orders kept in memory; the oldest are dropped beyond this. */
  maxOrders?: number;
  /** A manual-capture authorization lapses after this long (MultiSafepay: Visa 7 days, others 30). */
  captureExpiryMs?: Partial<Record<CaptureBrand, number>>;
}

export type ResolvedSandboxOptions = Required<
  Omit<MspSandboxOptions, 'captureExpiryMs' | 'siteNames' | 'sharedTokens'>
> & {
  captureExpiryMs: Record<CaptureBrand, number>;
  /** One per API key, in the order of `apiKeys`. */
  sites: Site[];
};

const DAY_MS = 86_400_000;

export const MSP_SANDBOX_OPTIONS = Symbol('MSP_SANDBOX_OPTIONS');

export function resolveOptions(options: MspSandboxOptions): ResolvedSandboxOptions {
  const { siteNames, sharedTokens, ...rest } = options;
  return {
    unclearedResolveMs: 180_000,
    expireAfterMs: 3_600_000,
    refundSettleMs: 600_000,
    notificationRetryDelaysMs: [900_000, 900_000, 900_000],
    notificationTimeoutMs: 10_000,
    maxOrders: 10_000,
    ...rest,
    sites: resolveSites(options.apiKeys, siteNames, sharedTokens),
    captureExpiryMs: {
      VISA: 7 * DAY_MS,
      MASTERCARD: 30 * DAY_MS,
      MAESTRO: 30 * DAY_MS,
      ...options.captureExpiryMs,
    },
    publicBaseUrl: options.publicBaseUrl.replace(/\/+$/, ''),
    routePrefix: options.routePrefix.replace(/^\/+|\/+$/g, ''),
  };
}
