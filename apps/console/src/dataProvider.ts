import { unwrap, type Schema } from '@app/client';
import {
  HttpError,
  type CreateParams,
  type DataProvider,
  type DeleteParams,
  type GetListParams,
  type GetListResult,
  type GetManyParams,
  type GetOneParams,
  type RaRecord,
  type UpdateParams,
} from 'react-admin';
import { CursorBook, endOfDay, startOfDay } from './cursors.js';
import { api, plainMessage, statusOf } from './session.js';

type Filter = Record<string, string | undefined>;
type PaymentStatus = Schema<'PaymentResponseDto'>['status'];
type EventType = Schema<'EventDto'>['type'];

const cursors = new CursorBook();

/** Every call goes through the typed client; its errors become react-admin's, in plain words. */
async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw new HttpError(plainMessage(error), statusOf(error) ?? 0, { error });
  }
}

function nonEmpty(filter: Filter, name: string): string | undefined {
  const value = filter[name]?.trim();
  return value === '' ? undefined : value;
}

function page<T extends RaRecord>(
  list: string,
  pageNumber: number,
  data: readonly T[],
  next: string | null | undefined,
): GetListResult<T> {
  cursors.record(list, pageNumber, next);
  return {
    data: [...data],
    pageInfo: { hasNextPage: cursors.hasNext(list, pageNumber), hasPreviousPage: pageNumber > 1 },
  };
}

async function listPayments(pageNumber: number, perPage: number, filter: Filter) {
  const query = {
    q: nonEmpty(filter, 'q'),
    status: nonEmpty(filter, 'status') as PaymentStatus | undefined,
    createdFrom: filter.createdFrom ? startOfDay(filter.createdFrom) : undefined,
    createdTo: filter.createdTo ? endOfDay(filter.createdTo) : undefined,
    limit: perPage,
  };
  const list = `payments:${JSON.stringify(query)}`;
  const at = cursors.cursorFor(list, pageNumber);
  const result = await unwrap(
    api().GET('/v1/payments', { params: { query: { ...query, cursor: at.cursor } } }),
  );
  return page(list, at.page, result.data, result.nextCursor);
}

async function listEvents(pageNumber: number, perPage: number, filter: Filter) {
  const query = { type: nonEmpty(filter, 'type') as EventType | undefined, limit: perPage };
  const list = `events:${JSON.stringify(query)}`;
  const at = cursors.cursorFor(list, pageNumber);
  const result = await unwrap(
    api().GET('/v1/events', { params: { query: { ...query, after: at.cursor } } }),
  );
  // The feed's cursor also marks "nothing newer yet"; only `hasMore` says a next page exists.
  return page(list, at.page, result.data, result.hasMore ? result.nextCursor : null);
}

async function listSavedCards(filter: Filter) {
  const reference = nonEmpty(filter, 'customerReference');
  if (reference === undefined) return { data: [], pageInfo: { hasNextPage: false } };
  const result = await unwrap(
    api().GET('/v1/customers/{reference}/saved-cards', {
      params: { path: { reference } },
    }),
  );
  // The customer reference goes with each card: deleting one needs it.
  const data = result.data.map((card) => ({ ...card, customerReference: reference }));
  return { data, pageInfo: { hasNextPage: false, hasPreviousPage: false } };
}

/**
 * react-admin's data provider over the service's API: payments, events, webhook endpoints and a
 * customer's saved cards. Actions on a payment (refund, capture, …) call the client directly
 * from their dialogs (payments/PaymentActions.tsx).
 */
const provider = {
  getList: (resource: string, params: GetListParams) =>
    call(async () => {
      const { page: pageNumber = 1, perPage = 25 } = params.pagination ?? {};
      const filter = (params.filter ?? {}) as Filter;
      switch (resource) {
        case 'payments':
          return listPayments(pageNumber, perPage, filter);
        case 'events':
          return listEvents(pageNumber, perPage, filter);
        case 'webhook-endpoints': {
          const result = await unwrap(api().GET('/v1/webhook-endpoints'));
          return { data: result.data, total: result.data.length };
        }
        case 'saved-cards':
          return listSavedCards(filter);
        default:
          throw new Error(`unknown list ${resource}`);
      }
    }),

  getOne: (resource: string, params: GetOneParams) =>
    call(async () => {
      const id = String(params.id);
      switch (resource) {
        case 'payments':
          return {
            data: await unwrap(api().GET('/v1/payments/{id}', { params: { path: { id } } })),
          };
        case 'events':
          return { data: await unwrap(api().GET('/v1/events/{id}', { params: { path: { id } } })) };
        case 'webhook-endpoints':
          return {
            data: await unwrap(
              api().GET('/v1/webhook-endpoints/{id}', { params: { path: { id } } }),
            ),
          };
        default:
          throw new Error(`unknown record ${resource}`);
      }
    }),

  getMany: (resource: string, params: GetManyParams) =>
    call(async () => {
      const found = await Promise.all(
        params.ids.map((id: unknown) =>
          provider.getOne(resource, { id: String(id) }).then((r): unknown => r.data),
        ),
      );
      return { data: found };
    }),

  getManyReference: () => Promise.reject(new Error('not used by the console')),

  create: (resource: string, params: CreateParams) =>
    call(async () => {
      if (resource !== 'webhook-endpoints') throw new Error(`cannot create ${resource}`);
      const body = params.data as Schema<'CreateWebhookEndpointDto'>;
      const created = await unwrap(api().POST('/v1/webhook-endpoints', { body }));
      return { data: created };
    }),

  update: (resource: string, params: UpdateParams) =>
    call(async () => {
      if (resource !== 'webhook-endpoints') throw new Error(`cannot change ${resource}`);
      const body = params.data as Schema<'UpdateWebhookEndpointDto'>;
      const updated = await unwrap(
        api().PATCH('/v1/webhook-endpoints/{id}', {
          params: { path: { id: String(params.id) } },
          body,
        }),
      );
      return { data: updated };
    }),

  updateMany: () => Promise.reject(new Error('not used by the console')),

  delete: (resource: string, params: DeleteParams) =>
    call(async () => {
      if (resource !== 'saved-cards') throw new Error(`cannot delete ${resource}`);
      const card = params.previousData as { id: string; customerReference: string } | undefined;
      if (!card) throw new Error('the card to delete is not known');
      await unwrap(
        api().DELETE('/v1/customers/{reference}/saved-cards/{id}', {
          params: { path: { reference: card.customerReference, id: card.id } },
        }),
      );
      return { data: card };
    }),

  deleteMany: () => Promise.reject(new Error('not used by the console')),
};

// react-admin types each method per record type; the API's records are typed by the client.
export const dataProvider = provider as unknown as DataProvider;

/** Forgets every list's cursors (on sign-out: nothing of the last session stays). */
export function forgetCursors(): void {
  cursors.clear();
}
