// One route definition = path, schemas, responses and who may call it. The access rule is enforced
// by middleware and published in the OpenAPI document (`x-access`, `security`).
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import type { Access } from '../auth/access';
import { requireAccess } from '../auth/require-access';
import { ErrorBodySchema } from '../errors/error-body';

export const SECURITY_SCHEMES = {
  sessionCookie: { type: 'apiKey', in: 'cookie', name: 'ag_session', description: 'Browser session; writes also need the X-CSRF-Token header.' },
  bearerToken: { type: 'http', scheme: 'bearer', description: 'API token from POST /api/auth/tokens (agt_…).' },
} as const;

const ERROR_RESPONSE = {
  description: 'An error: `{ "error": { "code", "message", "details" } }`; the status follows the code.',
  content: { 'application/json': { schema: ErrorBodySchema } },
} as const;

export type AccessDescription = 'public' | { readonly role: string; readonly scope: string };

export function describeAccess(access: Access): AccessDescription {
  return access.kind === 'public' ? 'public' : { role: access.role, scope: access.scope };
}

export function securityOf(access: Access): Array<Record<string, string[]>> {
  return access.kind === 'public' ? [] : [{ sessionCookie: [] }, { bearerToken: [] }];
}

type Definition = Omit<RouteConfig, 'middleware' | 'security'>;

/** A JSON response of a route: its schema and what it means. */
export const json = <Schema extends ZodType>(schema: Schema, description: string) => ({ description, content: { 'application/json': { schema } } });

export function defineRoute<const Config extends Definition>(access: Access, config: Config) {
  return createRoute({
    ...config,
    'x-access': describeAccess(access),
    security: securityOf(access),
    middleware: requireAccess(access),
    responses: { ...config.responses, default: ERROR_RESPONSE },
  });
}

export { ERROR_RESPONSE };
