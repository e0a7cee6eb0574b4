import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';

const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,64}$/;

/** A caller's `X-Request-Id` when it is sane, else a fresh UUID; set once per request. */
export function genRequestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
}

export function requestIdOf(request: FastifyRequest): string {
  return String(request.id);
}
