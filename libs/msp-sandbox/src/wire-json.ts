/** An integer written to JSON as bare digits, however large (transaction ids exceed 2^53). */
export class BigIntegerText {
  constructor(readonly digits: string) {
    if (!/^\d+$/.test(digits)) throw new Error('not an integer');
  }
}

/**
 * Compact JSON with keys sorted recursively, `/` unescaped and non-ASCII as raw UTF-8: the form
 * MultiSafepay signs its POST notifications in (docs/multisafepay.md#notifications).
 */
export function canonicalJson(value: unknown): string {
  if (value instanceof BigIntegerText) return value.digits;
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  // Plain loops: this runs for every answer and notification the sandbox sends.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) out += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units, like `<` on strings.
  const keys = Object.keys(object).sort();
  let out = '{';
  for (const key of keys) {
    const v = object[key];
    if (v === undefined) continue;
    out += (out.length > 1 ? ',' : '') + JSON.stringify(key) + ':' + canonicalJson(v);
  }
  return `${out}}`;
}
