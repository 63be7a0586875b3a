// The OpenAPI 3.1 document, generated once from the route definitions and served at /openapi.json.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import { SECURITY_SCHEMES } from './define-route';

export type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

export function registerSecuritySchemes(app: OpenAPIHono<AppEnv>): void {
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) app.openAPIRegistry.registerComponent('securitySchemes', name, scheme);
}

/** Builds the document lazily on first use: generating it costs tens of milliseconds. */
export function openApiDocument(app: OpenAPIHono<AppEnv>, version: string): () => OpenApiDocument {
  let document: OpenApiDocument | undefined;
  return () =>
    (document ??= app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'agent-generator API',
        version,
        description:
          'Plan, check and generate multi-agent projects. Authenticate with the session cookie (browser; writes need X-CSRF-Token) or `Authorization: Bearer <API token>`. `x-access` on each operation names the role and token scope it needs. Errors are `{ "error": { "code", "message", "details" } }`.',
      },
      servers: [{ url: '/' }],
    }));
}
