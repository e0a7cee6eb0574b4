import { PaymentsError } from '@app/payments';

export class InvalidSignatureError extends PaymentsError {
  readonly code = 'INVALID_SIGNATURE';

  constructor(reason: string) {
    super(`The Auth signature of this notification is ${reason}`);
  }
}

export class InvalidNotificationError extends PaymentsError {
  readonly code = 'INVALID_NOTIFICATION';

  constructor(reason: string) {
    super(`The notification body is not a MultiSafepay order: ${reason}`);
  }
}
