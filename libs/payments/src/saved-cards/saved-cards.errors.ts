import { PaymentsError } from '../errors/payments.error.js';

/** No such saved card for that customer (another customer's card id included: never confirmed). */
export class SavedCardNotFoundError extends PaymentsError {
  readonly code = 'SAVED_CARD_NOT_FOUND';

  constructor(customerReference: string, id: string) {
    super(`Customer '${customerReference}' has no saved card '${id}'`);
  }
}

/** The saved card was deleted: it can no longer pay. */
export class SavedCardDeletedError extends PaymentsError {
  readonly code = 'SAVED_CARD_DELETED';

  constructor(id: string) {
    super(`The saved card '${id}' was deleted; ask the customer for the card again`);
  }
}

/**
 * The stored token could not be decrypted: the key is not configured (rotation not finished) or
 * the row was altered. Never a silent fallback: the payment is refused.
 */
export class SavedCardUnreadableError extends PaymentsError {
  readonly code = 'SAVED_CARD_UNREADABLE';

  constructor(id: string, reason: string) {
    super(
      `The saved card '${id}' cannot be used: ${reason}. See docs/operations.md (token encryption key)`,
    );
  }
}
