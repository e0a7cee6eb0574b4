import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits, parseAmount, toDecimalString } from './money.js';

describe('parseAmount: money as people write it, into minor units exactly', () => {
  it('should read "3.00" EUR as 300 and take the decimal comma too', () => {
    expect(parseAmount('3.00', 'EUR')).toEqual({ ok: true, minor: 300 });
    expect(parseAmount(' 3 ', 'EUR')).toEqual({ ok: true, minor: 300 });
    expect(parseAmount('3.5', 'EUR')).toEqual({ ok: true, minor: 350 });
    expect(parseAmount('3,50', 'EUR')).toEqual({ ok: true, minor: 350 });
    expect(parseAmount('0.01', 'EUR')).toEqual({ ok: true, minor: 1 });
    expect(parseAmount('007.10', 'EUR')).toEqual({ ok: true, minor: 710 });
  });

  it('should be exact where binary floating point is not (0.29 * 100 = 28.999…)', () => {
    expect(0.29 * 100).not.toBe(29);
    expect(parseAmount('0.29', 'EUR')).toEqual({ ok: true, minor: 29 });
    expect(parseAmount('1.15', 'EUR')).toEqual({ ok: true, minor: 115 });
    expect(parseAmount('999999.99', 'EUR')).toEqual({ ok: true, minor: 99_999_999 });
  });

  it("should follow the currency's ISO 4217 minor unit: JPY none, KWD three", () => {
    expect(parseAmount('1500', 'JPY')).toEqual({ ok: true, minor: 1500 });
    expect(parseAmount('1.5', 'JPY')).toEqual({
      ok: false,
      message: 'JPY has no minor unit: write a whole number.',
    });
    expect(parseAmount('1.234', 'KWD')).toEqual({ ok: true, minor: 1234 });
    expect(parseAmount('1.2345', 'KWD')).toMatchObject({ ok: false });
  });

  it('should refuse a too precise amount with a message saying why', () => {
    expect(parseAmount('3.001', 'EUR')).toEqual({
      ok: false,
      message: 'EUR has 2 decimal places: "3.001" is too precise.',
    });
  });

  it('should refuse what is not an amount', () => {
    for (const text of ['abc', '3.', '.5', '-3', '+3', '1e3', '1,000.00', '3 00', '0x10', '३']) {
      const parsed = parseAmount(text, 'EUR');
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/is not an amount/);
    }
    expect(parseAmount('', 'EUR')).toEqual({ ok: false, message: 'Enter an amount.' });
  });

  it('should refuse zero, and more than allowed or than the service takes', () => {
    expect(parseAmount('0.00', 'EUR')).toEqual({
      ok: false,
      message: 'The amount must be more than zero.',
    });
    expect(parseAmount('10.01', 'EUR', 1000)).toMatchObject({ ok: false });
    expect(parseAmount('10.00', 'EUR', 1000)).toEqual({ ok: true, minor: 1000 });
    expect(parseAmount('1000000', 'EUR')).toMatchObject({ ok: false });
    expect(parseAmount('9'.repeat(40), 'EUR')).toMatchObject({ ok: false });
  });
});

describe('minor units into text', () => {
  it('should write the exact decimal of an amount', () => {
    expect(toDecimalString(300, 'EUR')).toBe('3.00');
    expect(toDecimalString(5, 'EUR')).toBe('0.05');
    expect(toDecimalString(1500, 'JPY')).toBe('1500');
    expect(toDecimalString(1234, 'KWD')).toBe('1.234');
    expect(toDecimalString(-250, 'EUR')).toBe('-2.50');
    expect(() => toDecimalString(1.5, 'EUR')).toThrow(RangeError);
  });

  it('should round-trip every amount through the Amount field', () => {
    for (const currency of ['EUR', 'JPY', 'KWD'])
      for (const minor of [1, 9, 10, 99, 100, 101, 12_345, 99_999_999])
        expect(parseAmount(toDecimalString(minor, currency), currency)).toEqual({
          ok: true,
          minor,
        });
  });

  it("should format with Intl.NumberFormat in the currency's minor unit", () => {
    expect(formatMoney(300, 'EUR', 'en-US')).toBe('€3.00');
    expect(formatMoney(1500, 'JPY', 'en-US')).toBe('¥1,500');
    expect(formatMoney(123_456, 'EUR', 'nl-NL')).toMatch(/^€\s1\.234,56$/);
    expect(formatMoney(1234, 'KWD', 'en-US')).toMatch(/^KWD\s1\.234$/);
    expect(minorDigits('eur')).toBe(2);
  });
});
