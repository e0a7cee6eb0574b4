import { existsSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingAnchors, readText, ROOT, trackedFiles, withoutCodeBlocks } from './repository.js';

/**
 * The repository explains itself: code, tests, scripts and docs cite only what a clone has
 * (docs/design.md, docs/multisafepay.md and the other docs/ pages, by their headings' anchors),
 * never design notes or research kept elsewhere, nor their numbered sections.
 */
const THIS_FILE = 'test/repo/citations.spec.ts';

const OUTSIDE: readonly { pattern: RegExp; what: string }[] = [
  {
    pattern: /\bdesign(\.md)?\s*§/i,
    what: 'a numbered section of a design note outside the repository',
  },
  {
    pattern: /\bDESIGN\.md\b/,
    what: 'a design note outside the repository (docs/design.md is ours)',
  },
  {
    pattern: /\bmsp-api\.md\b/i,
    what: 'a research note outside the repository (see docs/multisafepay.md)',
  },
  {
    pattern: /\bmsp-capture-tokens\.md\b/i,
    what: 'a research note outside the repository (see docs/multisafepay.md)',
  },
  { pattern: /\b(STYLE|TOOLING)\.md\b/, what: 'a note outside the repository' },
  { pattern: /(\.\.\/)+shared\b|\/work\//i, what: 'a path outside the repository' },
  { pattern: /§\s*\d/, what: 'a numbered section (cite a doc of ours and its heading instead)' },
];

interface TextFile {
  path: string;
  text: string;
}

const tracked = trackedFiles();
const trackedSet = new Set(tracked);
const texts: TextFile[] = tracked
  .filter(
    (path) => path !== THIS_FILE && path !== 'package-lock.json' && existsSync(`${ROOT}${path}`),
  )
  .flatMap((path) => {
    const text = readText(path);
    return text === null ? [] : [{ path, text }];
  });

const anchorsOf = new Map<string, Set<string>>();
function anchors(doc: string): Set<string> {
  let found = anchorsOf.get(doc);
  if (!found) {
    found = headingAnchors(readText(doc) ?? '');
    anchorsOf.set(doc, found);
  }
  return found;
}

/** A tracked file, or a directory holding tracked files. */
function inRepository(path: string): boolean {
  if (trackedSet.has(path)) return true;
  const prefix = path.endsWith('/') ? path : `${path}/`;
  return tracked.some((file) => file.startsWith(prefix));
}

/** Where `target`, named in `from`, is: relative to that file, else to the root. */
function resolve(from: string, target: string): string | null {
  for (const candidate of [normalize(join(dirname(from), target)), normalize(target)]) {
    const path = candidate.replace(/\/$/, '');
    if (!path.startsWith('..') && inRepository(path)) return path;
  }
  return null;
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

describe('the repository cites only itself', () => {
  it('should read the tracked files', () => {
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.some((f) => f.path === 'docs/design.md')).toBe(true);
  });

  it('should cite no document outside the repository', () => {
    const found: string[] = [];
    for (const { path, text } of texts) {
      for (const { pattern, what } of OUTSIDE) {
        const global = new RegExp(pattern.source, `${pattern.flags}g`);
        for (const m of text.matchAll(global)) {
          found.push(`${path}:${lineOf(text, m.index)}: "${m[0]}" is ${what}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('should find every cited doc and heading (`docs/<page>.md#<anchor>`)', () => {
    const broken: string[] = [];
    const cited = /(?<![\w/.-])((?:[\w.-]+\/)*[\w.-]+\.md)#([\w-]+)/g;
    let citations = 0;
    for (const { path, text } of texts) {
      for (const m of text.matchAll(cited)) {
        citations++;
        const doc = resolve(path, m[1]);
        const where = `${path}:${lineOf(text, m.index)}`;
        if (doc === null) broken.push(`${where}: ${m[1]} is not in the repository`);
        else if (!anchors(doc).has(m[2])) broken.push(`${where}: ${doc} has no heading #${m[2]}`);
      }
    }
    expect(citations).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });

  it('should resolve every relative link of the Markdown files, and its heading', () => {
    const broken: string[] = [];
    for (const { path, text } of texts.filter((f) => f.path.endsWith('.md'))) {
      const prose = withoutCodeBlocks(text).replace(/`[^`\n]*`/g, (code) =>
        ' '.repeat(code.length),
      );
      for (const m of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1];
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
        const [file, anchor] = target.split('#', 2) as [string, string | undefined];
        const where = `${path}:${lineOf(text, m.index)}`;
        const doc = file === '' ? path : resolve(path, file);
        if (doc === null) {
          broken.push(`${where}: ${file} is not in the repository`);
        } else if (anchor !== undefined && doc.endsWith('.md') && !anchors(doc).has(anchor)) {
          broken.push(`${where}: ${doc} has no heading #${anchor}`);
        } else if (
          anchor !== undefined &&
          !doc.endsWith('.md') &&
          statSync(`${ROOT}${doc}`).isDirectory()
        ) {
          broken.push(`${where}: ${doc} is a directory, it has no #${anchor}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
