import type { StartedTracing } from './otel-sdk.js';

export type { StartedTracing };

/**
 * Starts OpenTelemetry tracing: OTLP/HTTP export, spans for incoming and outgoing HTTP, Fastify
 * and pg. Call it before the app's modules are imported (instrumentation patches them as they
 * load), and only when {@link tracingRequested}: this is the one place that loads OpenTelemetry.
 */
export async function startTracing(env: NodeJS.ProcessEnv): Promise<StartedTracing> {
  const { startOtel } = await import('./otel-sdk.js');
  return startOtel(env);
}
