import { describe, expect, it } from 'vitest';
import { parseMspDateTime } from './msp-time.js';

describe('parseMspDateTime', () => {
  it.each([
    ['summer time, UTC+2', '2020-06-06T05:53:44', '2020-06-06T03:53:44.000Z'],
    ['winter time, UTC+1', '2026-01-15T12:00:00', '2026-01-15T11:00:00.000Z'],
    ['a space instead of T, no seconds', '2026-01-15 12:00', '2026-01-15T11:00:00.000Z'],
    ['fractional seconds', '2026-01-15T12:00:00.250', '2026-01-15T11:00:00.250Z'],
    [
      'the autumn hour that occurs twice: its first occurrence',
      '2025-10-26T02:30:00',
      '2025-10-26T00:30:00.000Z',
    ],
    ['just after the autumn change', '2025-10-26T03:30:00', '2025-10-26T02:30:00.000Z'],
    [
      'the spring hour that does not exist: the earlier reading',
      '2025-03-30T02:30:00',
      '2025-03-30T00:30:00.000Z',
    ],
    ['just after the spring change', '2025-03-30T03:30:00', '2025-03-30T01:30:00.000Z'],
    ['an explicit Z', '2020-06-06T05:53:44Z', '2020-06-06T05:53:44.000Z'],
    ['an explicit offset', '2020-06-06T05:53:44+01:00', '2020-06-06T04:53:44.000Z'],
    ['a compact negative offset', '2020-06-06T05:53:44-0230', '2020-06-06T08:23:44.000Z'],
  ])('should read %s', (_name, value, expected) => {
    expect(parseMspDateTime(value)?.toISOString()).toBe(expected);
  });

  it.each([
    null,
    '',
    '06-06-2020',
    '2020-13-01T00:00:00',
    '2020-02-30T00:00:00',
    '2020-06-06T24:00:00',
    'soon',
  ])('should give null for %j', (value) => {
    expect(parseMspDateTime(value)).toBeNull();
  });
});
