/** Past this many sources with a partly spent budget, new ones share one bucket. */
const MAX_SOURCES = 10_000;
const OTHER = 'other';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per source address: `perSecond` sustained, bursts of two seconds' worth. Kept
 * in memory, so each replica limits on its own. Written here rather than taken from a library
 * because it is charged after the request is read: only deliveries that cost us something
 * (unsigned GETs, refused POSTs) spend tokens, never a genuine signed notification.
 */
export class SourceRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly burst: number;

  constructor(private readonly perSecond: number) {
    this.burst = perSecond * 2;
  }

  /** Spends one token of `source`; false when it has none left (answer 429). */
  take(source: string, now = Date.now()): boolean {
    if (this.perSecond <= 0) return true;
    const key = this.keyOf(source, now);
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(
      this.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond,
    );
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  private keyOf(source: string, now: number): string {
    if (this.buckets.has(source) || this.buckets.size < MAX_SOURCES) return source;
    // Buckets that have refilled completely are the same as absent ones.
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(key);
    }
    return this.buckets.size < MAX_SOURCES ? source : OTHER;
  }
}
