/**
 * The API pages with cursors ("the page after this one"); react-admin's lists with page numbers.
 * This remembers, per list and filter, the cursor that starts each page seen, so "next" and
 * "previous" walk the cursors. A page never reached that way starts again from the first.
 */
export class CursorBook {
  private readonly books = new Map<string, (string | undefined)[]>();

  /** The cursor that starts `page` (1-based) of the list `list`, or undefined for the first. */
  cursorFor(list: string, page: number): { page: number; cursor: string | undefined } {
    const book = this.books.get(list);
    if (page <= 1 || !book || book.length < page) return { page: 1, cursor: undefined };
    return { page, cursor: book[page - 1] };
  }

  /** Notes where the page after `page` starts; null: there is none. */
  record(list: string, page: number, next: string | null | undefined): void {
    const book = this.books.get(list) ?? [undefined];
    book.length = page;
    if (next !== null && next !== undefined) book.push(next);
    this.books.set(list, book);
  }

  hasNext(list: string, page: number): boolean {
    return (this.books.get(list)?.length ?? 0) > page;
  }

  clear(): void {
    this.books.clear();
  }
}

/** A date field's value ("2026-12-01", the viewer's day) as the instant that day starts. */
export function startOfDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? NaN, (m ?? NaN) - 1, d ?? NaN).toISOString();
}

/** The instant the day after `day` starts: "to 1 December" includes all of 1 December. */
export function endOfDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? NaN, (m ?? NaN) - 1, (d ?? NaN) + 1).toISOString();
}
