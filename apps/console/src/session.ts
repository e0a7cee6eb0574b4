import {
  createPaymentsClient,
  PaymentsApiError,
  PaymentsConnectionError,
  unwrap,
  type Me,
  type PaymentsClient,
  type Scope,
} from '@app/client';

/**
 * The operator's API key lives in this tab's sessionStorage only (never localStorage, a cookie
 * or a URL) and leaves the browser only as the Bearer header of the typed client's requests.
 * Closing the tab or "Sign out" forgets it.
 */
const KEY = 'payments-console.apiKey';
const WHO = 'payments-console.me';

let client: PaymentsClient | undefined;

function clientFor(apiKey: string): PaymentsClient {
  return createPaymentsClient({ baseUrl: window.location.origin, apiKey });
}

/** Checks the key with GET /v1/me and keeps it for this tab. */
export async function signIn(apiKey: string): Promise<Me> {
  const candidate = clientFor(apiKey);
  const me = await unwrap(candidate.GET('/v1/me'));
  sessionStorage.setItem(KEY, apiKey);
  sessionStorage.setItem(WHO, JSON.stringify(me));
  client = candidate;
  return me;
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(WHO);
  client = undefined;
}

export function signedIn(): boolean {
  return sessionStorage.getItem(KEY) !== null;
}

export class NotSignedInError extends Error {
  readonly status = 401;
  constructor() {
    super('Sign in with an API key.');
  }
}

/** The typed client with the signed-in key; every API call of the console goes through it. */
export function api(): PaymentsClient {
  if (client) return client;
  const apiKey = sessionStorage.getItem(KEY);
  if (apiKey === null) throw new NotSignedInError();
  client = clientFor(apiKey);
  return client;
}

export function whoAmI(): Me | null {
  const raw = sessionStorage.getItem(WHO);
  return raw === null ? null : (JSON.parse(raw) as Me);
}

/** Whether the signed-in key has `scope` (the API lists every scope for an admin key). */
export function can(scope: Scope): boolean {
  return whoAmI()?.scopes.includes(scope) ?? false;
}

/** A plain sentence for an error of the API or the network, for the operator to read. */
export function plainMessage(error: unknown): string {
  if (error instanceof PaymentsApiError) {
    const human = error.body?.error.message ?? error.message;
    if (error.status === 401) return 'The API key was not accepted. Sign in again.';
    if (error.status === 403) return `Your API key may not do this: ${human}.`;
    return `${human} (${error.code})`;
  }
  if (error instanceof PaymentsConnectionError)
    return 'The payments service did not answer. Check your connection and try again.';
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The HTTP status of an error, when it came from the API. */
export function statusOf(error: unknown): number | undefined {
  if (error instanceof PaymentsApiError) return error.status;
  if (error instanceof NotSignedInError) return 401;
  return undefined;
}
