import { PaymentsError } from '../errors/payments.error.js';

export class CaptureExceedsAuthorizedError extends PaymentsError {
  readonly code = 'CAPTURE_EXCEEDS_AUTHORIZED';

  constructor(requested: number, capturable: number) {
    super(`The capture of ${requested} exceeds what is still capturable (${capturable})`, {
      requested,
      capturable,
    });
  }
}

export class AuthorizationExpiredError extends PaymentsError {
  readonly code = 'AUTHORIZATION_EXPIRED';

  constructor(expiresAt: Date | null) {
    super(
      expiresAt
        ? `The authorization lapsed at ${expiresAt.toISOString()}: nothing can be captured any more`
        : 'The authorization has lapsed: nothing can be captured any more',
    );
  }
}

/** Capture or release asked of a payment that is not an open authorization. */
export class NotAuthorizedError extends PaymentsError {
  readonly code = 'ILLEGAL_TRANSITION';

  constructor(status: string, captureMode: string, action: 'captured' | 'released') {
    super(
      captureMode === 'manual'
        ? `A payment that is ${status} cannot be ${action}; only an authorized one can`
        : `Only a payment created with captureMode manual can be ${action}`,
    );
  }
}

export class CaptureInProgressError extends PaymentsError {
  readonly code = 'IDEMPOTENCY_KEY_IN_USE';

  constructor() {
    super('A capture with this Idempotency-Key is still being processed; retry shortly');
  }
}
