import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from './event-types.js';

const doc = readFileSync(new URL('../../../../docs/events.md', import.meta.url), 'utf8');

/** The types in the first column of docs/events.md's catalogue. */
function catalogue(): string[] {
  const section = doc.slice(doc.indexOf('\n## Catalogue\n')).split(/\n## (?!Catalogue)/)[0];
  return [...section.matchAll(/^\|\s*`([a-z_]+\.[a-z_]+)`\s*\|/gm)].map((m) => m[1]);
}

describe('docs/events.md', () => {
  it('should list every event type in its catalogue, and no other', () => {
    expect(catalogue().sort()).toEqual([...EVENT_TYPES].sort());
  });
});
