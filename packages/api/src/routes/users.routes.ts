// User administration (admins only): list, create, change role or status, reset password, delete.
import type { UserId } from '@agent-generator/contracts';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import type { AppServices } from '../app-services';
import { ADMIN } from '../auth/access';
import { requirePrincipal } from '../auth/require-access';
import { definedFields } from '../http/defined-fields';
import { defineRoute } from '../openapi/define-route';
import { PasswordSchema } from '../schemas/auth.schemas';
import { EmailSchema, IdParamsSchema, NameSchema, pageOf, PagingQuerySchema, SearchSchema } from '../schemas/common.schemas';
import { RoleSchema, UserSchema, userView } from '../schemas/user.schemas';
import { auditEntry } from '../services/audit-entry';

const tags = ['users'];
const userJson = (description: string) => ({ description, content: { 'application/json': { schema: UserSchema } } });

const CreateUserSchema = z.object({ email: EmailSchema, name: NameSchema, role: RoleSchema, password: PasswordSchema.optional() });
const PatchUserSchema = z.object({ email: EmailSchema.optional(), name: NameSchema.optional(), role: RoleSchema.optional(), disabled: z.boolean().optional(), password: PasswordSchema.optional() });

const list = defineRoute(ADMIN, {
  method: 'get',
  path: '/api/users',
  tags,
  summary: 'List users, sorted by email',
  request: { query: PagingQuerySchema.extend({ search: SearchSchema, role: RoleSchema.optional() }) },
  responses: { 200: { description: 'One page of users', content: { 'application/json': { schema: pageOf(UserSchema) } } } },
});
const getUser = defineRoute(ADMIN, { method: 'get', path: '/api/users/{id}', tags, summary: 'One user', request: { params: IdParamsSchema }, responses: { 200: userJson('The user') } });
const create = defineRoute(ADMIN, {
  method: 'post',
  path: '/api/users',
  tags,
  summary: 'Create a user',
  description: 'Without a password the person can sign in only through a configured OAuth provider with the same email.',
  request: { body: { required: true, content: { 'application/json': { schema: CreateUserSchema } } } },
  responses: { 201: userJson('The new user') },
});
const patch = defineRoute(ADMIN, {
  method: 'patch',
  path: '/api/users/{id}',
  tags,
  summary: 'Change a user; a new role, password or disabling signs them out everywhere',
  request: { params: IdParamsSchema, body: { required: true, content: { 'application/json': { schema: PatchUserSchema } } } },
  responses: { 200: userJson('The changed user') },
});
const remove = defineRoute(ADMIN, {
  method: 'delete',
  path: '/api/users/{id}',
  tags,
  summary: 'Delete a user (refused while they own projects: disable them instead)',
  request: { params: IdParamsSchema },
  responses: { 204: { description: 'Deleted' } },
});

export function registerUsersRoutes(app: OpenAPIHono<AppEnv>, services: AppServices): void {
  const { store, users } = services;

  app.openapi(list, async (context) => {
    const query = context.req.valid('query');
    const page = await store.users.list(definedFields(query));
    return context.json({ ...page, items: page.items.map(userView) }, 200);
  });

  app.openapi(getUser, async (context) => context.json(userView(await users.get(context.req.valid('param').id as UserId)), 200));

  app.openapi(create, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    const user = await users.create(context.req.valid('json'));
    await store.audit.append(auditEntry(context, { actor: principal, action: 'user-create', targetType: 'user', targetId: user.id, details: { email: user.email, role: user.role } }));
    return context.json(userView(user), 201);
  });

  app.openapi(patch, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    const body = context.req.valid('json');
    const { user, signedOut } = await users.update(context.req.valid('param').id as UserId, body);
    const changed = Object.keys(body).filter((field) => field !== 'password');
    const details = { changed, passwordReset: body.password !== undefined, signedOut };
    await store.audit.append(auditEntry(context, { actor: principal, action: 'user-update', targetType: 'user', targetId: user.id, details }));
    return context.json(userView(user), 200);
  });

  app.openapi(remove, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    const id = context.req.valid('param').id as UserId;
    const user = await users.get(id);
    await users.delete(id);
    await store.audit.append(auditEntry(context, { actor: principal, action: 'user-delete', targetType: 'user', targetId: id, details: { email: user.email } }));
    return context.body(null, 204);
  });
}
