import type { AuthProvider } from 'react-admin';
import { plainMessage, signedIn, signIn, signOut, statusOf, whoAmI } from './session.js';

/** react-admin's view of the session: sign-in checks the key with GET /v1/me. */
export const authProvider: AuthProvider = {
  async login({ apiKey }: { apiKey: string }) {
    try {
      await signIn(apiKey.trim());
    } catch (error) {
      throw new Error(plainMessage(error), { cause: error });
    }
  },
  logout() {
    signOut();
    return Promise.resolve();
  },
  checkAuth() {
    return signedIn() ? Promise.resolve() : Promise.reject(new Error('Sign in with an API key.'));
  },
  // 401: the key is no longer accepted (rotated away): back to the sign-in form. 403 stays
  // where it is and is shown as a message: the key is fine, it may not do that one thing.
  checkError(error: unknown) {
    if (statusOf(error) === 401) {
      signOut();
      return Promise.reject(new Error('The API key was not accepted. Sign in again.'));
    }
    return Promise.resolve();
  },
  getPermissions() {
    return Promise.resolve(whoAmI()?.scopes ?? []);
  },
  getIdentity() {
    const me = whoAmI();
    if (!me) return Promise.reject(new Error('Sign in with an API key.'));
    return Promise.resolve({ id: me.name, fullName: me.name });
  },
};
