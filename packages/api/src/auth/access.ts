// Who may call a route: declared next to each route definition and published in the OpenAPI
// document as `x-access`, so tests and clients can enumerate it.
import type { Role } from '@agent-generator/contracts';

/** What an API token may do on top of its owner's role: `read` (safe calls), `write` (changes), `admin` (users, audit, global settings). */
export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export type Access = { readonly kind: 'public' } | { readonly kind: 'user'; readonly role: Role; readonly scope: TokenScope };

export const PUBLIC: Access = { kind: 'public' };
export const VIEWER_READ: Access = { kind: 'user', role: 'viewer', scope: 'read' };
export const EDITOR_WRITE: Access = { kind: 'user', role: 'editor', scope: 'write' };
export const ADMIN: Access = { kind: 'user', role: 'admin', scope: 'admin' };
/** Calls any signed-in person makes about their own account (sign out, own tokens, own preferences). */
export const SELF_WRITE: Access = { kind: 'user', role: 'viewer', scope: 'write' };

const RANK: Readonly<Record<Role, number>> = { viewer: 0, editor: 1, admin: 2 };

export function roleAtLeast(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

/** Scopes a person of this role may put on a token. */
export function scopesForRole(role: Role): ReadonlyArray<TokenScope> {
  if (role === 'admin') return TOKEN_SCOPES;
  if (role === 'editor') return ['read', 'write'];
  return ['read'];
}
