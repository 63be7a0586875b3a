// Model providers: editors and admins see them (masked keys only) and their model lists; admins
// change them and test connections.
import type { Access } from '../auth/access';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { OperationalError } from '@agent-generator/contracts';
import type { AppEnv } from '../app-env';
import type { AppServices } from '../app-services';
import { ADMIN } from '../auth/access';
import { requirePrincipal } from '../auth/require-access';
import { defineRoute, json } from '../openapi/define-route';
import { ConnectionResultSchema, ModelListingSchema, ProviderIdParamsSchema, ProviderListSchema, ProviderSchema, PutProviderSchema } from '../schemas/provider.schemas';
import { auditEntry } from '../services/audit-entry';
import { providerSettingsOf } from '../services/provider-settings-of';

const EDITOR_READ: Access = { kind: 'user', role: 'editor', scope: 'read' };
const tags = ['providers'];

const list = defineRoute(EDITOR_READ, {
  method: 'get',
  path: '/api/providers',
  tags,
  summary: 'Model providers: catalog entries with their stored settings (masked keys) and local servers found at start-up',
  responses: { 200: json(ProviderListSchema, 'Every catalog provider') },
});
const put = defineRoute(ADMIN, {
  method: 'put',
  path: '/api/providers/{id}',
  tags,
  summary: 'Change a provider: apiKey as a string sets the key, null removes it, absent keeps it',
  request: { params: ProviderIdParamsSchema, body: { required: true, content: { 'application/json': { schema: PutProviderSchema } } } },
  responses: { 200: json(ProviderSchema, 'The provider as now stored') },
});
const test = defineRoute(ADMIN, {
  method: 'post',
  path: '/api/providers/{id}/test',
  tags,
  summary: 'Test the connection with the stored settings, or with unsaved changes sent in the body',
  request: { params: ProviderIdParamsSchema, body: { required: false, content: { 'application/json': { schema: PutProviderSchema } } } },
  responses: { 200: json(ConnectionResultSchema, 'Whether the provider answered, how fast, and what it said') },
});
const models = defineRoute(EDITOR_READ, {
  method: 'get',
  path: '/api/providers/{id}/models',
  tags,
  summary: 'The models the provider serves, where its API offers a list',
  responses: { 200: json(ModelListingSchema, '`offered: false` with a message when the provider has no list, or `reachable: false` when it could not be asked') },
  request: { params: ProviderIdParamsSchema },
});

export function registerProvidersRoutes(app: OpenAPIHono<AppEnv>, services: AppServices): void {
  const providers = providerSettingsOf(services);

  app.openapi(list, async (context) => context.json({ items: [...(await providers.list())] }, 200));

  app.openapi(put, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    const { id } = context.req.valid('param');
    const patch = context.req.valid('json');
    const view = await providers.update(id, patch);
    await services.store.audit.append(auditEntry(context, { actor: principal, action: 'provider-update', targetType: 'provider', targetId: id, details: { changed: Object.keys(patch) } }));
    return context.json(view, 200);
  });

  app.openapi(test, async (context) => {
    const { id } = context.req.valid('param');
    const patch = context.req.header('content-type')?.includes('application/json') ? context.req.valid('json') : {};
    return context.json(await providers.test(id, patch), 200);
  });

  app.openapi(models, async (context) => {
    let listing: Awaited<ReturnType<typeof providers.models>>;
    try {
      listing = await providers.models(context.req.valid('param').id);
    } catch (error) {
      // The provider, not this server, failed (unreachable, key refused): a finding to show, not a 5xx or
      // a 401 that the web app would read as its own session ending.
      if (!(error instanceof OperationalError)) throw error;
      return context.json({ offered: false, reachable: false, models: [], message: error.message }, 200);
    }
    return context.json(listing.offered ? { offered: true, models: [...listing.models] } : { offered: false, models: [], message: listing.message }, 200);
  });
}
