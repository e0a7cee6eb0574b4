import { PaymentsError } from '@app/payments';

export class UnauthenticatedError extends PaymentsError {
  readonly code = 'UNAUTHENTICATED';

  constructor() {
    super('Missing or invalid API key: send Authorization: Bearer <secret>');
  }
}

export class ForbiddenError extends PaymentsError {
  readonly code = 'FORBIDDEN';

  constructor(scope: string) {
    super(`This API key lacks the scope '${scope}'`);
  }
}
