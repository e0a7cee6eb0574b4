import { PAYMENT_STATUSES, type PaymentStatus } from './payment-status.js';

/**
 * Which status moves are legal (docs/multisafepay.md#transitions, plus our `created` and `unknown`).
 * Same-state moves are not listed: they are no-ops, never transitions (a second partial refund
 * changes the refunded amount, not the status).
 * Everything not listed is illegal and is recorded as an anomaly, never forced.
 */
export const TRANSITIONS: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  created: [
    'unknown',
    'initialized',
    'uncleared',
    'authorized',
    'completed',
    'declined',
    'cancelled',
    'void',
    'expired',
  ],
  unknown: [
    'initialized',
    'uncleared',
    'authorized',
    'completed',
    'declined',
    'cancelled',
    'void',
    'expired',
  ],
  initialized: ['uncleared', 'authorized', 'completed', 'declined', 'cancelled', 'void', 'expired'],
  uncleared: ['authorized', 'completed', 'declined', 'cancelled', 'void', 'expired'],
  // Captured in full or in part and the rest released: completed; released or lapsed with
  // nothing captured: void or expired.
  authorized: [
    'completed',
    'declined',
    'cancelled',
    'void',
    'expired',
    'partial_refunded',
    'refunded',
    'chargedback',
  ],
  completed: ['reserved', 'refunded', 'partial_refunded', 'chargedback', 'void'],
  reserved: ['completed', 'refunded', 'partial_refunded', 'chargedback', 'declined', 'void'],
  partial_refunded: ['reserved', 'refunded', 'chargedback'],
  refunded: ['chargedback'],
  declined: [],
  cancelled: [],
  void: [],
  expired: [],
  chargedback: [],
};

/** Statuses that can still change without a refund or a chargeback. */
export const AWAITING_STATUSES: readonly PaymentStatus[] = [
  'created',
  'unknown',
  'initialized',
  'uncleared',
];

/** Statuses in which MultiSafepay may not have the order yet (the create call's outcome is open). */
export const NOT_YET_AT_GATEWAY: readonly PaymentStatus[] = ['created', 'unknown'];

export function isLegalTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return from !== to && TRANSITIONS[from].includes(to);
}

/** Problems in a transition table; empty when it is sound. Checked at start-up. */
export function checkTransitionTable(table: Readonly<Record<string, readonly string[]>>): string[] {
  const known = new Set<string>(PAYMENT_STATUSES);
  const problems: string[] = [];
  for (const status of PAYMENT_STATUSES) {
    if (!(status in table)) problems.push(`status '${status}' has no entry`);
  }
  for (const [from, targets] of Object.entries(table)) {
    if (!known.has(from)) problems.push(`unknown status '${from}'`);
    for (const to of targets) {
      if (!known.has(to)) problems.push(`'${from}' → unknown status '${to}'`);
      if (to === from) {
        problems.push(`'${from}' → '${to}' is a same-state move; those are no-ops`);
      }
    }
    if (new Set(targets).size !== targets.length) problems.push(`'${from}' lists a target twice`);
  }
  // Every status must be reachable from `created`, or the table has a typo.
  const reached = new Set<string>(['created']);
  const queue = ['created'];
  while (queue.length > 0) {
    for (const to of table[queue.shift() as string] ?? []) {
      if (!reached.has(to)) {
        reached.add(to);
        queue.push(to);
      }
    }
  }
  for (const status of PAYMENT_STATUSES) {
    if (!reached.has(status)) problems.push(`status '${status}' is unreachable from 'created'`);
  }
  return problems;
}
