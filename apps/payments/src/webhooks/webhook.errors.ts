import { PaymentsError } from '@app/payments';

export class InvalidSignatureError extends PaymentsError {
  readonly code = 'INVALID_SIGNATURE';

  constructor(reason: string) {
    super(`The Auth signature of this notification is ${reason}`);
  }
}

export class SourceNotAllowedError extends PaymentsError {
  readonly code = 'SOURCE_NOT_ALLOWED';

  constructor() {
    super('This address may not deliver notifications (WEBHOOK_ALLOWED_CIDRS)');
  }
}

export class WebhookRateLimitedError extends PaymentsError {
  readonly code = 'RATE_LIMITED';

  constructor() {
    super('Too many notifications from this address; retry later');
  }
}
