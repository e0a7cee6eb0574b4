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

/**
 * MultiSafepay already has an order with this id (error 1006 on POST /orders). A rejection like
 * any other to the caller; to a retry of a create whose answer was lost, it means the earlier
 * attempt got through.
 */
export class GatewayOrderIdTakenError extends GatewayRejectedError {
  constructor(
    readonly orderId: string,
    gatewayCode: number,
    gatewayMessage: string,
  ) {
    super(gatewayCode, gatewayMessage);
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

/** What a money-moving call's outcome (a refund, a capture) records when the call threw. */
export type GatewayCallFailure =
  | { status: 'failed'; error: { code: string; message: string; gatewayCode: number } }
  | { status: 'unknown' };

/**
 * MultiSafepay's refusal is final: the operation `failed`, with its reason. Anything else (a
 * timeout, a broken connection, a 5xx) leaves it `unknown`: it may have happened, and a retry
 * with the same key settles it by looking at the order, never by calling again blindly.
 */
export function gatewayCallFailure(error: unknown): GatewayCallFailure {
  if (error instanceof GatewayRejectedError) {
    return {
      status: 'failed',
      error: { code: error.code, message: error.message, gatewayCode: error.gatewayCode },
    };
  }
  return { status: 'unknown' };
}
