// The processes the bench starts (sandbox, service, bare floor servers) and the ports they take.
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { createServer } from 'node:net';
import { HERE, ROOT } from './options.mjs';

/** The processes the bench started (for their CPU time). */
export const children = {};

// Distinct free ports: every listener stays open until all ports are known, or the kernel may
// hand the same port out twice (seen: the sandbox and the service on one port, EADDRINUSE).
export async function freePorts(n) {
  const servers = Array.from({ length: n }, () => createServer());
  await Promise.all(
    servers.map((s) => new Promise((resolve) => s.listen(0, '127.0.0.1', resolve))),
  );
  const ports = servers.map((s) => s.address().port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/** Every process the bench started and has not stopped. */
const running = new Set();

export function start(entry, env) {
  // BENCH_SERVICE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the service
  // (BENCH_SANDBOX_NODE_ARGS the sandbox).
  const service = entry.includes('apps/payments');
  const extra = service ? process.env.BENCH_SERVICE_NODE_ARGS : process.env.BENCH_SANDBOX_NODE_ARGS;
  // The flags `npm start` and the Dockerfile run both with (a 64 MiB young generation).
  const nodeArgs = ['--max-semi-space-size=64', ...(extra ?? '').split(' ').filter(Boolean)];
  // BENCH_SERVICE_LOG=/tmp/service.log keeps the service's log (its stdout) instead of none.
  const log =
    service && process.env.BENCH_SERVICE_LOG
      ? openSync(process.env.BENCH_SERVICE_LOG, 'a')
      : 'ignore';
  // On the bench's own Node.js (the header's `node`): under `npm run bench`, the `node`
  // devDependency; `BENCH_BUILD` compares builds, another Node.js compares runtimes.
  const child = spawn(
    process.execPath,
    [...nodeArgs, entry.startsWith('bench/') ? HERE + entry : entry],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', log, 'inherit'],
    },
  );
  running.add(child);
  // A process that ends on its own voids every figure after it (connection errors, or nothing
  // at all to measure): stop the bench instead of printing them.
  child.once('exit', (code, signal) => {
    if (!running.delete(child)) return;
    console.error(`${entry} exited (${code ?? signal}) during the bench`);
    for (const other of running) stop(other);
    process.exit(1);
  });
  return child;
}

export function stop(child) {
  running.delete(child);
  child.kill('SIGTERM');
}

export async function stopAndWait(child) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  stop(child);
  await exited;
}

export async function waitFor(url) {
  for (let i = 0; i < 600; i += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}
