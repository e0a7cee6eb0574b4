// `node bench/start-time.mjs [--source <repo>] [--branch <name>] [--commit <id>] [--repeat 3] [--keep]`
// The README's first command on a fresh clone, timed: `git clone <source>` (this checkout's
// repository by default, its current branch, or that branch's `--commit`) into a new directory under the system's temp
// folder, then `npm ci --no-audit --no-fund && npm start` until `GET /health/ready` answers 200.
// Prints, per run and as the median of the runs: npm ci seconds, build seconds (from `npm start`
// to the end of scripts/build.mjs, with the service's and the console's halves, which run at
// once), boot seconds (from there to ready), and the total; then the CPU seconds of each step
// (Linux), which a busy machine changes much less than the wall-clock ones: npm ci and its
// children, the build and its children, and for boot every process of `npm start` at ready less
// the build's (so npm's own start-up counts as boot). The clone is not timed. npm's cache
// (~/.npm) is whatever the machine has: warm after one `npm ci` of the same lockfile. Run it on
// a quiet machine (the team's heavy-run lock): it measures the machine as much as the project.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const here = new URL('..', import.meta.url).pathname;
const { values: args } = parseArgs({
  options: {
    source: { type: 'string', default: here },
    branch: { type: 'string' },
    commit: { type: 'string' },
    repeat: { type: 'string', default: '3' },
    // Leave the clones in place (their paths are printed).
    keep: { type: 'boolean', default: false },
  },
});
const branch =
  args.branch ?? execFileSync('git', ['-C', here, 'branch', '--show-current']).toString().trim();
const repeat = Math.max(1, Number(args.repeat));

/** The fields of /proc/<pid>/stat after the command's name (the 3rd field first); null if gone. */
function stat(pid) {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  } catch {
    return null;
  }
}
/** CPU seconds (utime, stime, then the waited-for children's) from stat fields; USER_HZ 100. */
const cpuSeconds = (fields, from, to) =>
  fields.slice(from, to).reduce((sum, field) => sum + Number(field), 0) / 100;
/** CPU seconds of the children this process waited for (NaN without /proc). */
const childrenCpu = () => {
  const fields = stat('self');
  return fields ? cpuSeconds(fields, 13, 15) : NaN;
};
/** CPU seconds of every process in group `pgid`, with the children they waited for. */
function groupCpu(pgid) {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const fields = stat(pid);
    if (fields && Number(fields[2]) === pgid) total += cpuSeconds(fields, 11, 15);
  }
  return total;
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs `command` in `cwd` with its output discarded; resolves with its wall-clock seconds. */
function timedRun(command, args, cwd) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve((performance.now() - started) / 1000)
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

async function ready(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

async function once(run) {
  const dir = mkdtempSync(join(tmpdir(), `start-time-${run}-`));
  execFileSync('git', ['clone', '--quiet', '--branch', branch, args.source, dir]);
  if (args.commit) execFileSync('git', ['-C', dir, 'checkout', '--quiet', args.commit]);
  const commit = execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD']).toString().trim();
  const load = loadavg()[0].toFixed(2);
  const cpuBefore = childrenCpu();
  const npmCi = await timedRun('npm', ['ci', '--no-audit', '--no-fund'], dir);
  const npmCiCpu = childrenCpu() - cpuBefore;

  const port = await freePort();
  const started = performance.now();
  // Its own process group, so that npm, the build and the service stop together.
  const start = spawn('npm', ['start'], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), BUILD_TIMINGS: '1', LOG_LEVEL: 'warn' },
  });
  let output = '';
  let built; // { at, service, console }
  const collect = (chunk) => {
    output += chunk;
    const match =
      /build-timings service=([\d.]+) console=([\d.]+) total=[\d.]+ cpu=([\d.]+|NaN)/.exec(output);
    if (match && !built)
      built = {
        at: performance.now(),
        service: Number(match[1]),
        console: Number(match[2]),
        cpu: Number(match[3]),
      };
  };
  start.stdout.on('data', collect);
  start.stderr.on('data', collect);
  let exited = false;
  start.on('exit', () => (exited = true));
  try {
    for (;;) {
      if (exited) throw new Error(`npm start exited before it was ready:\n${output}`);
      if (performance.now() - started > 300_000) throw new Error('not ready within 300 s');
      if (await ready(port)) break;
      await sleep(100);
    }
    const readyAt = performance.now();
    const startCpu = stat('self') ? groupCpu(start.pid) : NaN;
    if (!built) throw new Error(`no build-timings line from scripts/build.mjs:\n${output}`);
    return {
      commit,
      load,
      npmCi,
      build: (built.at - started) / 1000,
      service: built.service,
      console: built.console,
      boot: (readyAt - built.at) / 1000,
      total: npmCi + (readyAt - started) / 1000,
      npmCiCpu,
      buildCpu: built.cpu,
      bootCpu: startCpu - built.cpu,
      dir,
    };
  } finally {
    try {
      process.kill(-start.pid, 'SIGTERM');
    } catch {
      // Gone already.
    }
    while (!exited) await sleep(50);
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
  }
}

const s = (value) => value.toFixed(1).padStart(6);
console.log(
  `start time of ${args.source} (${branch}), ${repeat} run(s); npm cache: ${process.env.npm_config_cache ?? '~/.npm'}`,
);
console.log(
  'run  commit   load1 | wall s: npm ci  build (service, console)   boot  total | CPU s: npm ci  build   boot',
);
const runs = [];
for (let run = 1; run <= repeat; run++) {
  const r = await once(run);
  runs.push(r);
  console.log(
    `${String(run).padEnd(4)} ${r.commit.padEnd(8)} ${r.load.padStart(5)} |      ${s(r.npmCi)} ${s(r.build)} (${s(r.service)}, ${s(r.console)}) ${s(r.boot)} ${s(r.total)} |     ${s(r.npmCiCpu)} ${s(r.buildCpu)} ${s(r.bootCpu)}${args.keep ? `  ${r.dir}` : ''}`,
  );
}
const median = (key) => {
  const sorted = runs.map((r) => r[key]).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
console.log(
  `median              |      ${s(median('npmCi'))} ${s(median('build'))} (${s(median('service'))}, ${s(median('console'))}) ${s(median('boot'))} ${s(median('total'))} |     ${s(median('npmCiCpu'))} ${s(median('buildCpu'))} ${s(median('bootCpu'))}`,
);
