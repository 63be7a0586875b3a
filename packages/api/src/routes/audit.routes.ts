// The audit log (admins): who did what, when, from where; newest first.
import type { UserId } from '@agent-generator/contracts';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import type { AppServices } from '../app-services';
import { ADMIN } from '../auth/access';
import { definedFields } from '../http/defined-fields';
import { defineRoute } from '../openapi/define-route';
import { JsonObjectSchema, pageOf, PagingQuerySchema, TimestampSchema } from '../schemas/common.schemas';

const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: TimestampSchema,
    actorId: z.string().nullable(),
    actorLabel: z.string().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    details: JsonObjectSchema,
    requestId: z.string().nullable(),
    ipAddress: z.string().nullable(),
  })
  .openapi('AuditEntry');

const instant = z.iso.datetime({ offset: true }).openapi({ format: 'date-time' });

const list = defineRoute(ADMIN, {
  method: 'get',
  path: '/api/audit',
  tags: ['audit'],
  summary: 'Audit log entries, newest first',
  request: {
    query: PagingQuerySchema.extend({
      actor: z.string().max(100).optional().openapi({ description: 'A user id' }),
      action: z.string().regex(/^[a-z][a-z-]{0,63}$/).optional().openapi({ example: 'project-create' }),
      since: instant.optional(),
      until: instant.optional(),
    }),
  },
  responses: { 200: { description: 'One page of entries', content: { 'application/json': { schema: pageOf(AuditEntrySchema) } } } },
});

export function registerAuditRoutes(app: OpenAPIHono<AppEnv>, services: AppServices): void {
  app.openapi(list, async (context) => {
    const { actor, ...query } = context.req.valid('query');
    const page = await services.store.audit.list({ ...definedFields(query), ...(actor ? { actorId: actor as UserId } : {}) });
    return context.json({ ...page, items: page.items.map((entry) => ({ ...entry })) }, 200);
  });
}
