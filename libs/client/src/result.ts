import { isNetworkFailure, PaymentsApiError, PaymentsConnectionError } from './errors.js';

/** What every call of the typed client resolves to: `{ data }` on 2xx, `{ error }` otherwise. */
export interface ApiResult<T = unknown> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The success body of a call's result type (undefined for an answer without a body). */
export type DataOf<R extends ApiResult> = [Exclude<R['data'], undefined>] extends [never]
  ? undefined
  : Exclude<R['data'], undefined>;

/** The success body of a result, or the typed error of a non-2xx answer. */
export function dataOrThrow<R extends ApiResult>(result: R, idempotencyKey?: string): DataOf<R> {
  if (!result.response.ok)
    throw new PaymentsApiError(result.response, result.error, idempotencyKey);
  return result.data as DataOf<R>;
}

/**
 * Awaits a call of the typed client and returns its success body, or throws
 * {@link PaymentsApiError} for an error answer and {@link PaymentsConnectionError} when no answer
 * came. Anything else (the caller's own abort, a body that is not JSON) is rethrown as it is.
 *
 * @example const payment = await unwrap(client.GET('/v1/payments/{id}', { params: { path: { id } } }));
 */
export async function unwrap<R extends ApiResult>(call: Promise<R>): Promise<DataOf<R>> {
  let result: R;
  try {
    result = await call;
  } catch (error) {
    throw isNetworkFailure(error) ? new PaymentsConnectionError(error) : error;
  }
  return dataOrThrow(result);
}
