// `node bench/profile.mjs <file.cpuprofile> [--window a,b] [--top 25]`: where a V8 CPU
// profile's time goes. Take one with
// `BENCH_SERVICE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench …` (written when
// the service exits); each measured run's line then gives its `profile window µs`, and
// `--window` keeps only the samples in it (no start-up, no warm-up, no other scenario).
// Prints JSON lines: the profile's busy and idle time, self time by package (node_modules
// package, Node.js core module, our own code under dist/, GC), our own functions by self time,
// then every function by self time. V8's builtins (JSON.parse, a socket's writev, Buffer
// copies, …) have no script of their own: their time is counted to the package that called them.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' }, window: { type: 'string', default: '' } },
});
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const TOP = Number(args.top);

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const [from, to] = args.window ? args.window.split(',').map(Number) : [-Infinity, Infinity];

/** Self time in µs by node id, from the samples and the time between them. */
const self = new Map();
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i];
  if (at < from || at > to) return;
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
});

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** Where a script belongs: a package, a Node.js core module, our code, or undefined. */
function owner(url) {
  if (!url) return undefined;
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [a, b] = url.slice(modules + '/node_modules/'.length).split('/');
    return a.startsWith('@') ? `${a}/${b}` : a;
  }
  if (url.startsWith('node:')) {
    const path = url.slice('node:'.length).replace(/^internal\/(deps\/)?/, '');
    return `node:${path.split('/')[0].replace(/\.js$/, '')}`;
  }
  const ours = url.match(/\/dist\/((?:apps|libs)\/[^/]+)\//);
  if (ours) return `ours: ${ours[1]}`;
  return url;
}

/** The package of a node, or of its nearest caller with a script for a builtin. */
function packageOf(node) {
  const name = node.callFrame.functionName;
  if (SPECIAL.has(name)) return name;
  for (let n = node; n; n = byId.get(parent.get(n.id))) {
    const pkg = owner(n.callFrame.url);
    if (pkg) return pkg;
  }
  return '(V8 builtins, no caller script)';
}

/** A function's name and place: package and line, or the package a builtin was called from. */
function label(node) {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  if (SPECIAL.has(name)) return name;
  const pkg = owner(url);
  if (!pkg) return `${name} (builtin, from ${packageOf(node)})`;
  const file = pkg.startsWith('ours: ')
    ? url.slice(url.indexOf('/dist/') + '/dist/'.length)
    : url.slice(url.lastIndexOf('/') + 1);
  return `${name} ${pkg.startsWith('ours: ') ? '' : `${pkg} `}${file}:${lineNumber + 1}`;
}

let total = 0;
let idle = 0;
const packages = new Map();
const functions = new Map();
const hottest = new Map();
for (const [id, us] of self) {
  const node = byId.get(id);
  total += us;
  if (node.callFrame.functionName === '(idle)') idle += us;
  const pkg = packageOf(node);
  packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  const where = label(node);
  hottest.set(where, (hottest.get(where) ?? 0) + us);
  if (pkg.startsWith('ours: ') && owner(node.callFrame.url)) {
    functions.set(where, (functions.get(where) ?? 0) + us);
  }
}

const busy = total - idle;
const pct = (us) => Number(((100 * us) / busy).toFixed(1));
console.log(
  JSON.stringify({
    'profiled s': Number((total / 1e6).toFixed(1)),
    'busy s': Number((busy / 1e6).toFixed(1)),
    'idle %': Number(((100 * idle) / total).toFixed(1)),
    note: '% below are of the busy time (all but idle)',
  }),
);
for (const [name, us] of [...packages].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
  if (name !== '(idle)') console.log(JSON.stringify({ package: name, 'self % of busy': pct(us) }));
}
let oursTotal = 0;
for (const [name, us] of packages) if (name.startsWith('ours: ')) oursTotal += us;
console.log(JSON.stringify({ package: 'ours (all)', 'self % of busy': pct(oursTotal) }));
for (const [name, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
  console.log(JSON.stringify({ 'our function': name, 'self % of busy': pct(us) }));
}
for (const [name, us] of [...hottest].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
  if (name !== '(idle)') console.log(JSON.stringify({ function: name, 'self % of busy': pct(us) }));
}
