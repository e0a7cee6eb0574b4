// `npm run client:example`: the README's typed-client walk-through, run the way another service
// would run it. The client is built and packed (npm pack), installed into a scratch project, the
// example is compiled there against the installed package's types and run against PAYMENTS_URL
// (default http://127.0.0.1:3000, so `npm start` in another terminal). test/client-package.e2e-spec.ts
// does the same against a service of its own.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLIENT_DIR = fileURLToPath(new URL('..', import.meta.url));
export const EXAMPLES_DIR = join(CLIENT_DIR, 'examples');
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Builds the client and packs it as it would be published.
 * @param {string} destination
 * @returns {{ tarball: string, files: string[] }} the tarball's path and the files it holds
 */
export function packClient(destination) {
  execFileSync('npm', ['run', 'build'], {
    cwd: CLIENT_DIR,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const packed = execFileSync(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
    { cwd: CLIENT_DIR, encoding: 'utf8' },
  );
  const [info] = JSON.parse(packed);
  return {
    tarball: join(destination, info.filename),
    files: info.files.map((/** @type {{ path: string }} */ f) => f.path).sort(),
  };
}

/**
 * Makes `dir` a TypeScript project that depends on the packed client, as `npm install <tarball>`
 * would, but offline: the package's declared dependencies (and @types/node, which a TypeScript
 * service has anyway) are linked from this repository's node_modules. Whatever the client uses
 * without declaring it is missing there, as it would be for a real consumer.
 * @param {string} dir
 * @param {string} tarball
 */
export function installConsumer(dir, tarball) {
  const target = join(dir, 'node_modules', '@msp-direct', 'payments-client');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
  for (const name of [...Object.keys(manifest.dependencies ?? {}), '@types/node']) {
    const link = join(dir, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), link, 'dir');
  }
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2023',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        types: ['node'],
        rootDir: '.',
        outDir: 'out',
      },
      include: ['*.ts'],
    }),
  );
}

/**
 * Copies the examples into the consumer project and compiles them there (strict).
 * @param {string} dir
 */
export function compileExamples(dir) {
  for (const file of readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.ts')))
    copyFileSync(join(EXAMPLES_DIR, file), join(dir, file));
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', dir], { stdio: 'inherit' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = mkdtempSync(join(tmpdir(), 'payments-client-example-'));
  try {
    const { tarball } = packClient(dir);
    installConsumer(dir, tarball);
    compileExamples(dir);
    console.log(`walk-through against ${process.env.PAYMENTS_URL ?? 'http://127.0.0.1:3000'}:`);
    execFileSync('node', [join(dir, 'out', 'walk-through.js')], { cwd: dir, stdio: 'inherit' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
