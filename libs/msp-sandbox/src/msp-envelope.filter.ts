import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { MspError } from './msp-error.js';

function fromHttp(exception: HttpException): MspError {
  const status = exception.getStatus();
  const cause = exception.cause as { code?: unknown } | undefined;
  if (
    typeof cause?.code === 'string' &&
    cause.code.startsWith('FST_ERR_CTP_') &&
    cause.code.includes('JSON')
  ) {
    return new MspError(400, 1016, 'Missing data: the body is not valid JSON');
  }
  switch (status) {
    case 404:
      return new MspError(404, 1000, 'Not found');
    case 413:
      return new MspError(413, 1016, 'Missing data: the body is too large');
    case 415:
      return new MspError(415, 1016, 'Missing data: send the body as application/json');
    default:
      return status < 500
        ? new MspError(status, 1016, 'Missing data: bad request')
        : new MspError(500, 9999, 'Unknown error');
  }
}

/**
 * Answers every error of the sandbox in MultiSafepay's envelope, never in the host app's
 * format: malformed JSON, wrong content types and unknown routes included.
 */
@Catch()
export class MspEnvelopeFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const error =
      exception instanceof MspError
        ? exception
        : exception instanceof HttpException
          ? fromHttp(exception)
          : new MspError(500, 9999, 'Unknown error');
    void reply
      .status(error.httpStatus)
      .header('content-type', 'application/json')
      .send(error.body());
  }
}
