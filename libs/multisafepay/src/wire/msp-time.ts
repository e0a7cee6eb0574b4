const AMSTERDAM = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Amsterdam's offset from UTC at an instant, in ms. */
function amsterdamOffset(ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const part of AMSTERDAM.formatToParts(new Date(whole))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - whole;
}

/**
 * The instant of an Amsterdam wall-clock time given as if it were UTC. An hour that occurs twice
 * (autumn) gives its first occurrence, an hour that does not exist (spring) the earlier reading:
 * for an expiry, earlier is the safe side.
 */
function fromAmsterdamWallTime(wall: number): number {
  const offsets = [amsterdamOffset(wall - 86_400_000), amsterdamOffset(wall + 86_400_000)];
  const largest = Math.max(...offsets);
  const candidates = [...new Set(offsets)]
    .map((offset) => wall - offset)
    .filter((instant) => instant + amsterdamOffset(instant) === wall)
    .sort((a, b) => a - b);
  return candidates[0] ?? wall - largest;
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Reads a MultiSafepay date-time. Those come without an offset (`"2020-06-06T05:53:44"`,
 * docs/multisafepay.md#open-questions): read as Europe/Amsterdam, MultiSafepay's own zone, which is also
 * the earlier reading than UTC. An explicit `Z` or offset is honoured. Null if unreadable.
 */
export function parseMspDateTime(value: string | null): Date | null {
  const m = value === null ? null : DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, fraction, zone] = m;
  const fields = [y, mo, d, h, mi, s ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5]);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== fields[0] ||
    check.getUTCMonth() !== fields[1] - 1 ||
    check.getUTCDate() !== fields[2] ||
    fields[3] > 23 ||
    fields[4] > 59 ||
    fields[5] > 59
  ) {
    return null;
  }
  const ms = fraction ? Math.floor(Number(fraction) * 1000) : 0;
  if (zone === undefined) return new Date(fromAmsterdamWallTime(wall) + ms);
  if (zone === 'Z') return new Date(wall + ms);
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  return new Date(wall - offset + ms);
}
