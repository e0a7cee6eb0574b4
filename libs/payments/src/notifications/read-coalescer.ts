import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { TransactionRunner } from '../lifecycle/transaction-runner.js';

/** How a delivery's need for a read was met. */
export type CoalescedRead<T> =
  { kind: 'led'; value: T } | { kind: 'shared' } | { kind: 'failed'; error: unknown };

interface Waiter {
  lead: () => Promise<unknown>;
  resolve: (result: CoalescedRead<unknown>) => void;
  reject: (error: unknown) => void;
}

interface ReadState {
  requestedGen: number;
  readGen: number;
  doneGen: number;
  claimed: boolean;
  inFlight: boolean;
  windowLeftMs: number;
  leaseLeftMs: number;
}

interface ReadStateRow {
  requested_gen: string;
  read_gen: string;
  done_gen: string;
  claimed: boolean;
  in_flight: boolean;
  window_left_ms: number;
  lease_left_ms: number;
}

export interface ReadCoalescerOptions {
  /** Reads of one order start at least this far apart. */
  windowMs: number;
  /** A read whose claimer has not finished after this long is taken over. */
  leaseMs: number;
  /** How often a waiter looks whether a read in flight elsewhere has finished. */
  pollMs?: number;
}

/** The row as a waiter sees it; `windowMs` is the parameter holding the window. */
const state = (claimed: string, windowMs: string): string => `requested_gen, read_gen, done_gen,
  ${claimed} AS claimed, (read_gen > done_gen AND lease_until > now()) AS in_flight,
  GREATEST(0, extract(epoch FROM read_started_at + ${windowMs}::float8 * interval '1 millisecond' - now()) * 1000)::float8 AS window_left_ms,
  GREATEST(0, extract(epoch FROM lease_until - now()) * 1000)::float8 AS lease_left_ms`;

// Claimable: the caller still needs a read (its generation is `need`: the one it registers now,
// or `$6`), none is in flight, and the last one started a window ago.
const CLAIMABLE = `r.done_gen < CASE WHEN $5::int = 1 THEN r.requested_gen + 1 ELSE $6::bigint END
  AND NOT (r.read_gen > r.done_gen AND r.lease_until > now())
  AND (r.read_started_at IS NULL OR r.read_started_at <= now() - $3::float8 * interval '1 millisecond')`;

const STEP = `INSERT INTO notification_reads AS r (payment_id, requested_gen, read_gen, done_gen,
    read_started_at, lease_until, owner, updated_at)
  VALUES ($1, 1, 1, 0, now(), now() + $4::float8 * interval '1 millisecond', $2, now())
  ON CONFLICT (payment_id) DO UPDATE SET
    requested_gen = r.requested_gen + $5::int,
    read_gen = CASE WHEN ${CLAIMABLE} THEN r.requested_gen + $5::int ELSE r.read_gen END,
    read_started_at = CASE WHEN ${CLAIMABLE} THEN now() ELSE r.read_started_at END,
    lease_until = CASE WHEN ${CLAIMABLE} THEN now() + $4::float8 * interval '1 millisecond' ELSE r.lease_until END,
    owner = CASE WHEN ${CLAIMABLE} THEN $2::uuid ELSE r.owner END,
    updated_at = now()
  RETURNING ${state('owner IS NOT DISTINCT FROM $2::uuid', '$3')}`;

const PEEK = `SELECT ${state('FALSE', '$2')} FROM notification_reads WHERE payment_id = $1`;

/**
 * Single flight of notification-triggered reads of an order, across concurrent requests and
 * across replicas (docs/webhooks.md, "Coalesced reads"). Deliveries of one payment that arrive
 * while a read is being arranged form a batch; the batch registers itself in
 * `notification_reads` (a new generation), and is answered once a read claimed after that
 * registration has been applied and committed, by whichever replica claimed it. A read that was
 * already under way when a delivery arrived never counts for it: the change it announces may
 * have happened after that read looked. Reads of one order are at least `windowMs` apart, so a
 * flood costs one read per window.
 */
