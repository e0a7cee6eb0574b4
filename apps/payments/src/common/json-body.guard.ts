import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { PaymentsError } from '@app/payments';
import type { FastifyRequest } from 'fastify';

export class UnsupportedMediaTypeError extends PaymentsError {
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';

  constructor() {
    super('Send the body as application/json');
  }
}

/** Refuses bodies that are not JSON before validation sees them (Fastify also parses text/plain). */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const type = context.switchToHttp().getRequest<FastifyRequest>().headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) throw new UnsupportedMediaTypeError();
    return true;
  }
}
