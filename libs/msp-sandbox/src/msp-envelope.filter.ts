import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { MspError } from './msp-error.js';

/**
 * Answers every error of the sandbox's API in MultiSafepay's envelope, never in the host app's
 * format: malformed JSON, wrong content types and unknown fields included.
 */
@Catch()
export class MspEnvelopeFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const error =
      exception instanceof MspError
        ? exception
        : exception instanceof HttpException && exception.getStatus() < 500
          ? new MspError(
              exception.getStatus() === 413 ? 413 : 400,
              1016,
              'Missing data: the request is not valid JSON',
            )
          : new MspError(500, 9999, 'Unknown error');
    void reply
      .status(error.httpStatus)
      .header('content-type', 'application/json')
      .send(error.body());
  }
}
