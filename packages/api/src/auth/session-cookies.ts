// The session cookie (HttpOnly) and its CSRF companion cookie (readable by the web app for double submit).
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'ag_session';
export const CSRF_COOKIE = 'ag_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

export interface CookiePolicy {
  readonly secure: boolean;
  readonly maxAgeSeconds: number;
}

export function readSessionCookie(context: Context): string | undefined {
  const value = getCookie(context, SESSION_COOKIE);
  return value !== undefined && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
}

export function writeSessionCookies(context: Context, values: { readonly token: string; readonly csrf: string }, policy: CookiePolicy): void {
  const common = { path: '/', secure: policy.secure, sameSite: 'Lax', maxAge: policy.maxAgeSeconds } as const;
  setCookie(context, SESSION_COOKIE, values.token, { ...common, httpOnly: true });
  setCookie(context, CSRF_COOKIE, values.csrf, { ...common, httpOnly: false });
}

export function clearSessionCookies(context: Context, policy: CookiePolicy): void {
  deleteCookie(context, SESSION_COOKIE, { path: '/', secure: policy.secure });
  deleteCookie(context, CSRF_COOKIE, { path: '/', secure: policy.secure });
}
