// over-400: tracing: one suite, with the OTLP collector and span helpers it needs.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, createPayment, DEV_KEY, paymentRequest } from './support/api.js';
import { findCardData } from './support/card-data.js';
import { TestSubscriber } from './support/subscriber.js';
import {
  ensureBuilt,
  freePort,
  MAIN,
  ROOT,
  spawnNode,
  waitForReady,
  type Spawned,
} from './support/process.js';

// The caller's W3C trace context: the API span must continue this trace, under this span.
const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';
const OTEL_MARKERS = [
  '@opentelemetry',
  '@fastify/otel',
  'import-in-the-middle',
  'require-in-the-middle',
];

/** OTLP's span kinds. */
const SpanKind = { SERVER: 2, CLIENT: 3 } as const;

type AttributeValue = string | number | boolean;

interface Span {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  scope: string;
  service: AttributeValue | undefined;
  attrs: Record<string, AttributeValue>;
}

/** OTLP/JSON as the exporter sends it (ids in hex, attribute values wrapped by type). */
interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: string | number; boolValue?: boolean };
}
interface OtlpExport {
  resourceSpans: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans: {
      scope: { name: string };
      spans: {
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        kind: number;
        attributes?: OtlpAttribute[];
      }[];
    }[];
  }[];
}

function attributes(list: OtlpAttribute[] = []): Record<string, AttributeValue> {
  return Object.fromEntries(
    list.map(({ key, value }) => [
      key,
      value.stringValue ?? value.boolValue ?? Number(value.intValue ?? Number.NaN),
    ]),
  );
}

