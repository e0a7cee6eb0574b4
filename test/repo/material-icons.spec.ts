import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from './repository.js';

/**
 * `@mui/icons-material` is installed from apps/console/material-icons: the icons react-admin and
 * the console import, not the 43,000 files of the published package (docs/adr/0010). An upgrade
 * that imports another icon fails here with its name, before the console's build does.
 */
describe('the Material icons the console is built with', () => {
  it('should hold every icon that react-admin and the console import', () => {
    const out = execFileSync('node', ['scripts/material-icons.mjs', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(out).toMatch(/has all \d+ icons imported/);
  });

  it('should be what npm installs as @mui/icons-material, each icon an SvgIcon from @mui/material', () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
      devDependencies: Record<string, string>;
      overrides: Record<string, string>;
    };
    expect(pkg.devDependencies['@mui/icons-material']).toBe('file:apps/console/material-icons');
    expect(pkg.overrides['@mui/icons-material']).toBe('$@mui/icons-material');
    const dir = `${ROOT}apps/console/material-icons`;
    const icons = readdirSync(dir).filter((f) => f.endsWith('.js'));
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons)
      expect(readFileSync(`${dir}/${icon}`, 'utf8'), icon).toMatch(
        /^import \{ createSvgIcon \} from '@mui\/material\/utils';$/m,
      );
  });
});
