// Nothing here imports OpenTelemetry: start-tracing.ts loads it on demand.
export * from './start-tracing.js';
export {
  currentTraceparent,
  traceLogFields,
  tracingActive,
  withTraceparent,
} from './trace-context.js';
export * from './tracing.config.js';
