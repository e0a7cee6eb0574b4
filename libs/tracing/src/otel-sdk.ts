// Loaded only when tracing is on (see start-tracing.ts): everything OpenTelemetry enters here.
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { FastifyOtelInstrumentation } from '@fastify/otel';
import {
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  diag,
  DiagLogLevel,
  isSpanContextValid,
  ROOT_CONTEXT,
  trace,
  type DiagLogger,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import {
  defaultResource,
  detectResources,
  envDetector,
  resourceFromAttributes,
} from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import pino from 'pino';
import { installTraceContextSource } from './trace-context.js';
import { otlpProtocol } from './tracing.config.js';

/** Probes and scrapes: a span every few seconds that says nothing. */
const UNTRACED_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

export interface StartedTracing {
  /** Exports the spans still queued, then stops. */
  shutdown(): Promise<void>;
}

export async function startOtel(env: NodeJS.ProcessEnv): Promise<StartedTracing> {
  diag.setLogger(diagLogger(env), { logLevel: diagLevel(env.OTEL_LOG_LEVEL) });

  const { OTLPTraceExporter } =
    otlpProtocol(env) === 'http/json'
      ? await import('@opentelemetry/exporter-trace-otlp-http')
      : await import('@opentelemetry/exporter-trace-otlp-proto');
  const provider = new NodeTracerProvider({
    // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES override the default name.
    resource: defaultResource()
      .merge(resourceFromAttributes({ 'service.name': 'payments' }))
      .merge(detectResources({ detectors: [envDetector] })),
    // Endpoint, headers, timeout, compression, batch sizes and sampler come from OTEL_* variables.
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  const w3c = new W3CTraceContextPropagator();
  // Only `traceparent`/`tracestate` cross the boundary: a caller's baggage is not passed on to
  // MultiSafepay.
  provider.register({ propagator: w3c });

  const untraced = (path: string | undefined): boolean =>
    UNTRACED_PATHS.has((path ?? '').split('?')[0]);
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => untraced(req.url) }),
      // Fastify announces each instance on a diagnostics channel; the plugin joins it there.
      // A request span and its handler's span; a span per hook (ten per request) would be noise.
      new FastifyOtelInstrumentation({
        registerOnInitialization: true,
        instrumentHooks: false,
        ignorePaths: ({ url }) => untraced(url),
      }),
      // Queries outside any trace (the reconciler's polling) would each be a trace of their own.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  // No ESM loader hook (import-in-the-middle): it made loading the app 1.6 times as slow here,
  // and nothing needs it. pg is loaded by TypeORM through require, which the instrumentation
  // hooks; Fastify is joined through its diagnostics channel; node:http and node:https are shared
  // by require and import, so requiring them now patches them in place for ESM importers (axios)
  // too, and the sync carries the patch to their named ESM exports.
  const require = createRequire(import.meta.url);
  require('node:http');
  require('node:https');
  syncBuiltinESMExports();

  installTraceContextSource({
    traceparent() {
      const carrier: Record<string, string> = {};
      w3c.inject(context.active(), carrier, defaultTextMapSetter);
      return carrier.traceparent ?? null;
    },
    runWithin(traceparent, fn) {
      return context.with(w3c.extract(ROOT_CONTEXT, { traceparent }, defaultTextMapGetter), fn);
    },
    logFields(): Record<string, string> {
      const span = trace.getSpanContext(context.active());
      return span && isSpanContextValid(span)
        ? { trace_id: span.traceId, span_id: span.spanId }
        : {};
    },
  });
  return { shutdown: () => provider.shutdown() };
}

/** OpenTelemetry's own warnings (an export that failed), as JSON lines beside the service's. */
function diagLogger(env: NodeJS.ProcessEnv): DiagLogger {
  const options = { name: 'opentelemetry', level: 'trace' };
  const logger = env.LOG_FILE
    ? pino(options, pino.destination({ dest: env.LOG_FILE, sync: true, mkdir: true }))
    : pino(options);
  const line =
    (level: 'error' | 'warn' | 'info' | 'debug' | 'trace') =>
    (message: string, ...args: unknown[]) =>
      logger[level](args.length > 0 ? { args } : {}, message);
  return {
    error: line('error'),
    warn: line('warn'),
    info: line('info'),
    debug: line('debug'),
    verbose: line('trace'),
  };
}

function diagLevel(value: string | undefined): DiagLogLevel {
  switch ((value ?? '').trim().toUpperCase()) {
    case 'NONE':
      return DiagLogLevel.NONE;
    case 'ERROR':
      return DiagLogLevel.ERROR;
    case 'INFO':
      return DiagLogLevel.INFO;
    case 'DEBUG':
      return DiagLogLevel.DEBUG;
    case 'VERBOSE':
    case 'ALL':
      return DiagLogLevel.VERBOSE;
    default:
      return DiagLogLevel.WARN;
  }
}
