// Enforces a route's declared access: signed in, role high enough, token scope present, and for
// cookie-authenticated writes a CSRF token that matches the session.
import { UserError } from '@agent-generator/contracts';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import { roleAtLeast, type Access } from './access';
import type { Principal } from './principal';
import { sameSecret } from './secret-token';
import { CSRF_HEADER } from './session-cookies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function checkCsrf(principal: Principal, method: string, header: string | undefined): void {
  if (principal.credential.kind !== 'session' || SAFE_METHODS.has(method)) return;
  if (header === undefined || !sameSecret(header, principal.credential.session.csrfSecret)) {
    throw new UserError('forbidden', `Send the ${CSRF_HEADER} header with the value of the ag_csrf cookie (also returned by GET /api/auth/me) with every change made from a browser session.`, { reason: 'csrf' });
  }
}

/** The principal a protected handler runs as; throws `unauthenticated` when there is none. */
export async function requirePrincipal(principal: () => Promise<Principal | undefined>): Promise<Principal> {
  const resolved = await principal();
  if (resolved === undefined) throw new UserError('unauthenticated', 'Sign in first, or send "Authorization: Bearer <API token>".');
  return resolved;
}

export function requireAccess(access: Access): MiddlewareHandler<AppEnv> {
  return async (context, next) => {
    if (access.kind === 'public') return next();
    const principal = await requirePrincipal(context.get('principal'));
    checkCsrf(principal, context.req.method, context.req.header(CSRF_HEADER));
    if (!roleAtLeast(principal.user.role, access.role)) {
      throw new UserError('forbidden', `This needs the ${access.role} role; you are ${principal.user.role === 'admin' ? 'an' : 'a'} ${principal.user.role}. Ask an admin to change your role.`, {
        requiredRole: access.role,
        role: principal.user.role,
      });
    }
    if (principal.credential.kind === 'token' && !principal.credential.token.scopes.includes(access.scope)) {
      throw new UserError('forbidden', `This API token lacks the "${access.scope}" scope; create a token with it.`, { requiredScope: access.scope, scopes: principal.credential.token.scopes });
    }
    return next();
  };
}
