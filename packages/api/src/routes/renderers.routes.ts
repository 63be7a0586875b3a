// Plug-in templates: the renderers this server has installed, one per framework, with the catalog's
// description of each (vendor, language, maturity) and the orchestration patterns it can generate.
import { catalog } from '@agent-generator/core';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { renderers } from '@agent-generator/renderers';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import { VIEWER_READ } from '../auth/access';
import { defineRoute } from '../openapi/define-route';
import { RendererSchema } from '../schemas/preview.schemas';

const list = defineRoute(VIEWER_READ, {
  method: 'get',
  path: '/api/renderers',
  tags: ['renderers'],
  summary: 'Installed renderers (plug-in templates), one per framework',
  responses: { 200: { description: 'Every installed renderer with its version and the patterns it generates', content: { 'application/json': { schema: z.object({ items: z.array(RendererSchema) }) } } } },
});

type RendererView = z.infer<typeof RendererSchema>;

// The registry and the catalog are fixed for the life of the process, so the answer is built once.
const items: ReadonlyArray<RendererView> = catalog.frameworks.map((framework) => ({
  framework: framework.id,
  name: framework.name,
  vendor: framework.vendor,
  version: renderers[framework.id].version,
  language: framework.language,
  maturity: framework.maturity,
  patterns: Object.entries(framework.patterns).flatMap(([id, support]) => (support === 'unsupported' ? [] : [{ id, support }])),
}));

export function registerRendererRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, (context) => context.json({ items: [...items] }, 200));
}
