/** How spans are sent (OTLP over HTTP); gRPC is not offered, to keep its stack out of the image. */
export type OtlpProtocol = 'http/protobuf' | 'http/json';

const PROTOCOLS: readonly string[] = ['http/protobuf', 'http/json'];
const ENDPOINTS = ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] as const;
const PROTOCOL_VARS = [
  'OTEL_EXPORTER_OTLP_PROTOCOL',
  'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL',
] as const;

/**
 * Tracing is on when an OTLP endpoint is configured (and `OTEL_SDK_DISABLED` is not `true`).
 * Reads only the environment: deciding costs nothing and loads nothing.
 */
export function tracingRequested(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  return ENDPOINTS.some((name) => Boolean(env[name]?.trim()));
}

/** The OTLP protocol for traces: the traces-specific variable wins, as in the specification. */
export function otlpProtocol(env: NodeJS.ProcessEnv): OtlpProtocol {
  const value =
    env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL?.trim() || env.OTEL_EXPORTER_OTLP_PROTOCOL?.trim();
  return value === 'http/json' ? 'http/json' : 'http/protobuf';
}

/**
 * One line per OpenTelemetry variable the service cannot honour (`NAME: what is wrong`), in the
 * form of the other start-up checks. Empty when tracing is off.
 */
export function tracingProblems(env: NodeJS.ProcessEnv): string[] {
  if (!tracingRequested(env)) return [];
  const problems: string[] = [];
  for (const name of ENDPOINTS) {
    const value = env[name]?.trim();
    if (value && !isHttpUrl(value)) problems.push(`${name}: must be an http(s) URL`);
  }
  for (const name of PROTOCOL_VARS) {
    const value = env[name]?.trim();
    if (value && !PROTOCOLS.includes(value)) {
      problems.push(`${name}: must be http/protobuf or http/json (grpc is not supported)`);
    }
  }
  return problems;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
