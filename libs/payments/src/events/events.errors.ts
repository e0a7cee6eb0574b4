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
