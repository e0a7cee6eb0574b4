import { describe, expect, it } from 'vitest';
import { GroupWriter } from './group-writer.js';

/** A write the test finishes by hand: the batches it was given, and a way to end each. */
function manualWrite(): {
  batches: number[][];
  finish: (error?: Error) => void;
  write: (rows: number[]) => Promise<void>;
} {
  const batches: number[][] = [];
  const ends: ((error?: Error) => void)[] = [];
  return {
    batches,
    finish: (error) => ends.shift()?.(error),
    write: (rows) => {
      batches.push(rows);
      return new Promise<void>((resolve, reject) =>
        ends.push((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('GroupWriter', () => {
  it('should write a row at once when nothing is in flight', async () => {
    const w = manualWrite();
    const writer = new GroupWriter(w.write);
    const done = writer.add(1);
    expect(w.batches).toEqual([[1]]);
    w.finish();
    await expect(done).resolves.toBeUndefined();
  });

  it('should send the rows that arrive during a write together in the next one', async () => {
    const w = manualWrite();
    const writer = new GroupWriter(w.write);
    const settled: number[] = [];
    const all = [1, 2, 3, 4].map((n) => writer.add(n).then(() => settled.push(n)));
    expect(w.batches).toEqual([[1]]);
    w.finish();
    await tick();
    expect(settled).toEqual([1]);
    expect(w.batches).toEqual([[1], [2, 3, 4]]);
    w.finish();
    await Promise.all(all);
    expect(settled).toEqual([1, 2, 3, 4]);
  });

  it('should reject only the batch whose write failed, and go on with the next', async () => {
    const w = manualWrite();
    const writer = new GroupWriter(w.write);
    const first = writer.add(1);
    const second = writer.add(2);
    const third = writer.add(3);
    w.finish();
    await tick();
    const fourth = writer.add(4);
    w.finish(new Error('connection lost'));
    await expect(second).rejects.toThrow('connection lost');
    await expect(third).rejects.toThrow('connection lost');
    await expect(first).resolves.toBeUndefined();
    await tick();
    expect(w.batches).toEqual([[1], [2, 3], [4]]);
    w.finish();
    await expect(fourth).resolves.toBeUndefined();
  });

  it('should reject the batch when the write throws before returning a promise', async () => {
    const writer = new GroupWriter<number>(() => {
      throw new Error('bad statement');
    });
    await expect(writer.add(1)).rejects.toThrow('bad statement');
  });

  it('should split a backlog into batches of at most maxRows', async () => {
    const w = manualWrite();
    const writer = new GroupWriter(w.write, 2);
    const all = [1, 2, 3, 4, 5, 6].map((n) => writer.add(n));
    for (let i = 0; i < 4; i += 1) {
      w.finish();
      await tick();
    }
    await Promise.all(all);
    expect(w.batches).toEqual([[1], [2, 3], [4, 5], [6]]);
  });
});
