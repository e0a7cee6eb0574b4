import { describe, expect, it } from 'vitest';
import { RefusalAudit, type RefusalCount } from './refusal-audit.js';

describe('RefusalAudit', () => {
  const minute = 60_000 * 29_000_000;

  function audit(threshold: number) {
    const written: RefusalCount[][] = [];
    const sut = new RefusalAudit(
      (counts) => {
        written.push(counts.map((c) => ({ ...c })));
        return Promise.resolve();
      },
      threshold,
      60_000,
    );
    return { sut, written };
  }

  it('should grant rows up to the threshold per source, reason and minute, and count them all', async () => {
    const { sut, written } = audit(2);
    const grants = Array.from({ length: 5 }, () =>
      sut.count('192.0.2.1', 'bad_signature', true, minute),
    );
    grants.push(sut.count('192.0.2.2', 'bad_signature', true, minute));
    grants.push(sut.count('192.0.2.1', 'unknown_order', true, minute));
    grants.push(sut.count('192.0.2.1', 'bad_signature', true, minute + 60_000));
    expect(grants).toEqual([true, true, false, false, false, true, true, true]);
    await sut.flush();
    expect(written).toHaveLength(1);
    expect(written[0]?.map((c) => [c.minute.getTime(), c.source, c.reason, c.refused])).toEqual([
      [minute, '192.0.2.1', 'bad_signature', 5],
      [minute, '192.0.2.2', 'bad_signature', 1],
      [minute, '192.0.2.1', 'unknown_order', 1],
      [minute + 60_000, '192.0.2.1', 'bad_signature', 1],
    ]);
  });

  it('should count without a row when asked (rate limited, not allowed)', () => {
    const { sut } = audit(10);
    expect(sut.count('192.0.2.1', 'rate_limited', false, minute)).toBe(false);
  });

  it('should keep the counts of a failed write for the next one', async () => {
    let fail = true;
    const written: RefusalCount[] = [];
    const sut = new RefusalAudit(
      (counts) => {
        if (fail) return Promise.reject(new Error('database down'));
        written.push(...counts);
        return Promise.resolve();
      },
      0,
      60_000,
    );
    sut.count('192.0.2.1', 'bad_signature', true, minute);
    await sut.flush();
    fail = false;
    sut.count('192.0.2.1', 'bad_signature', true, minute);
    await sut.flush();
    expect(written.map((c) => c.refused)).toEqual([2]);
  });
});
