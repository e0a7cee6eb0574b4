// Starts tracing as main.js does (OTEL_* from the environment), then shows what the trace-context
// helpers give the event relay: one JSON line on stdout. STORED_TRACEPARENT: what an event kept.
import { createServer, get } from 'node:http';

const tracing = await import(new URL('../../dist/libs/tracing/src/index.js', import.meta.url).href);
const started = await tracing.startTracing(process.env);
const stored = process.env.STORED_TRACEPARENT;

// A receiver standing in for a webhook endpoint: it reports the traceparent a delivery carried.
const server = createServer((req, res) => res.end(req.headers.traceparent ?? ''));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const deliver = () =>
  new Promise((resolve, reject) => {
    get(`http://127.0.0.1:${server.address().port}/hook`, (res) => {
      let body = '';
      res.on('data', (d) => (body += d)).on('end', () => resolve(body));
    }).on('error', reject);
  });

const result = {
  active: tracing.tracingActive(),
  outside: tracing.currentTraceparent(),
  inside: tracing.withTraceparent(stored, () => tracing.currentTraceparent()),
  delivered: await tracing.withTraceparent(stored, deliver),
  withoutStored: await tracing.withTraceparent(null, deliver),
  logFields: tracing.withTraceparent(stored, () => tracing.traceLogFields()),
};
server.close();
await started.shutdown();
process.stdout.write(`${JSON.stringify(result)}\n`);
