// Settings: everyone reads both documents; admins replace the workspace's, everyone their own.
import type { JsonObject, SettingsScope } from '@agent-generator/contracts';
import { type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import type { AppServices } from '../app-services';
import { ADMIN, SELF_WRITE, VIEWER_READ } from '../auth/access';
import { requirePrincipal } from '../auth/require-access';
import { defineRoute, json } from '../openapi/define-route';
import { GlobalSettingsSchema, PutGlobalSettingsSchema, PutUserSettingsSchema, SettingsSchema, UserSettingsSchema } from '../schemas/settings.schemas';
import { auditEntry } from '../services/audit-entry';

const tags = ['settings'];

const read = defineRoute(VIEWER_READ, { method: 'get', path: '/api/settings', tags, summary: 'Workspace settings and your own preferences', responses: { 200: json(SettingsSchema, 'Both documents with defaults filled in') } });
const putGlobal = defineRoute(ADMIN, {
  method: 'put',
  path: '/api/settings',
  tags,
  summary: 'Replace the workspace settings (generation defaults, output, safety, data retention)',
  request: { body: { required: true, content: { 'application/json': { schema: PutGlobalSettingsSchema } } } },
  responses: { 200: json(SettingsSchema, 'The settings now in force') },
});
const putOwn = defineRoute(SELF_WRITE, {
  method: 'put',
  path: '/api/settings/me',
  tags,
  summary: 'Replace your own preferences (appearance, locale, shortcuts)',
  request: { body: { required: true, content: { 'application/json': { schema: PutUserSettingsSchema } } } },
  responses: { 200: json(SettingsSchema, 'The settings now in force') },
});

/** A stored document read back through today's schema; fields it lacks get their defaults. */
function current<Schema extends z.ZodType>(schema: Schema, value: JsonObject | undefined): z.output<Schema> {
  const parsed = schema.safeParse(value ?? {});
  return parsed.success ? parsed.data : schema.parse({});
}

export function registerSettingsRoutes(app: OpenAPIHono<AppEnv>, services: AppServices): void {
  const { store } = services;

  async function both(userScope: SettingsScope) {
    const [global, user] = await Promise.all([store.settings.get('global'), store.settings.get(userScope)]);
    return {
      global: { value: current(GlobalSettingsSchema, global?.value), updatedAt: global?.updatedAt ?? null },
      user: { value: current(UserSettingsSchema, user?.value), updatedAt: user?.updatedAt ?? null },
    };
  }

  app.openapi(read, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    return context.json(await both(principal.user.id), 200);
  });

  app.openapi(putGlobal, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    const { value, expectedUpdatedAt } = context.req.valid('json');
    await store.settings.put({ scope: 'global', value, ...(expectedUpdatedAt !== undefined ? { expectedUpdatedAt } : {}) });
    await store.audit.append(auditEntry(context, { actor: principal, action: 'settings-update', targetType: 'settings', targetId: 'global' }));
    return context.json(await both(principal.user.id), 200);
  });

  app.openapi(putOwn, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    const { value, expectedUpdatedAt } = context.req.valid('json');
    await store.settings.put({ scope: principal.user.id, value, ...(expectedUpdatedAt !== undefined ? { expectedUpdatedAt } : {}) });
    return context.json(await both(principal.user.id), 200);
  });
}
