import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { transitionDiagramMermaid, transitionTableMarkdown } from './lifecycle-doc.js';

const doc = readFileSync(new URL('../../../../docs/lifecycle.md', import.meta.url), 'utf8');

function section(name: string): string {
  const match = new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)\\n<!-- ${name}:end -->`).exec(
    doc,
  );
  if (!match?.[1]) throw new Error(`docs/lifecycle.md has no ${name} section`);
  return match[1];
}

describe('docs/lifecycle.md', () => {
  it("should show exactly the code's transition table", () => {
    expect(section('transition-table')).toBe(transitionTableMarkdown());
  });

  it("should draw exactly the code's transitions", () => {
    expect(section('transition-diagram')).toBe(transitionDiagramMermaid());
  });
});
