import { describe, expect, it } from 'vitest';
import { PAYMENT_STATUSES, type PaymentStatus } from './payment-status.js';
import { checkTransitionTable, isLegalTransition, TRANSITIONS } from './transition-table.js';

// Written out independently of TRANSITIONS (from docs/multisafepay.md#transitions, docs/design.md#lifecycle and docs/design.md#manual-capture), so a slip
// in either shows up as a failing pair below.
const EXPECTED_LEGAL = new Set<string>([
  ...[
    'unknown',
    'initialized',
    'uncleared',
    'completed',
    'declined',
    'cancelled',
    'void',
    'expired',
  ].map((to) => `created>${to}`),
  ...['initialized', 'uncleared', 'completed', 'declined', 'cancelled', 'void', 'expired'].map(
    (to) => `unknown>${to}`,
  ),
  ...['uncleared', 'completed', 'declined', 'cancelled', 'void', 'expired'].map(
    (to) => `initialized>${to}`,
  ),
  ...['completed', 'declined', 'cancelled', 'void', 'expired'].map((to) => `uncleared>${to}`),
  // Manual capture: any awaiting status may turn out authorized; an authorization ends captured
  // (completed), released (void), lapsed (expired), or refused, refunded or charged back.
  ...['created', 'unknown', 'initialized', 'uncleared'].map((from) => `${from}>authorized`),
  ...[
    'completed',
    'declined',
    'cancelled',
    'void',
    'expired',
    'partial_refunded',
    'refunded',
    'chargedback',
  ].map((to) => `authorized>${to}`),
  ...['reserved', 'refunded', 'partial_refunded', 'chargedback', 'void'].map(
    (to) => `completed>${to}`,
  ),
  ...['completed', 'refunded', 'partial_refunded', 'chargedback', 'declined', 'void'].map(
    (to) => `reserved>${to}`,
  ),
  ...['reserved', 'refunded', 'chargedback'].map((to) => `partial_refunded>${to}`),
  'refunded>chargedback',
]);

const pairs = PAYMENT_STATUSES.flatMap((from) =>
  PAYMENT_STATUSES.map((to) => [from, to] as [PaymentStatus, PaymentStatus]),
);

describe('transition table', () => {
  it.each(pairs.filter(([f, t]) => EXPECTED_LEGAL.has(`${f}>${t}`)))(
    'should allow %s → %s',
    (from, to) => {
      expect(isLegalTransition(from, to)).toBe(true);
    },
  );

  it.each(pairs.filter(([f, t]) => !EXPECTED_LEGAL.has(`${f}>${t}`)))(
    'should refuse %s → %s',
    (from, to) => {
      expect(isLegalTransition(from, to)).toBe(false);
    },
  );

  it('should treat every terminal status as final', () => {
    for (const status of ['declined', 'cancelled', 'void', 'expired', 'chargedback'] as const) {
      expect(TRANSITIONS[status]).toEqual([]);
    }
  });

  it('should pass its own start-up check', () => {
    expect(checkTransitionTable(TRANSITIONS)).toEqual([]);
  });

  it('should report a target that is not a status', () => {
    expect(checkTransitionTable({ ...TRANSITIONS, created: ['initialised'] })).toContain(
      "'created' → unknown status 'initialised'",
    );
  });

  it('should report a same-state move and a missing entry', () => {
    const { expired: _expired, ...rest } = TRANSITIONS;
    const problems = checkTransitionTable({ ...rest, void: ['void'] });
    expect(problems).toContain("status 'expired' has no entry");
    expect(problems).toContain("'void' → 'void' is a same-state move; those are no-ops");
  });

  it('should report a status nothing leads to', () => {
    const table = Object.fromEntries(
      Object.entries(TRANSITIONS).map(([from, to]) => [
        from,
        to.filter((s) => s !== 'chargedback'),
      ]),
    );
    expect(checkTransitionTable(table)).toContain(
      "status 'chargedback' is unreachable from 'created'",
    );
  });
});
