import { PAYMENT_STATUSES } from './payment-status.js';
import { TRANSITIONS } from './transition-table.js';

/** The markdown table of docs/lifecycle.md, generated from TRANSITIONS. */
export function transitionTableMarkdown(): string {
  const rows = PAYMENT_STATUSES.map((from) => {
    const to = TRANSITIONS[from];
    return `| ${from} | ${to.length > 0 ? to.join(', ') : '—'} |`;
  });
  return ['| from | to |', '| --- | --- |', ...rows].join('\n');
}

/** The mermaid state diagram of docs/lifecycle.md, generated from TRANSITIONS. */
export function transitionDiagramMermaid(): string {
  const edges = PAYMENT_STATUSES.flatMap((from) =>
    TRANSITIONS[from].map((to) => `  ${from} --> ${to}`),
  );
  return ['```mermaid', 'stateDiagram-v2', '  [*] --> created', ...edges, '```'].join('\n');
}
