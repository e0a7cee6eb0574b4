import { Injectable } from '@nestjs/common';

/**
 * Tells the relay that events were committed in this process, so it sends them at once instead
 * of at its next poll. Other replicas learn it through PostgreSQL's NOTIFY (see OutboxRelay).
 */
@Injectable()
export class OutboxSignal {
  private readonly listeners = new Set<() => void>();

  /** Calls `listener` after each commit that wrote events; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  committed(): void {
    for (const listener of this.listeners) listener();
  }
}

/**
 * Where the trace context of the current request comes from. Tracing (when enabled) installs a
 * source at start-up; without it there is none, and nothing of OpenTelemetry is loaded.
 */
let traceparentSource: () => string | null = () => null;

export function setTraceparentSource(source: () => string | null): void {
  traceparentSource = source;
}

export function currentTraceparent(): string | null {
  return traceparentSource();
}
