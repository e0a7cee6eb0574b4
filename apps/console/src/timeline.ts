import type {
  Capture,
  Event,
  EventDelivery,
  PaymentHistoryEntry,
  PaymentNotification,
  Refund,
} from '@app/client';

/** One thing that happened to a payment, as the timeline shows it. */
export type TimelineEntry =
  | { kind: 'status'; at: string; change: PaymentHistoryEntry }
  | { kind: 'notification'; at: string; notification: PaymentNotification }
  | { kind: 'refund'; at: string; refund: Refund }
  | { kind: 'capture'; at: string; capture: Capture }
  | { kind: 'event'; at: string; event: Event; deliveries: EventDelivery[] | undefined };

export interface PaymentStory {
  history: readonly PaymentHistoryEntry[];
  notifications?: readonly PaymentNotification[];
  refunds?: readonly Refund[];
  captures?: readonly Capture[];
  events?: readonly Event[];
  /** Each event's deliveries, by event id (missing: not loaded, or not allowed). */
  deliveries?: ReadonlyMap<string, EventDelivery[]>;
}

/**
 * Within one instant, the cause before its effects: a notification arrives, a refund or capture
 * is asked for, the status moves, the event of the move is written.
 */
const RANK: Record<TimelineEntry['kind'], number> = {
  notification: 0,
  refund: 1,
  capture: 1,
  status: 2,
  event: 3,
};

/** Everything that happened to a payment in one list, oldest first. */
export function buildTimeline(story: PaymentStory): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...story.history.map((change) => ({ kind: 'status' as const, at: change.at, change })),
    ...(story.notifications ?? []).map((notification) => ({
      kind: 'notification' as const,
      at: notification.receivedAt,
      notification,
    })),
    ...(story.refunds ?? []).map((refund) => ({
      kind: 'refund' as const,
      at: refund.createdAt,
      refund,
    })),
    ...(story.captures ?? []).map((capture) => ({
      kind: 'capture' as const,
      at: capture.createdAt,
      capture,
    })),
    ...(story.events ?? []).map((event) => ({
      kind: 'event' as const,
      at: event.createdAt,
      event,
      deliveries: story.deliveries?.get(event.id),
    })),
  ];
  // Array.prototype.sort is stable: entries of one kind and instant keep the API's order.
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || RANK[a.kind] - RANK[b.kind]);
}

/** Why the payment is in its state, in one line: the last status change and what caused it. */
export function lastChange(history: readonly PaymentHistoryEntry[]): PaymentHistoryEntry | null {
  const applied = history.filter((h) => !h.anomaly);
  return applied.at(-1) ?? null;
}
