import { PaymentsError } from '@app/payments';

export class InvalidSignatureError extends PaymentsError {
  readonly code = 'INVALID_SIGNATURE';

  constructor(reason: string) {
    super(`The Auth signature of this notification is ${reason}`);
  }
}
