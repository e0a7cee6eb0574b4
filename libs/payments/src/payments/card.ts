/** Card helpers. Nothing here keeps or logs a card number. */

export function luhnValid(pan: string): boolean {
  if (!/^\d{12,19}$/.test(pan)) return false;
  let sum = 0;
  for (let i = 0; i < pan.length; i += 1) {
    let digit = pan.charCodeAt(pan.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export type CardBrand = 'VISA' | 'MASTERCARD' | 'AMEX' | 'MAESTRO';

/** The brand by IIN range; MultiSafepay's answer (`payment_details.type`) overrides it later. */
export function detectBrand(pan: string): CardBrand | null {
  const two = Number(pan.slice(0, 2));
  const four = Number(pan.slice(0, 4));
  if (pan.startsWith('4')) return 'VISA';
  if (two === 34 || two === 37) return 'AMEX';
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'MASTERCARD';
  if (two === 50 || (two >= 56 && two <= 69)) return 'MAESTRO';
  return null;
}

/** A card is valid through the last day of its expiry month. */
export function expiryInPast(month: number, year: number, now = new Date()): boolean {
  const currentYear = now.getUTCFullYear();
  const currentMonth = now.getUTCMonth() + 1;
  return year < currentYear || (year === currentYear && month < currentMonth);
}
