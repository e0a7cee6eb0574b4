import { readFileSync } from 'node:fs';
import semver from 'semver';
import { ROOT } from './process.js';

interface Manifest {
  engines: { node: string };
  devDependencies: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as Manifest;

/** package.json's `engines.node`: the Node.js releases the service runs and is tested on. */
export const ENGINES_NODE = manifest.engines.node;

/** The `node` devDependency: the release `npm ci` installs and every `npm run` runs on. */
export const PINNED_NODE = manifest.devDependencies.node;

/** The major release those name (24). */
export const NODE_MAJOR = semver.minVersion(ENGINES_NODE)?.major;

/** Whether `version` (`v24.21.0` or `24.21.0`) is one `engines.node` accepts. */
export function supportedNode(version: string): boolean {
  return semver.satisfies(version, ENGINES_NODE);
}
