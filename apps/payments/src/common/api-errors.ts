import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ERROR_STATUS } from '@app/payments';
import { ErrorResponseDto } from './error-response.dto.js';

/** Codes that HttpErrorFilter writes itself, beside the domain errors' ERROR_STATUS. */
const STATUS_OF: Readonly<Record<string, number>> = {
  ...ERROR_STATUS,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

const INTERNAL_ERROR = 'INTERNAL_ERROR: unexpected; quote the requestId to support';
/** Every operation that reaches the database may answer these. */
const ALWAYS = [INTERNAL_ERROR, 'DATABASE_UNAVAILABLE: retry shortly'];

/** What a route with a JSON body may answer before its handler runs. */
export const JSON_BODY_ERRORS = [
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE: larger than BODY_LIMIT_BYTES',
  'UNSUPPORTED_MEDIA_TYPE: send application/json',
] as const;

/**
 * Declares an operation's error answers, each with the error body. An entry is a code, optionally
 * followed by `: a note`; its status comes from the same table the error filter uses, so the
 * document cannot give a code another status than the service does (an unknown code throws when
 * the controller loads). The answer-validation hook of the e2e suite fails any error answer whose
 * status is not declared here. INTERNAL_ERROR and DATABASE_UNAVAILABLE are added.
 */
export function ApiErrors(...entries: readonly string[]): MethodDecorator {
  return declared([...entries, ...ALWAYS]);
}

/** ApiErrors for an operation that never reaches the database (no DATABASE_UNAVAILABLE). */
export function ApiErrorsWithoutDatabase(...entries: readonly string[]): MethodDecorator {
  return declared([...entries, INTERNAL_ERROR]);
}

function declared(entries: readonly string[]): MethodDecorator {
  const byStatus = new Map<number, string[]>();
  for (const entry of entries) {
    const code = /^[A-Z_]+/.exec(entry)?.[0] ?? '';
    const status = STATUS_OF[code];
    if (status === undefined) throw new Error(`ApiErrors: no status is known for '${entry}'`);
    byStatus.set(status, [...(byStatus.get(status) ?? []), entry]);
  }
  return applyDecorators(
    ...[...byStatus].map(([status, described]) =>
      ApiResponse({ status, description: described.join(' · '), type: ErrorResponseDto }),
    ),
  );
}
