import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import { ERROR_STATUS, PaymentsError } from '@app/payments';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestIdOf } from './request-id.js';
import { loggedUrl } from './logger.js';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
  requestId: string;
}

const HTTP_CODES: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

interface FrameworkError {
  statusCode: number;
  code?: string;
  message: string;
}

function isFrameworkClientError(error: unknown): error is FrameworkError {
  const e = error as Partial<FrameworkError> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.statusCode === 'number' &&
    e.statusCode >= 400 &&
    e.statusCode < 500
  );
}

// Connection refused/reset, PostgreSQL shutting down or not accepting connections, pool timeouts.
const DATABASE_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: unknown; driverError?: { code?: unknown } };
  const code = e.code ?? e.driverError?.code;
  return (
    (typeof code === 'string' && DATABASE_DOWN_CODES.has(code)) ||
    /Connection terminated|timeout exceeded when trying to connect|Connection ended/i.test(
      e.message,
    )
  );
}

/**
 * One mapping from errors to the error body of docs/design.md#errors. Domain errors carry their code; Nest and Fastify
 * client errors (malformed JSON, body too large, unknown route) keep their 4xx; anything else is
 * a 500 whose internals are logged, never sent.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  /**
   * `delegates`: path prefixes whose errors another filter formats (the mounted sandbox answers
   * in MultiSafepay's envelope, also for errors raised before its controllers, like bad JSON).
   */
  constructor(private readonly delegates: { prefix: string; filter: ExceptionFilter }[] = []) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const delegate = this.delegates.find((d) => request.url.startsWith(d.prefix));
    if (delegate) {
      delegate.filter.catch(exception, host);
      return;
    }
    const reply = http.getResponse<FastifyReply>();
    const { status, body } = this.toResponse(exception, requestIdOf(request));
    if (status >= 500) {
      this.logger.error(
        { err: exception, requestId: body.requestId },
        `${request.method} ${loggedUrl(request.url)} failed: ${body.error.code}`,
      );
    }
    if (status === 401) void reply.header('www-authenticate', 'Bearer');
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  toResponse(exception: unknown, requestId: string): { status: number; body: ErrorBody } {
    if (exception instanceof PaymentsError) {
      const status = ERROR_STATUS[exception.code];
      if (status === undefined) return this.internal(requestId);
      const error: ErrorBody['error'] = { code: exception.code, message: exception.message };
      if (exception.details !== undefined) error.details = exception.details;
      return { status, body: { error, requestId } };
    }
    if (exception instanceof HttpException) {
      if (isFrameworkClientError(exception.cause))
        return this.toResponse(exception.cause, requestId);
      const status = exception.getStatus();
      // Terminus answers 503 when a dependency is down: keep it, readiness probes rely on it.
      if (status === 503) {
        return {
          status,
          body: { error: { code: 'SERVICE_UNAVAILABLE', message: exception.message }, requestId },
        };
      }
      if (status >= 500) return this.internal(requestId);
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? String(response.message)
          : exception.message;
      return {
        status,
        body: { error: { code: HTTP_CODES[status] ?? 'BAD_REQUEST', message }, requestId },
      };
    }
    if (isFrameworkClientError(exception)) {
      // JSON.parse's messages quote the input, which may hold a card number: never echo them.
      if (
        exception instanceof SyntaxError ||
        exception.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
        exception.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
      ) {
        return {
          status: 400,
          body: {
            error: { code: 'MALFORMED_JSON', message: 'The body is not valid JSON' },
            requestId,
          },
        };
      }
      const status = exception.statusCode;
      const code = HTTP_CODES[status] ?? 'BAD_REQUEST';
      return { status, body: { error: { code, message: exception.message }, requestId } };
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        status: 503,
        body: {
          error: {
            code: 'DATABASE_UNAVAILABLE',
            message: 'The database is unavailable; retry shortly',
          },
          requestId,
        },
      };
    }
    return this.internal(requestId);
  }

  private internal(requestId: string): { status: number; body: ErrorBody } {
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: {
        error: {
          code: 'INTERNAL_ERROR',
          message: 'Internal error; quote the requestId to support',
        },
        requestId,
      },
    };
  }
}
