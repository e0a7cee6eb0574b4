interface Pending<T> {
  row: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for rows that are written on their own (one statement each, no transaction to
 * join): the first row goes out at once; rows that arrive while a write is in flight go out
 * together in the next one, at most `maxRows` at a time. So a burst of N rows costs a few
 * statements and commits instead of N, and an idle writer adds no wait. Each `add` settles with
 * its own batch: resolved once that batch is committed, rejected with its error otherwise (a
 * failed batch does not stop the next).
 */
export class GroupWriter<T> {
  private queue: Pending<T>[] = [];
  private writing = false;

  constructor(
    private readonly write: (rows: T[]) => Promise<void>,
    private readonly maxRows = 256,
  ) {}

  add(row: T): Promise<void> {
    const done = new Promise<void>((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
    });
    if (!this.writing) void this.drain();
    return done;
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxRows);
        try {
          await this.write(batch.map((p) => p.row));
          for (const p of batch) p.resolve();
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
