// Run tools settings (SQL database, web search, private network): admins read and change them; the
// search key is write-only and the audit trail names the changed fields, never their values.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import type { AppServices } from '../app-services';
import { ADMIN } from '../auth/access';
import { requirePrincipal } from '../auth/require-access';
import { defineRoute, json } from '../openapi/define-route';
import { PutToolsSettingsSchema, ToolsSettingsSchema } from '../schemas/tools-settings.schemas';
import { auditEntry } from '../services/audit-entry';
import { changedFields, ToolsSettingsService } from '../services/tools-settings.service';

const tags = ['settings'];

const read = defineRoute(ADMIN, {
  method: 'get',
  path: '/api/settings/tools',
  tags,
  summary: "The run tools' settings: private network, SQL database, search API (the key only as set/hint)",
  responses: { 200: json(ToolsSettingsSchema, 'The settings runs use; unset tools answer "not configured"') },
});
const put = defineRoute(ADMIN, {
  method: 'put',
  path: '/api/settings/tools',
  tags,
  summary: 'Change the run tools: absent fields keep their value; search.apiKey null removes the key; sql.databasePath or sql.postgresUrl null turns SQL off',
  request: { body: { required: true, content: { 'application/json': { schema: PutToolsSettingsSchema } } } },
  responses: { 200: json(ToolsSettingsSchema, 'The settings now in force') },
});

export function registerToolsSettingsRoutes(app: OpenAPIHono<AppEnv>, services: AppServices): void {
  const tools = new ToolsSettingsService({
    store: services.store,
    sessionSecret: services.deps.auth.sessionSecret,
    logger: services.logger,
    protectedLocations: services.deps.protectedLocations ?? {},
  });

  app.openapi(read, async (context) => context.json(await tools.get(), 200));

  app.openapi(put, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    const patch = context.req.valid('json');
    const view = await tools.update(patch);
    await services.store.audit.append(auditEntry(context, { actor: principal, action: 'tools-settings-update', targetType: 'settings', targetId: 'run-tools', details: { changed: [...changedFields(patch)] } }));
    return context.json(view, 200);
  });
}
