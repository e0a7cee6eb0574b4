import { describe, expect, it } from 'vitest';
import { CursorBook, endOfDay, startOfDay } from './cursors.js';

describe('CursorBook: page numbers over cursor pagination', () => {
  it('should walk forward and back through the cursors seen', () => {
    const book = new CursorBook();
    expect(book.cursorFor('payments', 1)).toEqual({ page: 1, cursor: undefined });
    book.record('payments', 1, 'c2');
    expect(book.hasNext('payments', 1)).toBe(true);
    expect(book.cursorFor('payments', 2)).toEqual({ page: 2, cursor: 'c2' });
    book.record('payments', 2, 'c3');
    expect(book.cursorFor('payments', 3)).toEqual({ page: 3, cursor: 'c3' });
    book.record('payments', 3, null);
    expect(book.hasNext('payments', 3)).toBe(false);
    // Back to page 2, then forward again: the same cursors.
    expect(book.cursorFor('payments', 2)).toEqual({ page: 2, cursor: 'c2' });
  });

  it('should forget the pages after one that is read again, and start a page never reached from the first', () => {
    const book = new CursorBook();
    book.record('l', 1, 'a');
    book.record('l', 2, 'b');
    book.record('l', 1, 'a2');
    expect(book.cursorFor('l', 2)).toEqual({ page: 2, cursor: 'a2' });
    expect(book.cursorFor('l', 3)).toEqual({ page: 1, cursor: undefined });
    expect(book.cursorFor('other', 2)).toEqual({ page: 1, cursor: undefined });
  });
});

describe('date range in the viewer zone', () => {
  it('should take a "to" day whole, up to the next midnight', () => {
    const from = new Date(startOfDay('2026-12-01'));
    const to = new Date(endOfDay('2026-12-01'));
    expect([from.getFullYear(), from.getMonth(), from.getDate(), from.getHours()]).toEqual([
      2026, 11, 1, 0,
    ]);
    expect([to.getFullYear(), to.getMonth(), to.getDate(), to.getHours()]).toEqual([
      2026, 11, 2, 0,
    ]);
    expect(new Date(endOfDay('2026-12-31')).getFullYear()).toBe(2027);
  });
});
