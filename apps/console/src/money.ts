/**
 * Money as operators write and read it. Amounts travel as integer minor units (cents) with an
 * ISO 4217 currency; here they are turned from and into text exactly, with string arithmetic
 * and no floating point, per the currency's ISO 4217 minor units (JPY has none, KWD three).
 */

/** ISO 4217 currencies whose minor unit is not 2 decimal places. */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** The service refuses larger amounts (CreatePaymentDto's MAX_AMOUNT). */
export const MAX_MINOR_UNITS = 99_999_999;

/** Decimal places of the currency's minor unit (ISO 4217). */
export function minorDigits(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

export type ParsedAmount = { ok: true; minor: number } | { ok: false; message: string };

/**
 * "3.00" EUR → 300; "1500" JPY → 1500. A comma is taken as the decimal separator too ("3,50"),
 * since operators write both; thousands separators are not accepted (is "1,000" one thousand
 * or one?). `max`: the most that may be asked (e.g. what remains to refund), in minor units.
 */
export function parseAmount(input: string, currency: string, max?: number): ParsedAmount {
  const text = input.trim();
  const digits = minorDigits(currency);
  if (text === '') return { ok: false, message: 'Enter an amount.' };
  const match = /^(\d+)(?:[.,](\d+))?$/.exec(text);
  if (!match)
    return {
      ok: false,
      message: `"${text}" is not an amount: write digits${digits > 0 ? ` with a decimal point, e.g. ${example(digits)}` : ', e.g. 1500'}.`,
    };
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return {
      ok: false,
      message:
        digits === 0
          ? `${currency} has no minor unit: write a whole number.`
          : `${currency} has ${digits} decimal place${digits === 1 ? '' : 's'}: "${text}" is too precise.`,
    };
  }
  const units = `${whole}${fraction.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  // Beyond 15 digits it is far above MAX_MINOR_UNITS; below, Number() is exact.
  const minor = units.length > 15 ? Number.POSITIVE_INFINITY : Number(units);
  if (minor === 0) return { ok: false, message: 'The amount must be more than zero.' };
  const limit = Math.min(max ?? MAX_MINOR_UNITS, MAX_MINOR_UNITS);
  if (minor > limit)
    return { ok: false, message: `The amount can be at most ${formatMoney(limit, currency)}.` };
  return { ok: true, minor };
}

function example(digits: number): string {
  return `3.${'0'.repeat(digits)}`;
}

/** 300, EUR → "3.00"; 1500, JPY → "1500": what the Amount field shows, exact. */
export function toDecimalString(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`${minor} is not an integer amount`);
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const units = String(Math.abs(minor)).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${units}`;
  return `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`;
}

/** 300, EUR → "€3.00" (in the viewer's locale, or `locale`), with the currency's minor unit. */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const digits = minorDigits(currency);
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  } catch {
    // A code Intl does not know: still exact, with the code beside it.
    return `${toDecimalString(minor, currency)} ${currency}`;
  }
  // A decimal string is formatted exactly (no binary fraction in between).
  return format.format(toDecimalString(minor, currency) as Intl.StringNumericLiteral);
}
