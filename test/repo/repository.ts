import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's root, with a trailing slash. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The files git tracks (what a clone has), relative to the root. */
export function trackedFiles(): string[] {
  let out: string;
  try {
    out = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  } catch (error) {
    throw new Error('these checks read the files git tracks: run them in a git clone', {
      cause: error,
    });
  }
  return out.split('\0').filter((path) => path !== '');
}

/** A tracked file's text, or null for a binary file (one with a NUL byte). */
export function readText(path: string): string | null {
  const bytes = readFileSync(`${ROOT}${path}`);
  return bytes.includes(0) ? null : bytes.toString('utf8');
}

/**
 * The anchors of a Markdown document's headings, as GitHub makes them: lower case, everything
 * but letters, digits, spaces, `-` and `_` dropped, spaces as `-`, repeats numbered `-1`, `-2`.
 */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutCodeBlocks(markdown).split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = heading[1]
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** Markdown with its fenced code blocks blanked out (their lines kept, so line numbers hold). */
export function withoutCodeBlocks(markdown: string): string {
  let inFence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        inFence = !inFence;
        return '';
      }
      return inFence ? '' : line;
    })
    .join('\n');
}
