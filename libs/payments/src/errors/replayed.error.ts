import { PaymentsError } from './payments.error.js';

/** A stored error answer, replayed for a repeated Idempotency-Key. */
export class ReplayedError extends PaymentsError {
  constructor(
    readonly code: string,
    message: string,
    details?: unknown,
  ) {
    super(message, details);
  }
}
