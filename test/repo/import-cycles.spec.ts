import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './repository.js';

/**
 * No import cycles in libs/ and apps/ (docs/architecture.md#layering): a cycle means two modules
 * are one, and with ES modules it means a class can be read before it is defined. Every import
 * counts, `import type` and `import()` too. Each file's imports are read by TypeScript's own
 * pre-processor; `@app/<lib>` is the lib's index (tsconfig.json `paths`).
 */

const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;

/** The files below libs/ and apps/ that a clone would have (tracked, or new and not ignored). */
function sourceFiles(): string[] {
  const out = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard', 'libs', 'apps'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return out
    .split('\0')
    .filter((path) => SOURCE.test(path) && !path.endsWith('.d.ts') && existsSync(join(ROOT, path)));
}

const PATHS = (
  ts.readConfigFile(join(ROOT, 'tsconfig.json'), (path) => readFileSync(path, 'utf8')).config as {
    compilerOptions: { paths: Record<string, string[]> };
  }
).compilerOptions.paths;

/** The file an import names, relative to the root; null for a package outside the repository. */
function resolve(from: string, specifier: string, files: Set<string>): string | null {
  let base: string;
  if (specifier.startsWith('.')) base = normalize(join(dirname(from), specifier));
  else if (PATHS[specifier]?.[0]) base = normalize(PATHS[specifier][0]);
  else return null;
  const stem = base.replace(/\.(js|mjs|ts|mts|tsx)$/, '');
  const candidates = [
    base,
    `${stem}.ts`,
    `${stem}.tsx`,
    `${stem}.mts`,
    `${stem}.js`,
    `${stem}.mjs`,
  ];
  candidates.push(`${base}/index.ts`, `${base}/index.js`);
  return candidates.find((c) => files.has(c)) ?? null;
}

/** Each file's imports of other files of the repository. */
export function importGraph(): Map<string, string[]> {
  const list = sourceFiles();
  const files = new Set(list);
  const graph = new Map<string, string[]>();
  for (const file of list) {
    const info = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
    const targets = info.importedFiles
      .map((i) => resolve(file, i.fileName, files))
      .filter((t): t is string => t !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * The cycles of a graph: its strongly connected components with more than one file, or one file
 * importing itself (Tarjan's algorithm), each sorted, the files as given.
 */
export function cyclesOf(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) {
      cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

describe('import cycles', () => {
  it('should find none in libs/ and apps/', () => {
    const graph = importGraph();
    // The walk must see the project: the domain's index and its imports are there.
    expect(graph.get('libs/payments/src/index.ts')?.length ?? 0).toBeGreaterThan(10);
    expect(graph.get('apps/payments/src/app.module.ts')).toContain('libs/payments/src/index.ts');
    const cycles = cyclesOf(graph).map((c) => c.map((f) => relative('.', f)).join(' ⇄ '));
    expect(cycles).toEqual([]);
  });

  it('should report a cycle, a self-import, and not a diamond', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
      ['f.ts', ['g.ts', 'h.ts']],
      ['g.ts', ['i.ts']],
      ['h.ts', ['i.ts']],
      ['i.ts', []],
    ]);
    expect(cyclesOf(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });

  it('should read type-only imports, re-exports and import() as imports', () => {
    const info = ts.preProcessFile(
      [
        "import type { A } from './a.js';",
        "export * from './b.js';",
        "const c = await import('./c.js');",
      ].join('\n'),
      true,
      true,
    );
    expect(info.importedFiles.map((i) => i.fileName)).toEqual(['./a.js', './b.js', './c.js']);
  });
});
