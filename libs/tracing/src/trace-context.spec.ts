import { describe, expect, it } from 'vitest';
import {
  currentTraceparent,
  traceLogFields,
  tracingActive,
  withTraceparent,
} from './trace-context.js';

// With tracing on, the same helpers are exercised against the real SDK in
// test/tracing.e2e-spec.ts (a process of its own: instrumentation patches modules globally).
describe('trace context with tracing off', () => {
  const stored = `00-${'ab'.repeat(16)}-${'cd'.repeat(8)}-01`;

  it('should give no traceparent and no log fields', () => {
    expect(tracingActive()).toBe(false);
    expect(currentTraceparent()).toBeNull();
    expect(traceLogFields()).toEqual({});
  });

  it('should still run the work it wraps, stored context or not, and return its result', async () => {
    expect(withTraceparent(stored, () => 'sent')).toBe('sent');
    await expect(withTraceparent(null, () => Promise.resolve('sent'))).resolves.toBe('sent');
  });
});
