// Random bearer secrets (session cookies, API tokens, CSRF, OAuth state) and their stored hashes.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: 256 bits, safe in cookies, headers and URLs. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** sha256, lowercase hex: how sessions and tokens are stored, so a database leak reveals no credential. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function hmacBase64Url(key: string, value: string): string {
  return createHmac('sha256', key).update(value).digest('base64url');
}

/** Compares two secrets in constant time. */
export function sameSecret(left: string, right: string): boolean {
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const API_TOKEN_PREFIX = 'agt_';

/** A new API token: shown once; only its hash and first characters are kept. */
export function newApiToken(): { readonly token: string; readonly prefix: string; readonly hash: string } {
  const token = `${API_TOKEN_PREFIX}${randomSecret()}`;
  return { token, prefix: token.slice(0, API_TOKEN_PREFIX.length + 6), hash: sha256Hex(token) };
}
