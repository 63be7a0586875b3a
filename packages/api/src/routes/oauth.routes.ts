// OAuth/OIDC sign-in: /start redirects to the provider with state, PKCE and a nonce; /callback
// checks the state, trades the code (OIDC: verifying the ID token), signs the person in and sends
// the browser back to the app. A refused ID token is audited and answered 401; nothing is created.
import { UserError } from '@agent-generator/contracts';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import type { AppServices } from '../app-services';
import { PUBLIC } from '../auth/access';
import { saveAttempt, takeAttempt } from '../auth/oauth/oauth-state';
import { newPkce, nonceOf } from '../auth/oauth/pkce';
import { randomSecret } from '../auth/secret-token';
import { defineRoute } from '../openapi/define-route';
import { auditEntry } from '../services/audit-entry';

const tags = ['auth'];
const ProviderParamsSchema = z.object({ provider: z.enum(['github', 'google', 'entra']).openapi({ param: { name: 'provider', in: 'path' } }) });

const start = defineRoute(PUBLIC, {
  method: 'get',
  path: '/api/auth/oauth/{provider}/start',
  tags,
  summary: 'Begin signing in with a provider (redirects to it)',
  request: { params: ProviderParamsSchema },
  responses: { 302: { description: "Redirect to the provider's sign-in page" } },
});
const callback = defineRoute(PUBLIC, {
  method: 'get',
  path: '/api/auth/oauth/{provider}/callback',
  tags,
  summary: 'Where the provider sends the browser back; signs in and redirects to the app',
  request: {
    params: ProviderParamsSchema,
    query: z.object({ code: z.string().max(2000).optional(), state: z.string().max(200).optional(), error: z.string().max(200).optional() }),
  },
  responses: { 302: { description: 'Redirect to / when signed in, or to /login?error=… when not' } },
});

export function registerOAuthRoutes(app: OpenAPIHono<AppEnv>, services: AppServices): void {
  const stateOptions = { secret: services.deps.auth.sessionSecret, secure: services.deps.auth.publicUrl.startsWith('https:'), clock: services.clock };
  const providerOf = (id: string) => {
    const provider = services.oauth.provider(id);
    if (!provider) throw new UserError('not_found', `Sign-in with ${id} is not configured on this server.`, { entity: 'oauth-provider', id });
    return provider;
  };

  app.openapi(start, async (context) => {
    const id = context.req.valid('param').provider;
    const provider = providerOf(id);
    const { verifier, challenge } = newPkce();
    const state = randomSecret();
    const location = await provider.authorizeUrl({ state, challenge, nonce: nonceOf(verifier), redirectUri: services.oauth.redirectUri(id) });
    saveAttempt(context, { provider: id, state, verifier }, stateOptions);
    return context.redirect(location, 302);
  });

  app.openapi(callback, async (context) => {
    const id = context.req.valid('param').provider;
    const provider = providerOf(id);
    const query = context.req.valid('query');
    const fail = async (reason: string) => {
      await services.store.audit.append(auditEntry(context, { actor: null, action: 'login-fail', details: { method: id, reason } }));
      return context.redirect(`/login?error=${encodeURIComponent(reason)}`, 302);
    };
    if (query.error !== undefined || query.code === undefined || query.state === undefined) return fail('oauth_denied');
    const attempt = takeAttempt(context, { provider: id, state: query.state }, stateOptions);
    if (!attempt) return fail('oauth_state');
    let profile;
    try {
      const grant = await provider.exchange({ code: query.code, verifier: attempt.verifier, nonce: nonceOf(attempt.verifier), redirectUri: services.oauth.redirectUri(id) });
      profile = await provider.profile(grant);
    } catch (error) {
      const reason = error instanceof UserError ? error.details.reason : undefined;
      if (typeof reason === 'string') await services.store.audit.append(auditEntry(context, { actor: null, action: 'login-fail', details: { method: id, reason } }));
      throw error;
    }
    const outcome = await services.oauth.signIn(services.store, id, profile);
    if (!outcome.ok) return fail(outcome.reason);
    await services.sessions.start(context, { user: outcome.user, ipAddress: context.get('clientAddress') });
    await services.store.audit.append(auditEntry(context, { actor: outcome.user, action: 'login', targetType: 'user', targetId: outcome.user.id, details: { method: id, created: outcome.created } }));
    return context.redirect('/', 302);
  });
}
