import { registerAs } from '@nestjs/config';
import { ConfigValidationError } from '@app/payments';

export const SCOPES = [
  'payments:read',
  'payments:write',
  'refunds:write',
  'events:read',
  'events:admin',
  'admin',
] as const;
export type Scope = (typeof SCOPES)[number];

export interface ApiClient {
  name: string;
  secret: string;
  scopes: ReadonlySet<Scope>;
}

export interface AuthConfig {
  clients: ApiClient[];
}

/** The key `npm start` works with in sandbox mode; never accepted in production. */
export const SANDBOX_API_KEYS = 'dev:dev-secret';

/**
 * `API_KEYS` = `name:secret[:scope1+scope2]`, comma-separated. Without scopes a client has them
 * all. Names and secrets must be unique so a request maps to exactly one caller.
 */
export function parseApiKeys(raw: string, production: boolean): AuthConfig {
  const problems: string[] = [];
  const clients: ApiClient[] = [];
  for (const [i, entry] of raw
    .split(',')
    .map((s) => s.trim())
    .entries()) {
    // Scope names contain ':' themselves, so only the first two separators split.
    const [name, secret] = entry.split(':', 2);
    const scopeList = entry.slice((name?.length ?? 0) + (secret?.length ?? 0) + 2);
    const where = `API_KEYS: entry ${i + 1}`;
    if (!name || !secret || !/^[A-Za-z0-9_.-]{1,64}$/.test(name)) {
      problems.push(`${where}: must be name:secret[:scope1+scope2] with a name of [A-Za-z0-9_.-]`);
      continue;
    }
    if (production && secret.length < 24) {
      problems.push(`${where} (${name}): secret must be at least 24 characters in production`);
    }
    const scopes = scopeList ? scopeList.split('+') : [...SCOPES];
    const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
    if (unknown.length > 0) {
      problems.push(
        `${where} (${name}): unknown scope ${unknown.join(', ')}; known: ${SCOPES.join(', ')}`,
      );
      continue;
    }
    clients.push({ name, secret, scopes: new Set(scopes as Scope[]) });
  }
  if (new Set(clients.map((c) => c.name)).size !== clients.length) {
    problems.push('API_KEYS: client names must be unique');
  }
  if (new Set(clients.map((c) => c.secret)).size !== clients.length) {
    problems.push('API_KEYS: secrets must be unique');
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return { clients };
}

export function loadAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  const raw = env.API_KEYS?.trim();
  const production = env.NODE_ENV === 'production';
  // In production a missing API_KEYS is reported by the start-up check; there is no default.
  if (!raw) return production ? { clients: [] } : parseApiKeys(SANDBOX_API_KEYS, false);
  return parseApiKeys(raw, production);
}

export const authConfig = registerAs('auth', () => loadAuthConfig(process.env));
