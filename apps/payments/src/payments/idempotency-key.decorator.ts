import { createParamDecorator, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import { IdempotencyKeyMissingError } from '@app/payments';
import type { FastifyRequest } from 'fastify';

/** 1–255 visible ASCII characters (docs/design.md#internal-api). */
const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,255}$/;

const idempotencyKeyHeader = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string | undefined =>
    ctx.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'] as
      string | undefined,
);

class IdempotencyKeyPipe implements PipeTransform<string | undefined, Promise<string>> {
  async transform(key: string | undefined): Promise<string> {
    if (key && IDEMPOTENCY_KEY.test(key)) return key;
    // A request that is wrong in more than the key is answered about the rest (a malformed id or
    // body: VALIDATION_FAILED), as when the key was checked in the handler. Nest runs the pipes of
    // all arguments at once and answers the first failure; theirs finish within this turn of the
    // event loop (no I/O), so this one waits for the next before it fails.
    await new Promise<void>((resolve) => setImmediate(resolve));
    throw new IdempotencyKeyMissingError();
  }
}

const idempotencyKeyPipe = new IdempotencyKeyPipe();

/**
 * The request's `Idempotency-Key` header, checked: without one, or with one that is not 1–255
 * visible ASCII characters, the request is refused with 400 IDEMPOTENCY_KEY_MISSING. The contract
 * declares the header with `@ApiHeader` on each route, as each says what its key is kept for.
 */
export const IdempotencyKey = (): ParameterDecorator =>
  idempotencyKeyHeader(undefined, idempotencyKeyPipe);