/** An OTLP/HTTP collector in miniature: keeps every export it is sent on /v1/traces. */
class OtlpReceiver {
  readonly bodies: string[] = [];
  readonly spans: Span[] = [];
  readonly contentTypes = new Set<string>();
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.method === 'POST' && req.url === '/v1/traces') {
        this.contentTypes.add(String(req.headers['content-type']));
        this.bodies.push(body);
        this.decode(JSON.parse(body) as OtlpExport);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  port = 0;

  async start(): Promise<void> {
    this.port = await freePort();
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  trace(traceId: string): Span[] {
    return this.spans.filter((s) => s.traceId === traceId);
  }

  private decode(exported: OtlpExport): void {
    for (const { resource, scopeSpans } of exported.resourceSpans) {
      const service = attributes(resource?.attributes)['service.name'];
      for (const { scope, spans } of scopeSpans) {
        for (const span of spans) {
          this.spans.push({
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId ?? '',
            name: span.name,
            kind: span.kind,
            scope: scope.name,
            service,
            attrs: attributes(span.attributes),
          });
        }
      }
    }
  }
}

async function eventually<T>(probe: () => T | undefined, what: string, timeoutMs = 20_000) {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Service {
  url: string;
  process: Spawned;
  logFile: string;
  moduleLog: string;
  stop(): Promise<void>;
}

// Generous: the start-up of a process is slow on a loaded two-core machine.
const START_TIMEOUT_MS = 150_000;
const spawned: Spawned[] = [];

afterAll(async () => {
  // A start that timed out leaves no handle to stop: end whatever is still running.
  for (const child of spawned) {
    if (child.child.exitCode === null && child.child.signalCode === null) {
      child.child.kill('SIGKILL');
      await child.exited;
    }
  }
});

/** The built service as `npm start` runs it, recording the modules it loads. */
async function startService(name: string, env: Record<string, string>): Promise<Service> {
  const port = await freePort();
  const logFile = join(inject('logDir'), `${name}-${Date.now()}.log`);
  const moduleLog = join(inject('logDir'), `${name}-${Date.now()}.modules`);
  const moduleLogger = pathToFileURL(join(ROOT, 'test/support/module-log.mjs')).href;
  const database: Record<string, string> = process.env.DATABASE_URL
    ? { DATABASE_URL: process.env.DATABASE_URL }
    : { DATA_DIR: 'memory://' };
  const child = spawnNode(MAIN, {
    PORT: String(port),
    ...database,
    LOG_LEVEL: 'info',
    LOG_FILE: logFile,
    NODE_OPTIONS: `--import=${moduleLogger}`,
    MODULE_LOG: moduleLog,
    ...env,
  });
  spawned.push(child);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(url, START_TIMEOUT_MS);
  } catch (error) {
    child.child.kill('SIGKILL');
    throw new Error(`${String(error)}\n${child.output()}`, { cause: error });
  }
  return {
    url,
    process: child,
    logFile,
    moduleLog,
    stop: async () => {
      child.child.kill('SIGTERM');
      await child.exited;
      rmSync(moduleLog, { force: true });
    },
  };
}

function logLines(file: string): Record<string, unknown>[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('OpenTelemetry tracing, with OTEL_EXPORTER_OTLP_ENDPOINT set', () => {
  const receiver = new OtlpReceiver();
  let service: Service;

  beforeAll(async () => {
    ensureBuilt();
    await receiver.start();
    service = await startService('tracing-on', {
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${receiver.port}`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
  }, START_TIMEOUT_MS + 10_000);

  afterAll(async () => {
    await service?.stop();
    await receiver.close();
  });

  it("should export a payment as one trace: the caller's, through the database and MultiSafepay", async () => {
    const created = await createPayment(service.url, paymentRequest(), {
      headers: { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` },
    });
    expect(created.status).toBe(201);

    const gatewayPath = '/sandbox/v1/json/orders';
    // Spans arrive in batches as they end; the API span ends last, with the response.
    const isApi = (s: Span) =>
      s.scope === '@opentelemetry/instrumentation-http' &&
      s.kind === SpanKind.SERVER &&
      s.attrs['url.path'] === '/v1/payments';
    const spans = await eventually(() => {
      const trace = receiver.trace(CALLER_TRACE);
      return trace.some(isApi) &&
        trace.some((s) => s.kind === SpanKind.SERVER && s.attrs['url.path'] === gatewayPath) &&
        trace.some((s) => s.scope === '@opentelemetry/instrumentation-pg')
        ? trace
        : undefined;
    }, 'the trace with the API, database and gateway spans');
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const descendsFrom = (span: Span, ancestor: Span): boolean => {
      for (let s = byId.get(span.parentSpanId); s; s = byId.get(s.parentSpanId)) {
        if (s === ancestor) return true;
      }
      return false;
    };

    // The API span: our HTTP server span, a child of the caller's span.
    const api = spans.find(isApi);
    expect(api).toMatchObject({
      parentSpanId: CALLER_SPAN,
      service: 'payments',
      attrs: { 'http.request.method': 'POST', 'http.response.status_code': 201 },
    });
    const apiSpan = api!;

    // Fastify's spans, from @fastify/otel: the route and the Nest handler that served it.
    const route = spans.find(
      (s) => s.scope === '@fastify/otel' && s.attrs['http.route'] === '/v1/payments',
    );
    expect(route?.parentSpanId).toBe(apiSpan.spanId);
    const handler = spans.find((s) => s.name === 'handler - PaymentsController.create');
    expect(handler?.parentSpanId).toBe(route?.spanId);

    // The database: the payment's own statements, under the API span. (Others in the trace come
    // from the webhook the sandbox sends; their parents may still be on their way.)
    const queries = spans.filter(
      (s) =>
        s.scope === '@opentelemetry/instrumentation-pg' &&
        s.name.startsWith('pg.query') &&
        descendsFrom(s, apiSpan),
    );
    expect(queries.length).toBeGreaterThan(0);
    for (const query of queries) expect(query.attrs['db.system.name']).toBe('postgresql');
    expect(queries.some((q) => String(q.attrs['db.query.text']).includes('payments'))).toBe(true);

    // The gateway call, and MultiSafepay's side (the sandbox) continuing it from `traceparent`.
    const gateway = spans.find(
      (s) => s.kind === SpanKind.CLIENT && String(s.attrs['url.full']).endsWith(gatewayPath),
    );
    expect(gateway?.attrs['http.request.method']).toBe('POST');
    expect(descendsFrom(gateway!, apiSpan)).toBe(true);
    const sandbox = spans.find(
      (s) => s.kind === SpanKind.SERVER && s.attrs['url.path'] === gatewayPath,
    );
    expect(sandbox?.parentSpanId).toBe(gateway?.spanId);

    // The request's log line names the same trace.
    const logged = logLines(service.logFile).find(
      (line) => (line.req as { url?: string } | undefined)?.url === '/v1/payments',
    );
    expect(logged).toMatchObject({ trace_id: CALLER_TRACE, span_id: expect.any(String) });

    // Exports carry no card data and no credential; probes are not traced.
    const exported = receiver.bodies.join('\n');
    expect(findCardData(exported)).toEqual([]);
    expect(exported).not.toContain(DEV_KEY);
    expect(receiver.spans.some((s) => String(s.attrs['url.path']).startsWith('/health'))).toBe(
      false,
    );
    expect(receiver.contentTypes).toEqual(new Set(['application/json']));

    // The module recorder the next describe relies on does see OpenTelemetry when it loads.
    const modules = readFileSync(service.moduleLog, 'utf8');
    expect(modules).toContain('@opentelemetry/sdk-trace-node');
    expect(modules).toContain('@fastify/otel');
  });

  it("should deliver the payment's events within the caller's trace", async () => {
    const trace = 'ef'.repeat(16);
    const subscriber = new TestSubscriber();
    await subscriber.start();
    try {
      const endpoint = await call<{ id: string; secret: string }>(
        service.url,
        'POST',
        '/v1/webhook-endpoints',
        {
          url: subscriber.url,
          eventTypes: ['payment.completed'],
        },
      );
      expect(endpoint.status).toBe(201);
      const created = await createPayment<{ id: string }>(service.url, paymentRequest(), {
        headers: { traceparent: `00-${trace}-${'12'.repeat(8)}-01` },
      });
      await subscriber.waitFor(() => subscriber.eventsFor(created.body.id).length === 1, 20_000);
      const delivery = subscriber.accepted.find((d) => d.event.paymentId === created.body.id);
      // The relay sends it later, outside the request, yet in the request's trace.
      expect(delivery?.headers.traceparent).toMatch(new RegExp(`^00-${trace}-[0-9a-f]{16}-01$`));
      const deliverySpan = String(delivery?.headers.traceparent).split('-')[2];
      const exported = await eventually(
        () => receiver.spans.find((s) => s.spanId === deliverySpan),
        'the delivery span',
      );
      expect(exported).toMatchObject({ kind: SpanKind.CLIENT, traceId: trace });
      await call(service.url, 'DELETE', `/v1/webhook-endpoints/${endpoint.body.id}`);
    } finally {
      await subscriber.stop();
    }
  });

  it('should let work done later (the event relay) continue a stored trace and pass it on', async () => {
    const stored = `00-${'ab'.repeat(16)}-${'cd'.repeat(8)}-01`;
    const probe = spawnNode(join(ROOT, 'test/support/trace-context-probe.mjs'), {
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${receiver.port}`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      STORED_TRACEPARENT: stored,
    });
    expect(await probe.exited).toBe(0);
    const line = probe
      .output()
      .split('\n')
      .find((l) => l.startsWith('{"active"'));
    const seen = JSON.parse(line ?? '{}') as Record<string, unknown>;

    expect(seen.active).toBe(true);
    expect(seen.outside).toBeNull();
    expect(seen.inside).toBe(stored);
    expect(seen.logFields).toEqual({ trace_id: 'ab'.repeat(16), span_id: 'cd'.repeat(8) });
    // The delivery's HTTP call is a span of the stored trace, and says so downstream.
    expect(seen.delivered).toMatch(new RegExp(`^00-${'ab'.repeat(16)}-[0-9a-f]{16}-01$`));
    const deliverySpan = String(seen.delivered).split('-')[2];
    const exported = await eventually(
      () => receiver.spans.find((s) => s.spanId === deliverySpan),
      'the delivery span',
    );
    expect(exported).toMatchObject({ kind: SpanKind.CLIENT, parentSpanId: 'cd'.repeat(8) });
    // Without a stored context, the delivery is a trace of its own.
    expect(seen.withoutStored).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(String(seen.withoutStored)).not.toContain('ab'.repeat(16));
  });
});

describe('OpenTelemetry tracing, with OTEL_EXPORTER_OTLP_ENDPOINT unset', () => {
  let service: Service;

  beforeAll(async () => {
    ensureBuilt();
    service = await startService('tracing-off', {});
  }, START_TIMEOUT_MS + 10_000);

  afterAll(async () => {
    await service?.stop();
  });

  it('should load no OpenTelemetry module and log no trace ids', async () => {
    const created = await createPayment(service.url, paymentRequest(), {
      headers: { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` },
    });
    expect(created.status).toBe(201);
    const modules = readFileSync(service.moduleLog, 'utf8');
    expect(modules).toContain('/node_modules/pg/');
    // prom-client requires the OpenTelemetry API (a no-op facade) for exemplars, tracing or
    // not: that, and only that, may load.
    const loaded = modules
      .split('\n')
      .filter((line) => OTEL_MARKERS.some((marker) => line.includes(marker)))
      .filter(
        (line) =>
          line !==
            '@opentelemetry/api <- ' +
              join(ROOT, 'node_modules/prom-client/lib/metrics/processCpuTotal.js') &&
          !line.includes(' <- ' + join(ROOT, 'node_modules/@opentelemetry/api/')),
      );
    expect(loaded).toEqual([]);
    // The request's line is written once its answer has gone out, so it may follow the answer.
    const requestLogged = () =>
      logLines(service.logFile).some(
        (l) => (l.req as { url?: string } | undefined)?.url === '/v1/payments',
      );
    await expect.poll(requestLogged, { timeout: 5_000 }).toBe(true);
    expect(logLines(service.logFile).filter((l) => 'trace_id' in l)).toEqual([]);
  });
});
