import { PaymentsError } from '../errors/payments.error.js';

/** MultiSafepay answered with an error envelope (`success: false`) other than a card decline. */
export class GatewayRejectedError extends PaymentsError {
  readonly code = 'GATEWAY_REJECTED';

  constructor(
    readonly gatewayCode: number,
    readonly gatewayMessage: string,
  ) {
    super(`MultiSafepay rejected the request: ${gatewayMessage} (${gatewayCode})`, {
      gatewayCode,
      gatewayMessage,
    });
  }
}

/** The order does not exist at MultiSafepay (error 1006 on GET). */
export class GatewayOrderNotFoundError extends PaymentsError {
  readonly code = 'GATEWAY_ORDER_NOT_FOUND';

  constructor(readonly orderId: string) {
    super(`MultiSafepay has no order '${orderId}'`);
  }
}

/**
 * MultiSafepay keeps no such token for that customer (error 1000 on a token read). The message
 * names the customer, never the token: a token can charge a card.
 */
export class GatewayTokenNotFoundError extends PaymentsError {
  readonly code = 'GATEWAY_TOKEN_NOT_FOUND';

  constructor(readonly customerReference: string) {
    super(`MultiSafepay has no such saved card for customer '${customerReference}'`);
  }
}

/** MultiSafepay could not be reached, answered 5xx, or answered something that is not its API. */
export class GatewayUnavailableError extends PaymentsError {
  readonly code = 'GATEWAY_UNAVAILABLE';

  constructor(reason: string) {
    super(`MultiSafepay is unavailable: ${reason}`);
  }
}

/**
 * The call timed out or the connection broke after the request was sent: MultiSafepay may or may
 * not have acted on it. Callers must settle the outcome by reading the order, never by retrying
 * with a new order id.
 */
export class GatewayTimeoutError extends PaymentsError {
  readonly code = 'GATEWAY_TIMEOUT';

  constructor(operation: string, timeoutMs: number) {
    super(
      `MultiSafepay did not answer ${operation} within ${timeoutMs} ms; the outcome is unknown`,
    );
  }
}
