import {
  applyDecorators,
  ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
  UseGuards,
  createParamDecorator,
  type CanActivate,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { ErrorResponseDto } from '../common/error-response.dto.js';
import { ApiThrottlerGuard } from './api-throttler.guard.js';
import { authConfig, type ApiClient, type Scope } from '../config/auth.config.js';
import { ForbiddenError, UnauthenticatedError } from './auth.errors.js';

const REQUIRED_SCOPE = 'payments:required-scope';

type AuthenticatedRequest = FastifyRequest & { client?: ApiClient };

const sha256 = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * Bearer API keys from API_KEYS. Secrets are compared as SHA-256 digests in constant time, and
 * every configured key is compared so the time taken does not reveal which one nearly matched.
 * The `admin` scope includes every other scope.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly keys: { client: ApiClient; digest: Buffer }[];

  constructor(
    @Inject(authConfig.KEY) config: ConfigType<typeof authConfig>,
    private readonly reflector: Reflector,
  ) {
    this.keys = config.clients.map((client) => ({ client, digest: sha256(client.secret) }));
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = /^Bearer ([\x21-\x7E]{1,512})$/i.exec(request.headers.authorization ?? '');
    if (!match?.[1]) throw new UnauthenticatedError();
    const presented = sha256(match[1]);
    let client: ApiClient | undefined;
    for (const key of this.keys) {
      if (timingSafeEqual(presented, key.digest)) client = key.client;
    }
    if (!client) throw new UnauthenticatedError();
    const scope = this.reflector.getAllAndOverride<Scope | undefined>(REQUIRED_SCOPE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (scope && !client.scopes.has(scope) && !client.scopes.has('admin')) {
      throw new ForbiddenError(scope);
    }
    request.client = client;
    return true;
  }
}

/** Requires a Bearer API key with `scope` (or `admin`). */
export const RequireScope = (scope: Scope) =>
  applyDecorators(
    SetMetadata(REQUIRED_SCOPE, scope),
    RequireApiKey(),
    ApiForbiddenResponse({
      description: `FORBIDDEN: the key lacks ${scope}`,
      type: ErrorResponseDto,
    }),
  );

/** Requires a valid Bearer API key, whatever its scopes. */
export const RequireApiKey = () =>
  applyDecorators(
    UseGuards(ApiThrottlerGuard, ApiKeyGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({
      description: 'UNAUTHENTICATED: missing or wrong API key',
      type: ErrorResponseDto,
    }),
    ApiTooManyRequestsResponse({
      description: 'RATE_LIMITED: see Retry-After (seconds)',
      type: ErrorResponseDto,
    }),
  );

/** The authenticated caller (set by ApiKeyGuard). */
export const CurrentClient = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const client = context.switchToHttp().getRequest<AuthenticatedRequest>().client;
  if (!client) throw new UnauthenticatedError();
  return client;
});
