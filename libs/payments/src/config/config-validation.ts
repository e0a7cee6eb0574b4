import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/**
 * Thrown by every config factory. `problems` holds one line per bad variable
 * (`NAME: what is wrong`) so the process can print them and exit 1 without a stack trace.
 */
export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

export function isConfigValidationError(error: unknown): error is ConfigValidationError {
  return (
    error instanceof Error &&
    Array.isArray((error as Partial<ConfigValidationError>).problems) &&
    (error as ConfigValidationError).problems.every((p) => typeof p === 'string')
  );
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => {
    // Decorators run bottom-up: the last constraint is the top-most one (the type check).
    const first = Object.values(e.constraints ?? {}).at(-1);
    if (first === undefined) return describe(e.children ?? []);
    const what = first.startsWith(`${e.property} `) ? first.slice(e.property.length + 1) : first;
    return [`${e.property}: ${what}`];
  });
}

/**
 * Validates the environment variables named by the properties of `schema` (a class-validator
 * class) and returns the typed instance, or throws a `ConfigValidationError`.
 * Empty strings count as unset, so `PORT=` falls back to the default like a missing variable.
 */
export function validateEnv<T extends object>(
  schema: new () => T,
  env: NodeJS.ProcessEnv,
  extraChecks: (config: T) => string[] = () => [],
): T {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const config = plainToInstance(schema, present);
  const problems = describe(validateSync(config, { skipMissingProperties: false }));
  if (problems.length === 0) problems.push(...extraChecks(config));
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return config;
}
