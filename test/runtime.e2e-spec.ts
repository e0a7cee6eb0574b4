import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/process.js';
import { ENGINES_NODE, NODE_MAJOR, PINNED_NODE, supportedNode } from './support/runtime.js';

/**
 * The runtime (docs/adr/0009-runtime-node-24.md): `npm ci` installs the `node` devDependency,
 * whose binary is first on every `npm run` PATH, so `npm start`, `npm test` and `npm run bench`
 * run on it whatever Node.js the machine has.
 */
describe('the Node.js runtime', () => {
  it('should pin a release of the major that package.json engines names', () => {
    expect(NODE_MAJOR).toBe(24);
    expect(supportedNode(PINNED_NODE), `node ${PINNED_NODE} vs engines ${ENGINES_NODE}`).toBe(true);
  });

  it('should install that release as node_modules/.bin/node', () => {
    const bin = `${ROOT}node_modules/.bin/node`;
    // Missing when `npm ci` skipped the `node` package's install script (allowScripts).
    expect(existsSync(bin), `${bin}: run npm ci (scripts allowed)`).toBe(true);
    expect(execFileSync(bin, ['-p', 'process.version'], { encoding: 'utf8' }).trim()).toBe(
      `v${PINNED_NODE}`,
    );
  });

  it('should run the tests on it', () => {
    expect(process.version, 'run the tests with `npm test` (or `npx vitest`)').toBe(
      `v${PINNED_NODE}`,
    );
  });

  it('should give a child process that starts `node` from PATH the same Node.js', () => {
    // As the tests' services, the bench's and the README's examples start it.
    const version = execFileSync('node', ['-p', 'process.version'], {
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
    }).trim();
    expect(version).toBe(process.version);
  });

  it('should build and run the Docker image on the same major release', () => {
    const images = [...readFileSync(`${ROOT}Dockerfile`, 'utf8').matchAll(/^FROM (\S+)/gm)].map(
      (m) => m[1],
    );
    expect(images).toEqual([
      `node:${NODE_MAJOR}-bookworm-slim`,
      `node:${NODE_MAJOR}-bookworm-slim`,
    ]);
  });

  it("should run every installed package on a Node.js its engines accept (npm ci checks the system Node's)", () => {
    const lock = JSON.parse(readFileSync(`${ROOT}package-lock.json`, 'utf8')) as {
      packages: Record<string, { engines?: { node?: unknown } }>;
    };
    const checked = Object.entries(lock.packages).filter(
      ([path, entry]) => typeof entry.engines?.node === 'string' && existsSync(`${ROOT}${path}`),
    );
    const refusing = checked
      .filter(
        ([, entry]) =>
          !semver.satisfies(process.version, String(entry.engines?.node), {
            includePrerelease: true,
          }),
      )
      .map(([path, entry]) => `${path || 'package.json'}: node ${String(entry.engines?.node)}`);
    expect(checked.length).toBeGreaterThan(100);
    expect(refusing).toEqual([]);
  });
});
