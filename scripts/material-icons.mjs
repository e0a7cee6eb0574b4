// `node scripts/material-icons.mjs [--check]`
// Writes apps/console/material-icons: the few icons of @mui/icons-material that react-admin and the
// console import, as a package of the same name that package.json installs in its place (the
// whole package is some 43,000 files, most of `npm ci` on a fresh clone; docs/adr/0010).
// Each icon is copied from the published package of the version named in the subset's
// package.json (`npm pack`, npm's cache), unchanged but for where createSvgIcon comes from.
// `--check` writes nothing and fails when an import has no icon: test/repo/material-icons.spec.ts
// runs it, so a react-admin upgrade that needs another icon says which.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const subset = join(root, 'apps', 'console', 'material-icons');
const check = process.argv.includes('--check');

/** Every file under `dir` (recursively) whose name matches `pattern`. */
function files(dir, pattern) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && pattern.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * The icon names imported (`import X from '@mui/icons-material/Name'`, comments aside) by what
 * the console's build reads: react-admin's ES modules and the console's own sources.
 */
function importedIcons() {
  const sources = [
    ...['react-admin', 'ra-ui-materialui', 'ra-core'].flatMap((p) =>
      files(join(root, 'node_modules', p, 'dist'), /\.js$/),
    ),
    ...files(join(root, 'apps', 'console', 'src'), /\.tsx?$/),
  ];
  const names = new Set();
  for (const file of sources) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const match = /^\s*import\s[^'"]*from\s+['"]@mui\/icons-material\/(\w+)(?:\.js)?['"]/.exec(
        line,
      );
      if (match) names.add(match[1]);
      else if (/^\s*import\s[^'"]*from\s+['"]@mui\/icons-material['"]/.test(line))
        throw new Error(`${file}: imports the whole of @mui/icons-material; import each icon`);
    }
  }
  return [...names].sort();
}

const wanted = importedIcons();
if (check) {
  const missing = wanted.filter((name) => !existsSync(join(subset, `${name}.js`)));
  if (missing.length > 0) {
    console.error(
      `apps/console/material-icons lacks ${missing.join(', ')}: run node scripts/material-icons.mjs`,
    );
    process.exit(1);
  }
  console.log(`apps/console/material-icons has all ${wanted.length} icons imported`);
  process.exit(0);
}

const { version } = JSON.parse(readFileSync(join(subset, 'package.json'), 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'material-icons-'));
try {
  const tarball = execFileSync(
    'npm',
    ['pack', `@mui/icons-material@${version}`, '--pack-destination', scratch, '--silent'],
    { cwd: scratch },
  )
    .toString()
    .trim();
  execFileSync('tar', ['-xzf', join(scratch, tarball), '-C', scratch]);
  for (const file of readdirSync(subset))
    if (/^[A-Z]\w*\.js$/.test(file)) rmSync(join(subset, file));
  for (const name of wanted) {
    const source = readFileSync(join(scratch, 'package', 'esm', `${name}.js`), 'utf8');
    const from = 'import createSvgIcon from "./utils/createSvgIcon.js";';
    if (!source.includes(from)) throw new Error(`${name}: not an icon made by createSvgIcon`);
    writeFileSync(
      join(subset, `${name}.js`),
      source.replace(from, 'import { createSvgIcon } from "@mui/material/utils";'),
    );
  }
  writeFileSync(join(subset, 'LICENSE'), readFileSync(join(scratch, 'package', 'LICENSE'), 'utf8'));
  execFileSync(join(root, 'node_modules', '.bin', 'prettier'), [
    '--write',
    '--log-level=warn',
    subset,
  ]);
  console.log(
    `apps/console/material-icons: ${wanted.length} icons of @mui/icons-material ${version}`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
