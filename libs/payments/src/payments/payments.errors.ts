import { PaymentsError } from '../errors/payments.error.js';

export class OrderIdExistsError extends PaymentsError {
  readonly code = 'ORDER_ID_EXISTS';

  constructor(orderId: string) {
    super(`orderId '${orderId}' is already used by another payment`);
  }
}

export class IdempotencyKeyReusedError extends PaymentsError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';

  constructor() {
    super('This Idempotency-Key was already used with a different request body');
  }
}

export class IdempotencyKeyInUseError extends PaymentsError {
  readonly code = 'IDEMPOTENCY_KEY_IN_USE';

  constructor() {
    super('A request with this Idempotency-Key is still being processed; retry shortly');
  }
}

export class IdempotencyKeyMissingError extends PaymentsError {
  readonly code = 'IDEMPOTENCY_KEY_MISSING';

  constructor() {
    super('The Idempotency-Key header is required: 1 to 255 visible ASCII characters');
  }
}
