// createApp(deps): the whole HTTP API as one Hono app — middleware, every feature's routes, the
// OpenAPI document and its reference page, and the one error handler.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from './app-deps';
import type { AppEnv } from './app-env';
import { createServices } from './app-services';
import { authenticate } from './auth/authenticate';
import { errorBody } from './errors/error-body';
import { handleError } from './errors/handle-error';
import { validationHook } from './errors/validation-hook';
import { bodyLimit } from './http/body-limit';
import { requestContext } from './http/request-context';
import { securityHeaders } from './http/security-headers';
import { DOCS_CSS, renderDocsPage } from './openapi/docs-page';
import { openApiDocument, registerSecuritySchemes } from './openapi/openapi-document';
import { registerAuditRoutes } from './routes/audit.routes';
import { registerAuthRoutes } from './routes/auth.routes';
import { registerChatRoutes } from './routes/chat.routes';
import { registerCompatibilityRoutes } from './routes/compatibility.routes';
import { registerDataRoutes } from './routes/data.routes';
import { registerOAuthRoutes } from './routes/oauth.routes';
import { registerPlanRoutes } from './routes/plan.routes';
import { registerPreviewRoutes } from './routes/preview.routes';
import { registerProjectFileRoutes } from './routes/project-files.routes';
import { registerProjectImportRoutes } from './routes/project-import.routes';
import { registerProjectsRoutes } from './routes/projects.routes';
import { registerProvidersRoutes } from './routes/providers.routes';
import { registerRendererRoutes } from './routes/renderers.routes';
import { registerRunsRoutes } from './routes/runs.routes';
import { registerSettingsRoutes } from './routes/settings.routes';
import { registerSystemRoutes } from './routes/system.routes';
import { registerTokensRoutes } from './routes/tokens.routes';
import { registerToolsSettingsRoutes } from './routes/tools-settings.routes';
import { registerUsersRoutes } from './routes/users.routes';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const services = createServices(deps);
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use(requestContext({ logger: services.logger, metrics: deps.metrics, trustProxy: deps.trustProxy ?? false }));
  app.use(securityHeaders({ https: deps.auth.publicUrl.startsWith('https:') }));
  app.use(bodyLimit(deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES));
  app.use(authenticate({ store: services.store, sessions: services.sessions, clock: services.clock, tokens: services.tokens }));

  // The features this server runs, in one list.
  registerSystemRoutes(app, services);
  registerAuthRoutes(app, services);
  registerOAuthRoutes(app, services);
  registerTokensRoutes(app, services);
  registerUsersRoutes(app, services);
  registerCompatibilityRoutes(app);
  registerPlanRoutes(app);
  registerPreviewRoutes(app, services);
  registerRendererRoutes(app);
  // Before the projects routes: GET /api/projects/export must not be taken for a project id.
  registerDataRoutes(app, services);
  registerProjectImportRoutes(app, services);
  registerProjectsRoutes(app, services);
  registerProjectFileRoutes(app, services);
  registerSettingsRoutes(app, services);
  registerToolsSettingsRoutes(app, services);
  registerProvidersRoutes(app, services);
  registerAuditRoutes(app, services);
  registerRunsRoutes(app, services);
  registerChatRoutes(app, services);

  registerSecuritySchemes(app);
  const document = openApiDocument(app, deps.system.version);
  app.get('/openapi.json', (context) => context.json(document()));
  app.get('/docs', (context) => context.html(renderDocsPage(document())));
  app.get('/docs/docs.css', (context) => context.body(DOCS_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }));
  app.notFound((context) => {
    const path = context.req.path;
    return context.json(errorBody('not_found', `No route ${context.req.method} ${path.length > 200 ? `${path.slice(0, 200)}…` : path}; see /docs for the API.`), 404);
  });
  app.onError(handleError);
  return app;
}
