/** docs/design.md#events: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h; then the delivery has failed. */
export const DEFAULT_RETRY_SCHEDULE = '5s,5m,30m,2h,5h,10h,10h';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `5s,5m,2h` → milliseconds; null when a part is not `<integer><ms|s|m|h|d>`. */
export function parseDurations(text: string): number[] | null {
  const parts = text.split(',').map((p) => p.trim());
  const out: number[] = [];
  for (const part of parts) {
    const match = /^(\d{1,9})(ms|s|m|h|d)$/.exec(part);
    if (!match?.[1] || !match[2]) return null;
    out.push(Number(match[1]) * (UNITS[match[2]] ?? 0));
  }
  return out.length > 0 ? out : null;
}

/** ±20% around `ms`, so that endpoints recovering together are not hit by every retry at once. */
export function jittered(ms: number, random: () => number = Math.random): number {
  return Math.round(ms * (0.8 + 0.4 * random()));
}