export class ReadCoalescer {
  private readonly logger = new Logger('ReadCoalescer');
  /** Per payment: deliveries that joined since the batch last registered (a driver runs). */
  private readonly joining = new Map<string, Waiter[]>();
  private readonly pollMs: number;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly options: ReadCoalescerOptions,
  ) {
    this.pollMs = options.pollMs ?? 25;
  }

  /**
   * Resolves once a read of `paymentId`'s order that started after this call has been applied:
   * `led` when this caller's `lead` (read and apply) did it, `shared` when another delivery's
   * did, `failed` when another delivery's read failed. Rejects when this caller's `lead` does.
   */
  need<T>(paymentId: string, lead: () => Promise<T>): Promise<CoalescedRead<T>> {
    return new Promise<CoalescedRead<T>>((resolve, reject) => {
      const waiter: Waiter = {
        lead,
        resolve: resolve as (result: CoalescedRead<unknown>) => void,
        reject,
      };
      const joining = this.joining.get(paymentId);
      if (joining) {
        joining.push(waiter);
        return;
      }
      const list = [waiter];
      this.joining.set(paymentId, list);
      void this.drive(paymentId, list);
    });
  }

  private async drive(paymentId: string, joining: Waiter[]): Promise<void> {
    let batch: Waiter[] = [];
    let gen = 0;
    let state: ReadState | null = null;
    try {
      while (batch.length > 0 || joining.length > 0) {
        const claimable =
          state === null || (!state.inFlight && state.windowLeftMs <= 0 && state.doneGen < gen);
        // Joiners register before any wait, so a read another replica claims meanwhile covers them.
        if (joining.length > 0 || claimable) {
          const bump = joining.length > 0;
          batch.push(...joining.splice(0));
          const token = randomUUID();
          state = await this.step(paymentId, bump, gen, token);
          if (bump) gen = state.requestedGen;
          if (state.claimed) {
            await this.lead(paymentId, state.readGen, token, batch);
            batch = [];
            state = null;
            continue;
          }
        }
        if (state && state.doneGen >= gen) {
          for (const w of batch) w.resolve({ kind: 'shared' });
          batch = [];
          state = null;
          continue;
        }
        await sleep(this.delayOf(state));
        state = await this.peek(paymentId);
      }
    } catch (error) {
      for (const w of [...batch, ...joining.splice(0)]) w.reject(error);
    } finally {
      this.joining.delete(paymentId);
    }
  }

  /** The first of the batch reads and applies; the others share its result. */
  private async lead(
    paymentId: string,
    readGen: number,
    token: string,
    batch: Waiter[],
  ): Promise<void> {
    const [first, ...others] = batch;
    if (!first) return;
    let value: unknown;
    try {
      value = await first.lead();
    } catch (error) {
      // Let the next batch (here or elsewhere) claim once the window has passed.
      await this.tx
        .statement(
          `UPDATE notification_reads SET lease_until = now(), updated_at = now()
           WHERE payment_id = $1 AND owner = $2`,
          [paymentId, token],
        )
        .catch((e: unknown) => this.logger.warn({ err: e, paymentId }, 'could not release a read'));
      first.reject(error);
      for (const w of others) w.resolve({ kind: 'failed', error });
      return;
    }
    try {
      await this.tx.statement(
        `UPDATE notification_reads SET done_gen = GREATEST(done_gen, $2),
           lease_until = CASE WHEN owner = $3 THEN now() ELSE lease_until END, updated_at = now()
         WHERE payment_id = $1`,
        [paymentId, readGen, token],
      );
    } catch (error) {
      // The result is committed; waiters elsewhere read again once the lease expires.
      this.logger.warn({ err: error, paymentId }, 'could not mark a read done');
    }
    first.resolve({ kind: 'led', value });
    for (const w of others) w.resolve({ kind: 'shared' });
  }

  /**
   * Registers a new generation (`bump`) and/or claims the next read if it may start now, in
   * one statement; the first read of a payment inserts the row already claimed.
   */
  private async step(
    paymentId: string,
    bump: boolean,
    gen: number,
    token: string,
  ): Promise<ReadState> {
    const rows = await this.tx.statement<ReadStateRow>(STEP, [
      paymentId,
      token,
      this.options.windowMs,
      this.options.leaseMs,
      bump ? 1 : 0,
      gen,
    ]);
    return toState(rows[0]);
  }

  private async peek(paymentId: string): Promise<ReadState | null> {
    const rows = await this.tx.statement<ReadStateRow>(PEEK, [paymentId, this.options.windowMs]);
    return rows[0] ? toState(rows[0]) : null;
  }

  private delayOf(state: ReadState | null): number {
    if (!state) return 0;
    if (state.inFlight) return Math.max(1, Math.min(this.pollMs, state.leaseLeftMs));
    return Math.max(1, Math.ceil(state.windowLeftMs));
  }
}

function toState(row: ReadStateRow | undefined): ReadState {
  if (!row) throw new Error('notification_reads: the upsert returned no row');
  return {
    requestedGen: Number(row.requested_gen),
    readGen: Number(row.read_gen),
    doneGen: Number(row.done_gen),
    claimed: row.claimed,
    inFlight: row.in_flight,
    windowLeftMs: Number(row.window_left_ms),
    leaseLeftMs: Number(row.lease_left_ms),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
