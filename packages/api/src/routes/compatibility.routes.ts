// The compatibility catalog and its evaluator, the same module the web app runs in the browser.
import { catalog, evaluate } from '@agent-generator/core';
import { hasErrors } from '@agent-generator/contracts';
import type { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import { VIEWER_READ } from '../auth/access';
import { defineRoute } from '../openapi/define-route';
import { CatalogSchema, EvaluateResponseSchema, SelectionBodySchema } from '../schemas/plan.schemas';

const tags = ['compatibility'];

const getCatalog = defineRoute(VIEWER_READ, {
  method: 'get',
  path: '/api/compatibility',
  tags,
  summary: 'The whole compatibility catalog',
  responses: { 200: { description: 'Hyperscalers, frameworks, patterns, providers, models, tools and export targets', content: { 'application/json': { schema: CatalogSchema } } } },
});

const evaluateSelection = defineRoute(VIEWER_READ, {
  method: 'post',
  path: '/api/compatibility/evaluate',
  tags,
  summary: 'Diagnostics for a selection',
  description: 'One row per selected dimension (ok, warn or err) with the wizard step that fixes it and concrete alternatives.',
  request: { body: { required: true, content: { 'application/json': { schema: SelectionBodySchema } } } },
  responses: { 200: { description: 'Diagnostics', content: { 'application/json': { schema: EvaluateResponseSchema } } } },
});

// The catalog as plain JSON arrays, built once.
const catalogJson = Object.fromEntries(Object.entries(catalog).map(([key, entries]: [string, ReadonlyArray<unknown>]) => [key, [...entries]])) as z.infer<typeof CatalogSchema>;

export function registerCompatibilityRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getCatalog, (context) => context.json(catalogJson, 200));
  app.openapi(evaluateSelection, (context) => {
    const diagnostics = evaluate(context.req.valid('json'));
    return context.json({ diagnostics, hasErrors: hasErrors(diagnostics) }, 200);
  });
}
