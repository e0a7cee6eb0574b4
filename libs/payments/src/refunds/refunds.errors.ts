import { PaymentsError } from '../errors/payments.error.js';

export class NotRefundableError extends PaymentsError {
  readonly code = 'NOT_REFUNDABLE';

  constructor(status: string) {
    super(
      `A payment that is ${status} cannot be refunded; only completed or partially refunded ones can (with manual capture, only what was captured)`,
    );
  }
}

export class RefundExceedsRemainingError extends PaymentsError {
  readonly code = 'REFUND_EXCEEDS_REMAINING';

  constructor(requested: number, remaining: number) {
    super(`The refund of ${requested} exceeds what remains refundable (${remaining})`, {
      requested,
      remaining,
    });
  }
}

export class NotCancellableError extends PaymentsError {
  readonly code = 'NOT_CANCELLABLE';

  constructor(status: string) {
    super(
      `A payment that is ${status} cannot be cancelled; only one still awaiting the shopper (initialized, uncleared) or an authorization (released) can`,
    );
  }
}

export class RefundInProgressError extends PaymentsError {
  readonly code = 'IDEMPOTENCY_KEY_IN_USE';

  constructor() {
    super('A refund with this Idempotency-Key is still being processed; retry shortly');
  }
}
