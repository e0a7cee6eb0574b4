import { unwrap, type ApiResult, type DataOf } from './result.js';

/** One page of a list: its items, and the cursor of the next page (null or absent: the last). */
export interface Page<T = unknown> {
  data: readonly T[];
  nextCursor?: string | null;
}

/** The item type of a list call's result. */
export type ItemOf<R extends ApiResult> = DataOf<R> extends Page<infer T> ? T : never;

/**
 * Every item of a cursor-paginated list, page after page, in the list's order. `fetchPage` asks
 * for the page at `cursor` (undefined for the first); map it to the list's parameter (`cursor`,
 * or `after` for a feed). Stops after a page without `nextCursor`, or an empty one; an error
 * answer throws {@link PaymentsApiError}.
 *
 * @example
 * for await (const payment of paginate((cursor) =>
 *   client.GET('/v1/payments', { params: { query: { status: 'completed', limit: 100, cursor } } }),
 * )) { … }
 */
export async function* paginate<R extends ApiResult<Page>>(
  fetchPage: (cursor: string | undefined) => Promise<R>,
): AsyncGenerator<ItemOf<R>, void, undefined> {
  let cursor: string | undefined;
  for (;;) {
    const page = (await unwrap(fetchPage(cursor))) as Page<ItemOf<R>>;
    yield* page.data;
    const next = page.nextCursor;
    if (next === null || next === undefined || page.data.length === 0) return;
    // A server answering the cursor it was given would otherwise loop forever.
    if (next === cursor) throw new Error(`the list answered its own cursor ${next} as the next`);
    cursor = next;
  }
}
