import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPaymentsClient } from './client.js';
import { PaymentsApiError, PaymentsConnectionError } from './errors.js';
import { unwrap } from './result.js';
import { apiError, ScriptedServer } from './testing/scripted-server.js';

describe('createPaymentsClient and unwrap', () => {
  let server: ScriptedServer;

  beforeEach(async () => {
    server = await new ScriptedServer().start();
  });

  afterEach(async () => {
    await server.close();
  });

  it('should send the API key as a Bearer token and return the body', async () => {
    server.script({ status: 200, json: { id: 'p-1', status: 'completed' } });
    const client = createPaymentsClient({
      baseUrl: `${server.url}/`,
      apiKey: 'dev-secret',
      headers: { 'x-request-id': 'trace-1' },
    });
    const payment = await unwrap(
      client.GET('/v1/payments/{id}', { params: { path: { id: 'p 1' } } }),
    );
    expect(payment).toEqual({ id: 'p-1', status: 'completed' });
    expect(server.received[0]).toMatchObject({
      method: 'GET',
      url: '/v1/payments/p%201',
      headers: { authorization: 'Bearer dev-secret', 'x-request-id': 'trace-1' },
    });
  });

  it("should go through the caller's fetch", async () => {
    server.script({ status: 200, json: { data: [], nextCursor: null } });
    const seen: string[] = [];
    const client = createPaymentsClient({
      baseUrl: server.url,
      apiKey: 'k',
      fetch: (request) => {
        seen.push(`${request.method} ${new URL(request.url).pathname}`);
        return fetch(request);
      },
    });
    await unwrap(client.GET('/v1/payments'));
    expect(seen).toEqual(['GET /v1/payments']);
  });

  it("should throw the API's error body as a typed error", async () => {
    const body = apiError('UNAUTHENTICATED', 'missing or wrong API key');
    server.script({ status: 401, json: body });
    const client = createPaymentsClient({ baseUrl: server.url, apiKey: 'wrong' });
    const error = await unwrap(client.GET('/v1/payments')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentsApiError);
    expect(error).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      requestId: 'req-UNAUTHENTICATED',
      body,
      outcomeUnknown: false,
    });
    expect((error as Error).message).toBe('UNAUTHENTICATED (HTTP 401): missing or wrong API key');
  });

  it('should type an answer without the API body by its HTTP status', async () => {
    server.script({ status: 502, text: 'Bad Gateway', headers: { 'x-request-id': 'lb-7' } });
    const client = createPaymentsClient({ baseUrl: server.url, apiKey: 'k' });
    const error = await unwrap(client.GET('/v1/payments')).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 502,
      code: 'HTTP_502',
      requestId: 'lb-7',
      body: undefined,
      outcomeUnknown: true,
    });
    expect((error as Error).message).toBe('HTTP_502 (HTTP 502): Bad Gateway');
  });

  it('should throw a connection error when nothing answers', async () => {
    await server.close();
    const client = createPaymentsClient({ baseUrl: server.url, apiKey: 'k' });
    await expect(unwrap(client.GET('/v1/payments'))).rejects.toBeInstanceOf(
      PaymentsConnectionError,
    );
  });

  it('should give up after timeoutMs', async () => {
    server.script('hang');
    const client = createPaymentsClient({ baseUrl: server.url, apiKey: 'k', timeoutMs: 100 });
    await expect(unwrap(client.GET('/v1/payments'))).rejects.toThrow(
      'no answer within the client timeout',
    );
  });

  it("should rethrow the caller's own abort as it is", async () => {
    server.script('hang');
    const client = createPaymentsClient({ baseUrl: server.url, apiKey: 'k' });
    const controller = new AbortController();
    const call = unwrap(client.GET('/v1/payments', { signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });
});
