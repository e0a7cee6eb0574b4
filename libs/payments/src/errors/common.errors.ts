import { PaymentsError } from './payments.error.js';

export interface FieldProblem {
  field: string;
  messages: string[];
}

/** The request does not satisfy the API contract; `details` names every bad field. */
export class ValidationFailedError extends PaymentsError {
  readonly code = 'VALIDATION_FAILED';

  constructor(readonly problems: FieldProblem[]) {
    super(
      `Invalid request: ${problems.map((p) => `${p.field} ${p.messages.join(', ')}`).join('; ')}`,
      problems,
    );
  }
}

export class PaymentNotFoundError extends PaymentsError {
  readonly code = 'PAYMENT_NOT_FOUND';

  constructor(id: string) {
    super(`No payment '${id}'`);
  }
}
