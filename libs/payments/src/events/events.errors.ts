import { PaymentsError } from '../errors/payments.error.js';

export class EventNotFoundError extends PaymentsError {
  readonly code = 'EVENT_NOT_FOUND';

  constructor(id: string) {
    super(`No event '${id}'`);
  }
}

export class WebhookEndpointNotFoundError extends PaymentsError {
  readonly code = 'WEBHOOK_ENDPOINT_NOT_FOUND';

  constructor(id: string) {
    super(`No webhook endpoint '${id}'`);
  }
}

/**
 * A webhook endpoint's URL points where deliveries must not go (docs/events.md, "Which URLs are
 * refused"). `reason` says why in words; it is also what a refused delivery records.
 */
export class EndpointAddressRefusedError extends PaymentsError {
  readonly code = 'ENDPOINT_ADDRESS_REFUSED';

  constructor(readonly reason: string) {
    super(`The endpoint URL is refused: ${reason}`, [{ field: 'url', messages: [reason] }]);
  }
}
