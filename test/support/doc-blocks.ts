import { execFileSync } from 'node:child_process';

/** The ```bash blocks of a markdown text. */
export function bashBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

/**
 * Runs a documented block as a reader would paste it (bash, strict mode), with `from` replaced
 * by `to` (the documented port by the test's), and returns what it printed and the text its
 * `# expect:` line says the output must contain.
 */
export function runBlock(
  block: string,
  from: string,
  to: string,
  cwd?: string,
): { output: string; expected: string | undefined } {
  const output = execFileSync('bash', ['-euo', 'pipefail', '-c', block.replaceAll(from, to)], {
    encoding: 'utf8',
    cwd,
  });
  const expected = /^# expect: (.*)$/m.exec(block)?.[1]?.replaceAll(from, to);
  return { output, expected };
}
