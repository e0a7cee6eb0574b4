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

/** A policy for the routes under some path prefixes (`/docs` covers `/docs` and `/docs/…`). */
export interface ScopedPolicy {
  prefixes: readonly string[];
  options: HelmetOptions;
}

function underPrefix(url: string, prefix: string): boolean {
  if (!url.startsWith(prefix)) return false;
  const next = url.charAt(prefix.length);
  return next === '' || next === '/' || next === '?' || next === '-';
}

/**
 * Adds helmet's headers to every response (routes may still override them): `defaults`
 * everywhere, except under the prefixes of a scoped policy, where that policy's. The first
 * scoped policy whose prefix matches wins.
 */
export function registerSecurityHeaders(
  fastify: FastifyInstance,
  defaults: HelmetOptions,
  scoped: readonly ScopedPolicy[] = [],
): void {
  const base = helmetHeaders(defaults);
  const policies = scoped.map((s) => ({ prefixes: s.prefixes, headers: helmetHeaders(s.options) }));
  fastify.addHook('onRequest', (request, reply, done) => {
    const url = request.url;
    const policy = policies.find((p) => p.prefixes.some((prefix) => underPrefix(url, prefix)));
    void reply.headers(policy?.headers ?? base);
    done();
  });
}

/**
 * The strict policy of the operators' console (/console), the pages that hold an operator's
 * API key: scripts from our origin only (no inline script, no eval, no other origin), API calls
 * to our origin only, never framed. Inline styles are allowed: the UI library (MUI, emotion)
 * writes its styles at run time, and a style cannot run code.
 */
export const CONSOLE_POLICY: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      manifestSrc: ["'self'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
    },
  },
  referrerPolicy: { policy: 'no-referrer' },
};

/**
 * Swagger UI (/docs), the demo (/demo, which also renders MultiSafepay's 3-D Secure forms) and
 * the sandbox's pages (/sandbox/connect/…, and /sandbox-admin) use inline scripts and styles,
 * and their forms may post to MultiSafepay's 3-D Secure pages. Only these routes get that
 * exception (`/sandbox` covers `/sandbox-admin` too).
 */
export const INLINE_SCRIPT_PAGES: ScopedPolicy = {
  prefixes: ['/docs', '/demo', '/sandbox'],
  options: {
    contentSecurityPolicy: {
      directives: {
        scriptSrc: ["'self'", "'unsafe-inline'"],
        // customer_verification forms submit themselves from an onload attribute.
        scriptSrcAttr: ["'unsafe-inline'"],
        formAction: ["'self'", 'https:', 'http:'],
        upgradeInsecureRequests: null,
      },
    },
  },
};

/** Everything else (the API, health, metrics): helmet's defaults, scripts from our origin only. */
export const DEFAULT_POLICY: HelmetOptions = {
  contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
};
