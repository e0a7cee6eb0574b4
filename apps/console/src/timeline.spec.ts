import type { Event, PaymentHistoryEntry, PaymentNotification, Refund } from '@app/client';
import { describe, expect, it } from 'vitest';
import { buildTimeline, lastChange } from './timeline.js';

const change = (at: string, from: string | null, to: string, anomaly = false) =>
  ({
    from,
    to,
    source: 'notification',
    anomaly,
    note: null,
    gatewayPayloadDigest: null,
    at,
  }) as PaymentHistoryEntry;

const notification = (receivedAt: string) =>
  ({
    id: `n-${receivedAt}`,
    receivedAt,
    method: 'POST',
    orderId: 'o-1',
    signatureOk: true,
    outcome: 'applied',
    note: null,
    source: '127.0.0.1',
  }) as PaymentNotification;

const event = (id: string, createdAt: string) =>
  ({ id, type: 'payment.completed', createdAt }) as Event;

describe('buildTimeline: one story, oldest first', () => {
  it('should merge every kind of entry by time', () => {
    const entries = buildTimeline({
      history: [change('2026-12-01T10:00:00.000Z', null, 'initialized')],
      notifications: [notification('2026-12-01T10:00:05.000Z')],
      refunds: [{ id: 'r-1', createdAt: '2026-12-01T11:00:00.000Z' } as Refund],
      events: [event('evt_b', '2026-12-01T10:00:00.500Z')],
      deliveries: new Map([['evt_b', []]]),
    });
    expect(entries.map((e) => [e.kind, e.at])).toEqual([
      ['status', '2026-12-01T10:00:00.000Z'],
      ['event', '2026-12-01T10:00:00.500Z'],
      ['notification', '2026-12-01T10:00:05.000Z'],
      ['refund', '2026-12-01T11:00:00.000Z'],
    ]);
    expect(entries[1]).toMatchObject({ kind: 'event', deliveries: [] });
  });

  it('should put a cause before its effects within one instant', () => {
    const at = '2026-12-01T10:00:00.000Z';
    const entries = buildTimeline({
      history: [change(at, 'initialized', 'completed')],
      notifications: [notification(at)],
      events: [event('evt_a', at)],
    });
    expect(entries.map((e) => e.kind)).toEqual(['notification', 'status', 'event']);
  });

  it('should keep the API order of entries of one kind at one instant, and leave out what was not loaded', () => {
    const at = '2026-12-01T10:00:00.000Z';
    const entries = buildTimeline({
      history: [change(at, null, 'created'), change(at, 'created', 'completed')],
    });
    expect(entries.map((e) => (e.kind === 'status' ? e.change.to : e.kind))).toEqual([
      'created',
      'completed',
    ]);
    expect(buildTimeline({ history: [], events: [event('evt_c', at)] })[0]).toMatchObject({
      deliveries: undefined,
    });
  });

  it('should name the last applied change, passing over anomalies', () => {
    const history = [
      change('2026-12-01T10:00:00.000Z', null, 'completed'),
      change('2026-12-01T10:01:00.000Z', 'completed', 'initialized', true),
    ];
    expect(lastChange(history)?.to).toBe('completed');
    expect(lastChange([])).toBeNull();
  });
});
