// API tokens for the CLI and scripts: shown once, stored hashed, scoped, revocable.
import { UserError, type ApiTokenId } from '@agent-generator/contracts';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import type { AppServices } from '../app-services';
import { SELF_WRITE, scopesForRole, VIEWER_READ } from '../auth/access';
import { requirePrincipal } from '../auth/require-access';
import { newApiToken } from '../auth/secret-token';
import { defineRoute } from '../openapi/define-route';
import { ApiTokenSchema, apiTokenView, TokenCreateBodySchema, TokenCreatedSchema } from '../schemas/auth.schemas';
import { IdParamsSchema } from '../schemas/common.schemas';
import { auditEntry } from '../services/audit-entry';

const tags = ['tokens'];
const DAY_MS = 24 * 60 * 60 * 1000;

const list = defineRoute(VIEWER_READ, {
  method: 'get',
  path: '/api/auth/tokens',
  tags,
  summary: "The caller's API tokens, newest first (including revoked ones)",
  responses: { 200: { description: 'Tokens without their secrets', content: { 'application/json': { schema: z.object({ items: z.array(ApiTokenSchema) }) } } } },
});
const create = defineRoute(SELF_WRITE, {
  method: 'post',
  path: '/api/auth/tokens',
  tags,
  summary: 'Create an API token',
  description: 'Scopes are limited by your role: viewers may have read; editors read and write; admins also admin. The token is in the answer only once.',
  request: { body: { required: true, content: { 'application/json': { schema: TokenCreateBodySchema } } } },
  responses: { 201: { description: 'The new token', content: { 'application/json': { schema: TokenCreatedSchema } } } },
});
const revoke = defineRoute(SELF_WRITE, {
  method: 'delete',
  path: '/api/auth/tokens/{id}',
  tags,
  summary: 'Revoke one of your API tokens (admins may revoke anyone’s)',
  request: { params: IdParamsSchema },
  responses: { 204: { description: 'Revoked' } },
});

export function registerTokensRoutes(app: OpenAPIHono<AppEnv>, services: AppServices): void {
  const { store, clock } = services;

  app.openapi(list, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    const tokens = await store.apiTokens.listForUser(principal.user.id);
    return context.json({ items: tokens.map(apiTokenView) }, 200);
  });

  app.openapi(create, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    const body = context.req.valid('json');
    const allowed = scopesForRole(principal.user.role);
    const held = principal.credential.kind === 'token' ? principal.credential.token.scopes : allowed;
    const refused = body.scopes.filter((scope) => !allowed.includes(scope) || !held.includes(scope));
    if (refused.length > 0) {
      throw new UserError('forbidden', `You cannot grant the scope(s) ${refused.join(', ')}: a token gets at most what your role (${principal.user.role}) and your current credential allow (${held.join(', ')}).`, { refused });
    }
    const secret = newApiToken();
    const expiresAt = body.expiresInDays === undefined ? null : new Date(clock().getTime() + body.expiresInDays * DAY_MS).toISOString();
    const record = await store.apiTokens.create({ userId: principal.user.id, name: body.name, prefix: secret.prefix, tokenHash: secret.hash, scopes: [...new Set(body.scopes)], expiresAt });
    await store.audit.append(auditEntry(context, { actor: principal, action: 'token-create', targetType: 'api-token', targetId: record.id, details: { name: record.name, scopes: [...record.scopes] } }));
    return context.json({ token: secret.token, apiToken: apiTokenView(record) }, 201);
  });

  app.openapi(revoke, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    const id = context.req.valid('param').id as ApiTokenId;
    const token = await store.apiTokens.get(id);
    // Someone else's token is reported as missing, so ids of other people's tokens cannot be probed.
    if (!token || (token.userId !== principal.user.id && principal.user.role !== 'admin')) throw new UserError('not_found', `There is no API token ${id} of yours.`, { entity: 'api-token', id });
    await store.apiTokens.revoke(id);
    await store.audit.append(auditEntry(context, { actor: principal, action: 'token-revoke', targetType: 'api-token', targetId: id, details: { name: token.name } }));
    return context.body(null, 204);
  });
}
