/**
 * Trace context for code that must not depend on OpenTelemetry: the domain, the event relay, the
 * logger. Until tracing starts (and whenever it is off) every function here is a cheap no-op;
 * `startTracing` installs the real implementation, so OpenTelemetry is loaded only when used.
 */
export interface TraceContextSource {
  traceparent(): string | null;
  runWithin<T>(traceparent: string, fn: () => T): T;
  logFields(): Record<string, string>;
}

let source: TraceContextSource | null = null;

/** Called once by the tracing start-up; not part of the lib's public API. */
export function installTraceContextSource(installed: TraceContextSource): void {
  source = installed;
}

/** Whether tracing has started in this process. */
export function tracingActive(): boolean {
  return source !== null;
}

/**
 * The W3C `traceparent` of the span active right now (e.g. `00-<trace id>-<span id>-01`), or
 * `null` when tracing is off or no span is active. Store it with work that runs later, outside
 * the request (an outbox event), and hand it back to {@link withTraceparent} when doing it.
 */
export function currentTraceparent(): string | null {
  return source?.traceparent() ?? null;
}

/**
 * Runs `fn` as part of the trace that `traceparent` names, so the spans it makes (an outgoing
 * HTTP call, its queries) join that trace and outgoing requests carry it on. With tracing off or
 * no `traceparent`, simply runs `fn`.
 */
export function withTraceparent<T>(traceparent: string | null, fn: () => T): T {
  return source !== null && traceparent !== null ? source.runWithin(traceparent, fn) : fn();
}

/** `trace_id` and `span_id` of the active span for a log line; empty when there is none. */
export function traceLogFields(): Record<string, string> {
  return source?.logFields() ?? {};
}
