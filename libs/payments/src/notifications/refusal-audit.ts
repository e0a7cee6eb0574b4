import { Logger } from '@nestjs/common';
import type { RefusalReason } from '../entities/notification-refusal.entity.js';

export interface RefusalCount {
  minute: Date;
  source: string;
  reason: RefusalReason;
  refused: number;
}

/** Past this many distinct sources in a minute, new ones are counted together as `other`. */
const MAX_SOURCES = 10_000;
const OTHER = 'other';

/**
 * The bounded audit of refused webhook deliveries: every refusal is counted per minute, source
 * and reason, and the counts are written together once a second (one row per key and minute,
 * whatever the rate); only the first `rowsPerMinute` of a key in a minute also get a row of
 * their own. Memory is bounded too: past MAX_SOURCES sources a minute, the rest count as
 * `other`. Counts still in memory when the process dies are lost (at most `flushMs` of them).
 */
export class RefusalAudit {
  private readonly logger = new Logger('RefusalAudit');
  private minute = -1;
  /** Own rows granted this minute, by `source|reason`. */
  private granted = new Map<string, number>();
  private pending = new Map<string, RefusalCount>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly write: (counts: RefusalCount[]) => Promise<void>,
    private readonly rowsPerMinute: number,
    private readonly flushMs = 1_000,
  ) {}

  /** Counts one refusal; true when it should also be recorded with a row of its own. */
  count(source: string | null, reason: RefusalReason, own = true, now = Date.now()): boolean {
    const minute = Math.floor(now / 60_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.granted = new Map();
    }
    let who = source ?? 'unknown';
    if (!this.granted.has(`${who}|${reason}`) && this.granted.size >= MAX_SOURCES) who = OTHER;
    const key = `${who}|${reason}`;
    const rows = this.granted.get(key) ?? 0;
    const grant = own && rows < this.rowsPerMinute;
    this.granted.set(key, grant ? rows + 1 : rows);
    this.add({ minute: new Date(minute * 60_000), source: who, reason, refused: 1 });
    return grant;
  }

  /** Writes the counts gathered so far; on failure they are kept for the next flush. */
  flush(): Promise<void> {
    this.flushing ??= this.writePending().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private add(count: RefusalCount): void {
    const key = `${count.minute.getTime()}|${count.source}|${count.reason}`;
    const known = this.pending.get(key);
    if (known) known.refused += count.refused;
    else this.pending.set(key, { ...count });
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, this.flushMs);
      this.timer.unref();
    }
  }

  private async writePending(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const counts = [...this.pending.values()];
    this.pending = new Map();
    try {
      await this.write(counts);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not write refusal counts; kept for the next try');
      for (const c of counts) if (this.pending.size < MAX_SOURCES * 4) this.add(c);
    }
  }
}
