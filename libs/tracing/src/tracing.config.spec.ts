import { describe, expect, it } from 'vitest';
import { otlpProtocol, tracingProblems, tracingRequested } from './tracing.config.js';

const ENDPOINT = 'http://collector:4318';

describe('tracingRequested', () => {
  it('should be off without an OTLP endpoint, or with a blank one', () => {
    expect(tracingRequested({})).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' })).toBe(false);
    expect(tracingRequested({ OTEL_SERVICE_NAME: 'payments-eu' })).toBe(false);
  });

  it('should be on with the general or the traces endpoint', () => {
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: ENDPOINT })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${ENDPOINT}/v1/traces` })).toBe(
      true,
    );
  });

  it('should stay off when OTEL_SDK_DISABLED is true', () => {
    expect(
      tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: ENDPOINT, OTEL_SDK_DISABLED: 'TRUE' }),
    ).toBe(false);
  });
});

describe('otlpProtocol', () => {
  it('should default to http/protobuf, and let the traces variable win', () => {
    expect(otlpProtocol({})).toBe('http/protobuf');
    expect(otlpProtocol({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toBe('http/json');
    expect(
      otlpProtocol({
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf',
      }),
    ).toBe('http/protobuf');
  });
});

describe('tracingProblems', () => {
  it('should find nothing wrong with tracing off, whatever else is set', () => {
    expect(tracingProblems({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toEqual([]);
  });

  it('should accept http(s) endpoints and both HTTP protocols', () => {
    expect(
      tracingProblems({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'https://collector.example',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      }),
    ).toEqual([]);
  });

  it('should name each variable it cannot honour, one line each', () => {
    expect(
      tracingProblems({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4317',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'not a url',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
      }),
    ).toEqual([
      'OTEL_EXPORTER_OTLP_ENDPOINT: must be an http(s) URL',
      'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: must be an http(s) URL',
      'OTEL_EXPORTER_OTLP_PROTOCOL: must be http/protobuf or http/json (grpc is not supported)',
    ]);
  });
});
