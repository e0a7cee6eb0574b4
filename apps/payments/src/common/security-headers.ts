import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * helmet's response headers, computed once. Without nonces every header helmet sets depends
 * only on its options, so running its middleware per request (as @fastify/helmet does, parsing
 * the CSP directives each time) would redo the same work on every call.
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: number | string | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}

/** Adds helmet's headers to every response (routes may still override them). */
export function registerSecurityHeaders(fastify: FastifyInstance, options: HelmetOptions): void {
  const headers = helmetHeaders(options);
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
}

/**
 * `Cache-Control: no-store` on every answer under `prefix` (the API: payment data, errors
 * included), so that no browser, proxy or CDN keeps a copy. Set when the request arrives, so an
 * answer from a guard, a filter or the 404 handler carries it too.
 */
export function registerNoStore(fastify: FastifyInstance, prefix: string): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const url = request.url;
    if (url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`)) {
      void reply.header('cache-control', 'no-store');
    }
    done();
  });
}
