// The short-lived, signed cookie that carries an OAuth attempt's state and PKCE verifier from the
// start redirect to the callback, so a callback we did not start is refused.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { hmacBase64Url, sameSecret } from '../secret-token';

const COOKIE = 'ag_oauth';
const PATH = '/api/auth/oauth';
const LIFETIME_MS = 10 * 60 * 1000;

export interface OAuthAttempt {
  readonly provider: string;
  readonly state: string;
  readonly verifier: string;
}

export interface OAuthStateOptions {
  readonly secret: string;
  readonly secure: boolean;
  readonly clock: () => Date;
}

export function saveAttempt(context: Context, attempt: OAuthAttempt, options: OAuthStateOptions): void {
  const payload = [attempt.provider, attempt.state, attempt.verifier, String(options.clock().getTime() + LIFETIME_MS)].join('.');
  const value = `${payload}.${hmacBase64Url(options.secret, payload)}`;
  setCookie(context, COOKIE, value, { path: PATH, httpOnly: true, secure: options.secure, sameSite: 'Lax', maxAge: LIFETIME_MS / 1000 });
}

/** The attempt this browser started for `provider`, if the cookie is intact, unexpired and matches `state`. */
export function takeAttempt(context: Context, expected: { readonly provider: string; readonly state: string }, options: OAuthStateOptions): OAuthAttempt | undefined {
  const value = getCookie(context, COOKIE);
  deleteCookie(context, COOKIE, { path: PATH, secure: options.secure });
  const parts = value?.split('.') ?? [];
  if (parts.length !== 5) return undefined;
  const [provider = '', state = '', verifier = '', expires = '', signature = ''] = parts;
  const payload = [provider, state, verifier, expires].join('.');
  if (!sameSecret(signature, hmacBase64Url(options.secret, payload))) return undefined;
  if (Number(expires) < options.clock().getTime() || provider !== expected.provider || !sameSecret(state, expected.state)) return undefined;
  return { provider, state, verifier };
}
