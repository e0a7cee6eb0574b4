import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPaymentsClient, type PaymentsClient } from './client.js';
import { PaymentsApiError } from './errors.js';
import { paginate } from './paginate.js';
import { apiError, ScriptedServer } from './testing/scripted-server.js';

const payment = (id: string) => ({ id, orderId: `o-${id}`, status: 'completed' });

describe('paginate', () => {
  let server: ScriptedServer;
  let client: PaymentsClient;

  beforeEach(async () => {
    server = await new ScriptedServer().start();
    client = createPaymentsClient({ baseUrl: server.url, apiKey: 'k' });
  });

  afterEach(async () => {
    await server.close();
  });

  const completed = () =>
    paginate((cursor) =>
      client.GET('/v1/payments', { params: { query: { status: 'completed', limit: 2, cursor } } }),
    );
  const all = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
    const out: T[] = [];
    for await (const item of items) out.push(item);
    return out;
  };

  it('should follow nextCursor page after page and yield every item in order', async () => {
    server.script(
      { status: 200, json: { data: [payment('a'), payment('b')], nextCursor: 'c1' } },
      { status: 200, json: { data: [payment('c'), payment('d')], nextCursor: 'c2=/+' } },
      { status: 200, json: { data: [payment('e')], nextCursor: null } },
    );
    const ids = (await all(completed())).map((p) => p.id);
    expect(ids).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(server.received.map((r) => r.url)).toEqual([
      '/v1/payments?status=completed&limit=2',
      '/v1/payments?status=completed&limit=2&cursor=c1',
      '/v1/payments?status=completed&limit=2&cursor=c2%3D%2F%2B',
    ]);
  });

  it('should fetch a page only when the caller gets that far', async () => {
    server.script(
      { status: 200, json: { data: [payment('a'), payment('b')], nextCursor: 'c1' } },
      { status: 200, json: { data: [payment('c')], nextCursor: null } },
    );
    for await (const p of completed()) if (p.id === 'a') break;
    expect(server.received).toHaveLength(1);
  });

  it('should stop at an empty page even if it carries a cursor (the end of a feed)', async () => {
    server.script(
      { status: 200, json: { data: [payment('a')], nextCursor: 'c1' } },
      { status: 200, json: { data: [], nextCursor: 'c1' } },
    );
    expect(await all(completed())).toHaveLength(1);
    expect(server.received).toHaveLength(2);
  });

  it('should read a list without nextCursor as one page', async () => {
    server.script({
      status: 200,
      json: { data: [{ from: null, to: 'created', source: 'api' }] },
    });
    const history = await all(
      paginate(() => client.GET('/v1/payments/{id}/events', { params: { path: { id: 'p-1' } } })),
    );
    expect(history.map((e) => e.to)).toEqual(['created']);
  });

  it('should throw the typed error of a failing page after the items before it', async () => {
    server.script(
      { status: 200, json: { data: [payment('a')], nextCursor: 'c1' } },
      { status: 400, json: apiError('VALIDATION_FAILED', 'cursor is not a cursor') },
    );
    const seen: string[] = [];
    const error = await (async () => {
      for await (const p of completed()) seen.push(p.id);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['a']);
    expect(error).toBeInstanceOf(PaymentsApiError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('should refuse to loop when the server answers the cursor it was given', async () => {
    server.script(
      { status: 200, json: { data: [payment('a')], nextCursor: 'c1' } },
      { status: 200, json: { data: [payment('b')], nextCursor: 'c1' } },
    );
    await expect(all(completed())).rejects.toThrow('the list answered its own cursor c1');
  });
});
