/** An integer written to JSON as bare digits, however large (transaction ids exceed 2^53). */
export class BigIntegerText {
  constructor(readonly digits: string) {
    if (!/^\d+$/.test(digits)) throw new Error('not an integer');
  }
}

/**
 * Compact JSON with keys sorted recursively, `/` unescaped and non-ASCII as raw UTF-8: the form
 * MultiSafepay signs its POST notifications in (msp-api.md §6.4).
 */
export function canonicalJson(value: unknown): string {
  if (value instanceof BigIntegerText) return value.digits;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
