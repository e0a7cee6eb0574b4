/**
 * Base of every domain error. `code` is a stable machine-readable string that the global
 * HTTP filter maps to a status; `details` is safe to show to callers (never card data).
 */
export abstract class PaymentsError extends Error {
  abstract readonly code: string;

  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
