/** Test cards and what the sandbox does with them (docs/multisafepay.md#test-environment, docs/sandbox.md#test-cards). */

export type CardOutcome =
  | { kind: 'three_ds' }
  | { kind: 'completed' }
  | { kind: 'uncleared'; then: 'void' | 'completed' }
  | { kind: 'declined'; reasonCode: string; reason: string }
  | { kind: 'error_1024' };

const THREE_DS = [
  '4111111111111111',
  '5500000000000004',
  '4761340000000019',
  '6799990000000000011',
  '6759000000005',
];
const COMPLETED = ['4012001038443335', '378282246310005', '374500000000015'];
// A sandbox-only card: its first payment completes, the payments with its token are declined.
const TOKEN_DECLINED = ['4012001038499998'];
const UNCLEARED_VOID = ['4917300000000008', '378734493671000'];
const UNCLEARED_COMPLETED = ['4462000000000003'];
const DECLINED_3DS = ['4012001037461114', '374200000000004'];
const INSUFFICIENT_FUNDS = ['4012001038488884'];

export function outcomeOf(pan: string): CardOutcome {
  if (THREE_DS.includes(pan)) return { kind: 'three_ds' };
  if (COMPLETED.includes(pan) || TOKEN_DECLINED.includes(pan)) return { kind: 'completed' };
  if (UNCLEARED_VOID.includes(pan)) return { kind: 'uncleared', then: 'void' };
  if (UNCLEARED_COMPLETED.includes(pan)) return { kind: 'uncleared', then: 'completed' };
  if (DECLINED_3DS.includes(pan)) {
    return {
      kind: 'declined',
      reasonCode: '3001',
      reason: '3DS Authentication Failed / Card authentication failed',
    };
  }
  if (INSUFFICIENT_FUNDS.includes(pan))
    return { kind: 'declined', reasonCode: '4002', reason: 'Insufficient funds' };
  return { kind: 'error_1024' };
}

/** Whether payments with this card's token are declined (docs/sandbox.md, test cards). */
export function declinesTokenPayments(pan: string): boolean {
  return TOKEN_DECLINED.includes(pan);
}

export function luhn(pan: string): boolean {
  let sum = 0;
  for (let i = 0; i < pan.length; i += 1) {
    let d = pan.charCodeAt(pan.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function brandOf(pan: string): 'VISA' | 'MASTERCARD' | 'AMEX' | 'MAESTRO' | null {
  const two = Number(pan.slice(0, 2));
  const four = Number(pan.slice(0, 4));
  if (pan.startsWith('4')) return 'VISA';
  if (two === 34 || two === 37) return 'AMEX';
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'MASTERCARD';
  if (two === 50 || (two >= 56 && two <= 69)) return 'MAESTRO';
  return null;
}

/** `411111******1111`: what the sandbox keeps and shows of a PAN. */
export function maskPan(pan: string): string {
  return pan.length < 10
    ? '*'.repeat(pan.length)
    : `${pan.slice(0, 6)}${'*'.repeat(pan.length - 10)}${pan.slice(-4)}`;
}
