/**
 * The general helpers of the hand-written SQL (ADR 0005): building a statement's parameters and
 * reading PostgreSQL's errors. Depends on nothing, so every repository can use it.
 */

/** Adds a value to a statement's parameters and returns its placeholder (`$1`, `$2`, …). */
export type Param = (value: unknown) => string;

/** The parameters of one statement, in the order their placeholders were handed out. */
export class SqlParams {
  readonly values: unknown[] = [];

  readonly add: Param = (value) => {
    this.values.push(value);
    return `$${this.values.length}`;
  };
}

/** Runs one statement (a transaction's manager, or a statement of its own) and returns its rows. */
export type RunStatement = (text: string, values: unknown[]) => Promise<unknown[]>;

/** Whether `error` is PostgreSQL's unique violation (23505) of the constraint named. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown };
  return e.code === '23505' && e.constraint === constraint;
}
