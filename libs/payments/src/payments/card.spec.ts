import { describe, expect, it } from 'vitest';
import { detectBrand, expiryInPast, luhnValid } from './card.js';

describe('luhnValid', () => {
  it.each(['4111111111111111', '5500000000000004', '374500000000015', '6799990000000000011'])(
    'should accept the test card %s',
    (pan) => {
      expect(luhnValid(pan)).toBe(true);
    },
  );

  it.each(['4111111111111112', '1234', '41111111111111111111', '4111-1111-1111-1111', ''])(
    'should refuse %s',
    (pan) => {
      expect(luhnValid(pan)).toBe(false);
    },
  );
});

describe('detectBrand', () => {
  it.each([
    ['4111111111111111', 'VISA'],
    ['5500000000000004', 'MASTERCARD'],
    ['2221000000000009', 'MASTERCARD'],
    ['374500000000015', 'AMEX'],
    ['6799990000000000011', 'MAESTRO'],
    ['9999999999999995', null],
  ])('should map %s to %s', (pan, brand) => {
    expect(detectBrand(pan)).toBe(brand);
  });
});

describe('expiryInPast', () => {
  const now = new Date('2026-11-24T12:00:00Z');

  it('should keep a card valid through its expiry month', () => {
    expect(expiryInPast(11, 2026, now)).toBe(false);
  });

  it('should refuse last month and last year', () => {
    expect(expiryInPast(10, 2026, now)).toBe(true);
    expect(expiryInPast(12, 2025, now)).toBe(true);
  });
});
