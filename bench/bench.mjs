// `npm run bench [-- --rows 1000000 --duration 20 --connections 64 --repeat 1 --rate 0 --only name,…
//   --levels 25,50,75,90 --embedded]` (BENCH_POOL_SIZE: the service's DATABASE_POOL_SIZE, 20;
//   BENCH_BUILD: another checkout, built, whose service and sandbox to measure)
// Starts the standalone MultiSafepay sandbox and the built service (DATABASE_URL, or embedded),
// loads them with autocannon (closed loop: capacity), then creates and reads again open loop at
// fractions of that capacity (latency), and compares them with floors: the same database work
// done directly with `pg`, the same HTTP exchanges with a bare server, the same read with both.
//
// The parts: options.mjs (these options), processes.mjs (starting the sandbox, the service and
// the bare servers), measure.mjs (the closed and open loops, with cpu.mjs's CPU accounting),
// scenarios.mjs (what is asked of the service), floors.mjs (the floors and the ceiling),
// database.mjs (seeding and settling) and report.mjs (what is printed).
import { rowCount, seed, settle } from './database.mjs';
import { floors } from './floors.mjs';
import { API_KEY, args, DATABASE_URL, MSP_KEY, ROWS } from './options.mjs';
import { children, freePorts, start, stop, stopAndWait, waitFor } from './processes.mjs';
import { footer, header, line, serviceTargets } from './report.mjs';
import { creates, eventsScenario, openCreate, serviceScenarios } from './scenarios.mjs';

async function main() {
  const [sandboxPort, port] = await freePorts(2);
  const url = DATABASE_URL;
  header(url);
  const sandbox = (children.sandbox = start('dist/apps/msp-sandbox/src/main.js', {
    PORT: String(sandboxPort),
    MSP_SANDBOX_API_KEYS: MSP_KEY,
    MSP_SANDBOX_MAX_ORDERS: '200000',
  }));
  const serviceEnv = {
    ...(url
      ? { DATABASE_URL: url, DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE ?? '20' }
      : { DATA_DIR: 'memory://' }),
    MSP_ENV: 'test',
    MSP_API_KEY: MSP_KEY,
    MSP_BASE_URL: `http://127.0.0.1:${sandboxPort}/v1/json`,
    MSP_NOTIFICATION_METHOD: 'POST',
    API_KEYS: `bench:${API_KEY}`,
    LOG_LEVEL: 'warn',
    RECONCILE_INTERVAL_MS: '0',
    // One key drives the whole load: the per-key limit would measure itself.
    RATE_LIMIT_PER_SECOND: '0',
  };
  let service = (children.service = start('dist/apps/payments/src/main.js', {
    PORT: String(port),
    ...serviceEnv,
  }));
  try {
    await waitFor(`http://127.0.0.1:${sandboxPort}/sandbox-admin/faults`);
    await waitFor(`http://127.0.0.1:${port}/health/ready`);
    if (ROWS > 0 && url) await seed(url, ROWS);
    if (url) line({ 'payments in the table': await rowCount(url) });
    await settle(url);
    const base = `http://127.0.0.1:${port}`;
    // This run's figures for the targets (docs/performance.md), printed last.
    const targets = {};
    const { create, createOpen, read, readPath, openRead } = await serviceScenarios({
      base,
      sandboxPort,
    });

    if (create && (!args.only || args.only.includes('events'))) {
      // The events scenario runs its own service (with a subscriber and RabbitMQ); this one stops.
      await stopAndWait(service);
      service = await eventsScenario({ port, serviceEnv, create, targets });
    }

    serviceTargets(targets, { create, createOpen, read, embedded: !url });
    if (!url) {
      line({
        note: 'the floors are measured on DATABASE_URL only (PGlite serves one connection)',
      });
    } else if (!args.only || args.only.includes('floor')) {
      await floors({
        url,
        sandboxPort,
        creates,
        openCreate,
        create,
        readPath,
        openRead,
        read,
        targets,
      });
    }
    footer(targets);
  } finally {
    stop(service);
    stop(sandbox);
  }
}

await main();
