// Builds the service with tsc + tsc-alias (rewrites the @app/<lib> aliases to relative ESM paths)
// and the operators' console (apps/console) with Vite into dist/console, both at once.
// `--if-needed` skips each part whose output is newer than every one of its sources, so
// `npm start` stays quick; each part has its own stamp, so a change to one rebuilds only it.
// BUILD_TIMINGS=1 prints one line with each part's seconds (bench/start-time.mjs reads it).
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
const serviceStamp = join(dist, '.build-stamp');
const consoleStamp = join(dist, '.console-build-stamp');
const ifNeeded = process.argv.includes('--if-needed');

/** The newest mtime of the files under `dir` whose names pass `wanted`, skipping `skip` dirs. */
function newestSource(dir, wanted, skip = []) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // libs/client builds into its own dist/ (npm run client:build): not a source of anything here.
      if (entry.name !== 'dist' && entry.name !== 'node_modules' && !skip.includes(path))
        newest = Math.max(newest, newestSource(path, wanted, skip));
    } else if (wanted(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const mtime = (path) => statSync(path).mtimeMs;
const fresh = (stamp, sources) => ifNeeded && existsSync(stamp) && mtime(stamp) > sources();

// One build at a time (test files and scripts may start one together): the others wait for it,
// then find their output fresh. A lock whose build process is gone is taken over.
const lock = join(root, '.build-lock');
const holder = join(lock, 'pid');
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}
for (;;) {
  try {
    mkdirSync(lock);
    writeFileSync(holder, String(process.pid));
    break;
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    const pid = Number(existsSync(holder) ? readFileSync(holder, 'utf8') : NaN);
    // No pid yet: its holder is between mkdir and write; give it a moment.
    if (Number.isInteger(pid) && pid > 0 && !alive(pid))
      rmSync(lock, { recursive: true, force: true });
    await sleep(200);
  }
}
process.on('exit', () => rmSync(lock, { recursive: true, force: true }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const consoleSrc = join(root, 'apps', 'console');
const serviceUpToDate = fresh(serviceStamp, () =>
  Math.max(
    newestSource(join(root, 'apps'), (name) => name.endsWith('.ts'), [consoleSrc]),
    newestSource(join(root, 'libs'), (name) => name.endsWith('.ts')),
    mtime(join(root, 'tsconfig.json')),
    mtime(join(root, 'package-lock.json')),
  ),
);
// The console is built from its own folder (sources, index.html, config) and the typed client.
const consoleUpToDate = fresh(consoleStamp, () =>
  Math.max(
    newestSource(consoleSrc, (name) => !name.endsWith('.spec.ts')),
    newestSource(join(root, 'libs', 'client', 'src'), (name) => name.endsWith('.ts')),
    mtime(join(root, 'package-lock.json')),
  ),
);

const bin = (name) => join(root, 'node_modules', '.bin', name);
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')}: ${signal ?? code}`)),
    );
  });
}

async function buildService() {
  // Everything but the console's output, which the other half of the build owns.
  if (existsSync(dist)) {
    for (const entry of readdirSync(dist)) {
      if (entry !== 'console' && entry !== '.console-build-stamp')
        rmSync(join(dist, entry), { recursive: true, force: true });
    }
  }
  await run(bin('tsc'), ['-p', 'tsconfig.build.json']);
  await run(bin('tsc-alias'), ['-p', 'tsconfig.build.json']);
  writeFileSync(serviceStamp, '');
}

async function buildConsole() {
  rmSync(consoleStamp, { force: true });
  // Vite in a process of its own: rolldown's threads run beside tsc on the other core.
  await run(bin('vite'), [
    'build',
    '--config',
    join(consoleSrc, 'vite.config.ts'),
    '--logLevel',
    'warn',
  ]);
  writeFileSync(consoleStamp, '');
}

/** Runs `build` and returns its wall-clock seconds. */
async function timed(build) {
  const started = performance.now();
  await build();
  return (performance.now() - started) / 1000;
}

mkdirSync(dist, { recursive: true });
const builds = [];
const startedAt = performance.now();
if (!serviceUpToDate) builds.push(timed(buildService));
else builds.push(Promise.resolve(0));
if (!consoleUpToDate) builds.push(timed(buildConsole));
else builds.push(Promise.resolve(0));
const results = await Promise.allSettled(builds);
if (process.env.BUILD_TIMINGS === '1') {
  const [service, console_] = results.map((r) => (r.status === 'fulfilled' ? r.value : NaN));
  const total = (performance.now() - startedAt) / 1000;
  // CPU seconds of this script and the builds it waited for (Linux: /proc; elsewhere NaN).
  let cpu = NaN;
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    const ticks = fields.slice(11, 15).reduce((sum, field) => sum + Number(field), 0);
    cpu = ticks / 100;
  } catch {
    // No /proc.
  }
  console.log(
    `build-timings service=${service.toFixed(2)} console=${console_.toFixed(2)} total=${total.toFixed(2)} cpu=${cpu.toFixed(2)}`,
  );
}
const failed = results.filter((r) => r.status === 'rejected');
if (failed.length > 0) {
  for (const f of failed) console.error(f.reason instanceof Error ? f.reason.message : f.reason);
  process.exit(1);
}
