import { describe, expect, it } from 'vitest';
import { SourceRateLimiter } from './source-rate-limiter.js';

describe('SourceRateLimiter', () => {
  it('should allow a burst of two seconds worth, then refuse until tokens come back', () => {
    const sut = new SourceRateLimiter(5);
    const t0 = 1_000_000;
    const burst = Array.from({ length: 12 }, () => sut.take('192.0.2.1', t0));
    expect(burst.filter(Boolean)).toHaveLength(10);
    expect(sut.take('192.0.2.1', t0 + 100)).toBe(false);
    expect(sut.take('192.0.2.1', t0 + 200)).toBe(true);
  });

  it('should give each source its own budget', () => {
    const sut = new SourceRateLimiter(1);
    expect([sut.take('a', 0), sut.take('a', 0), sut.take('a', 0)]).toEqual([true, true, false]);
    expect(sut.take('b', 0)).toBe(true);
  });

  it('should never refuse when the limit is 0 (off)', () => {
    const sut = new SourceRateLimiter(0);
    expect(Array.from({ length: 1000 }, () => sut.take('a', 0)).every(Boolean)).toBe(true);
  });

  it('should keep memory bounded: past 10,000 busy sources, new ones share one budget', () => {
    const sut = new SourceRateLimiter(1);
    for (let i = 0; i < 10_000; i += 1) sut.take(`s${i}`, 0);
    expect([sut.take('new-1', 0), sut.take('new-2', 0), sut.take('new-3', 0)]).toEqual([
      true,
      true,
      false,
    ]);
    // Once the busy ones have refilled, a new source has a budget of its own again.
    expect([sut.take('new-4', 5_000), sut.take('new-4', 5_000)]).toEqual([true, true]);
  });
});
