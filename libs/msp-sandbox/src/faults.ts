import { Injectable } from '@nestjs/common';
import { maskPan } from './cards.js';

export type FaultMode = 'error' | 'hang' | 'hang_after';

/** When injected latency is spent: before the call does its work, or after (work, wait, answer). */
export type LatencyStage = 'before' | 'after_read';

export interface RequestLogEntry {
  at: string;
  /** The site of the call's key; null for a missing or unknown key. */
  site: string | null;
  method: string;
  path: string;
  body: unknown;
  status: number | null;
  fault: FaultMode | null;
}

const LOG_LIMIT = 1000;
const CARD_KEYS = new Set(['card_number']);
const SECRET_KEYS = new Set(['card_cvc', 'cvc']);

/** A copy of a request body safe to show: PANs masked, CVCs replaced. */
export function maskBody(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskBody);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        CARD_KEYS.has(k) && typeof v === 'string'
          ? maskPan(v)
          : SECRET_KEYS.has(k)
            ? '***'
            : maskBody(v),
      ]),
    );
  }
  return value;
}

/**
 * Injected trouble for the next API calls (errors, hangs, latency) and the log of what the
 * sandbox received. `hang` answers nothing and does nothing; `hang_after` does the work and then
 * answers nothing (the caller cannot know the outcome).
 */
@Injectable()
export class FaultsService {
  latencyMs = 0;
  latencyStage: LatencyStage = 'before';
  private fault: {
    mode: FaultMode;
    remaining: number;
    status: number;
    /** Only calls with this HTTP method take it (null: every call). */
    method: string | null;
    /** Only calls with this site's key take it (null: every call). */
    site: string | null;
  } | null = null;
  private readonly log: RequestLogEntry[] = [];

  setFault(
    mode: FaultMode,
    count: number,
    status: number,
    method: string | null = null,
    site: string | null = null,
  ): void {
    this.fault = { mode, remaining: count, status, method, site };
  }

  clear(): void {
    this.fault = null;
    this.latencyMs = 0;
    this.latencyStage = 'before';
  }

  current(): {
    mode: FaultMode;
    remaining: number;
    status: number;
    method: string | null;
    site: string | null;
  } | null {
    return this.fault;
  }

  /** Takes one injected fault for this call (made with `method` and `site`'s key), if any remain for it. */
  take(method: string, site: string | null = null): { mode: FaultMode; status: number } | null {
    if (!this.fault || this.fault.remaining <= 0) return null;
    if (this.fault.method !== null && this.fault.method !== method) return null;
    if (this.fault.site !== null && this.fault.site !== site) return null;
    this.fault.remaining -= 1;
    const taken = { mode: this.fault.mode, status: this.fault.status };
    if (this.fault.remaining <= 0) this.fault = null;
    return taken;
  }

  record(entry: Omit<RequestLogEntry, 'at' | 'body'> & { body: unknown }): RequestLogEntry {
    const row = { ...entry, at: new Date().toISOString(), body: maskBody(entry.body) };
    this.log.push(row);
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
    return row;
  }

  requests(): RequestLogEntry[] {
    return [...this.log];
  }

  reset(): void {
    this.clear();
    this.log.length = 0;
  }
}
