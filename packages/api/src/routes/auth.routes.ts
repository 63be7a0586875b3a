// First-run setup, password sign-in and sign-out, and who the caller is.
import { UserError } from '@agent-generator/contracts';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import type { AppServices } from '../app-services';
import { PUBLIC, scopesForRole, VIEWER_READ, type TokenScope } from '../auth/access';
import { verifyPassword } from '../auth/password';
import { requirePrincipal } from '../auth/require-access';
import { defineRoute, json } from '../openapi/define-route';
import { AuthStatusSchema, LoginBodySchema, MeSchema, SetupBodySchema, SignedInSchema } from '../schemas/auth.schemas';
import { userView } from '../schemas/user.schemas';
import { auditEntry } from '../services/audit-entry';

const tags = ['auth'];

const status = defineRoute(PUBLIC, { method: 'get', path: '/api/auth/status', tags, summary: 'Whether setup is needed and which sign-in methods exist', responses: { 200: json(AuthStatusSchema, 'Sign-in options') } });
const setup = defineRoute(PUBLIC, {
  method: 'post',
  path: '/api/auth/setup',
  tags,
  summary: 'Create the first admin (only while no admin exists) and sign in',
  request: { body: { required: true, content: { 'application/json': { schema: SetupBodySchema } } } },
  responses: { 201: json(SignedInSchema, 'The admin, signed in') },
});
const login = defineRoute(PUBLIC, {
  method: 'post',
  path: '/api/auth/login',
  tags,
  summary: 'Sign in with email and password',
  description: 'Starts a new session (any session the request carried is revoked). Failed attempts are rate limited per account and address.',
  request: { body: { required: true, content: { 'application/json': { schema: LoginBodySchema } } } },
  responses: { 200: json(SignedInSchema, 'Signed in; the session cookie is set') },
});
const logout = defineRoute(VIEWER_READ, { method: 'post', path: '/api/auth/logout', tags, summary: 'Sign out: revoke this session', responses: { 204: { description: 'Signed out' } } });
const me = defineRoute(VIEWER_READ, { method: 'get', path: '/api/auth/me', tags, summary: 'The signed-in user and how they authenticated', responses: { 200: json(MeSchema, 'The caller') } });

const PROVIDER_LABELS = { github: 'GitHub', google: 'Google', entra: 'Microsoft' } as const;

async function signIn(context: Context<AppEnv>, services: AppServices, user: Parameters<AppServices['sessions']['start']>[1]['user']) {
  const { session, csrfToken } = await services.sessions.start(context, { user, ipAddress: context.get('clientAddress') });
  return { user: userView(user), csrfToken, expiresAt: session.expiresAt };
}

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>, services: AppServices): void {
  const { store } = services;

  app.openapi(status, async (context) => {
    const admins = await store.users.count({ role: 'admin' });
    const oauthProviders = services.deps.auth.oauthProviders.map((provider) => ({ id: provider.id, label: PROVIDER_LABELS[provider.id], startUrl: `/api/auth/oauth/${provider.id}/start` }));
    return context.json({ setupRequired: admins === 0, passwordLogin: true, oauthProviders }, 200);
  });

  app.openapi(setup, async (context) => {
    const body = context.req.valid('json');
    if ((await store.users.count({ role: 'admin' })) > 0) throw new UserError('conflict', 'Setup is already done: sign in instead, or ask an admin for an account.', { entity: 'setup' });
    const user = await services.users.create({ ...body, role: 'admin' });
    await store.audit.append(auditEntry(context, { actor: user, action: 'setup-complete', targetType: 'user', targetId: user.id }));
    return context.json(await signIn(context, services, user), 201);
  });

  app.openapi(login, async (context) => {
    const { email, password } = context.req.valid('json');
    const address = context.get('clientAddress');
    await services.loginLimiter.check(email, address);
    const user = await store.users.findByEmail(email);
    const valid = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !valid || user.disabled) {
      await services.loginLimiter.recordFailure(email, address);
      await store.audit.append(auditEntry(context, { actor: null, action: 'login-fail', targetType: 'user', details: { email: email.slice(0, 254), reason: user?.disabled && valid ? 'disabled' : 'credentials' } }));
      throw new UserError('unauthenticated', 'The email or password is wrong, or the account is disabled.');
    }
    await services.loginLimiter.recordSuccess(email, address);
    await store.audit.append(auditEntry(context, { actor: user, action: 'login', targetType: 'user', targetId: user.id, details: { method: 'password' } }));
    return context.json(await signIn(context, services, user), 200);
  });

  app.openapi(logout, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    await services.sessions.end(context);
    await store.audit.append(auditEntry(context, { actor: principal, action: 'logout', targetType: 'user', targetId: principal.user.id }));
    return context.body(null, 204);
  });

  app.openapi(me, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    const { credential } = principal;
    const scopes: TokenScope[] = credential.kind === 'token' ? scopesForRole(principal.user.role).filter((scope) => credential.token.scopes.includes(scope)) : [...scopesForRole(principal.user.role)];
    return context.json(
      credential.kind === 'session'
        ? { user: userView(principal.user), via: 'session' as const, csrfToken: credential.session.csrfSecret, expiresAt: credential.session.expiresAt, scopes }
        : { user: userView(principal.user), via: 'token' as const, expiresAt: credential.token.expiresAt, scopes },
      200,
    );
  });
}
