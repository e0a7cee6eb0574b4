import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailedError } from '@app/payments';

/** `:id` as a UUID, or 400 VALIDATION_FAILED naming `id`. */
export const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new ValidationFailedError([{ field: 'id', messages: ['id must be a UUID'] }]),
});
