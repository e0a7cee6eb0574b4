/**
 * The names a payment's move statement (PaymentLifecycleService) gives its CTEs, for the code that
 * writes rows in that same statement: a saved card (SavedCardsService.writesFor), its events
 * (Outbox.writes) and the companion writes (`WrittenWith`). A write that belongs to the move must
 * depend on `MOVED`, so it exists only if the move was written: `WHERE ${WRITTEN_WITH_MOVE}`.
 * These names are reserved in a move's statement: a companion CTE may not use them.
 */
export const MOVE_CTES = {
  /** `UPDATE payments … RETURNING id`: one row if the move was written, none if it was stale. */
  moved: 'moved',
  /** The history row (`payment_events`) of an applied move or an anomaly. */
  history: 'history',
  /** The caller's companion write (`WrittenWith`): an audit row, the idempotent answer. */
  also: 'also',
} as const;

/** The CTE of the payment row's UPDATE (see MOVE_CTES). */
export const MOVED = MOVE_CTES.moved;

/** A condition true only when the move's UPDATE matched (the row had the version planned from). */
export const WRITTEN_WITH_MOVE = `EXISTS (SELECT 1 FROM ${MOVED})`;
