/**
 * Where the trace context of the current request comes from: events keep it, so their deliveries
 * join the request's trace (docs/design.md#events). The application binds tracing's source
 * (`PaymentsModuleAsyncOptions.traceparent`); without it there is none, and nothing of
 * OpenTelemetry is loaded.
 */
export abstract class TraceparentSource {
  /** The W3C `traceparent` of the span active now, or null. */
  abstract current(): string | null;
}

/** No tracing: events carry no trace context. */
export class NoTraceparent extends TraceparentSource {
  current(): string | null {
    return null;
  }
}

/** A source from a function (tracing's `currentTraceparent`). */
export function traceparentSourceOf(current: () => string | null): TraceparentSource {
  return new (class extends TraceparentSource {
    current(): string | null {
      return current();
    }
  })();
}
