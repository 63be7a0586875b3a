// Idea + selection → a ProjectSpec, the planner's hints and the compatibility diagnostics. Stores nothing.
import { evaluate, planProject, selectionOfSpec } from '@agent-generator/core';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import { VIEWER_READ } from '../auth/access';
import { defineRoute } from '../openapi/define-route';
import { PlanBodySchema, PlanResponseSchema } from '../schemas/plan.schemas';
import { planChoicesOf } from '../services/plan-choices';

const plan = defineRoute(VIEWER_READ, {
  method: 'post',
  path: '/api/plan',
  tags: ['plan'],
  summary: 'Plan a project from an idea',
  description: 'Explicit selection fields always win over what is read from the idea. Nothing is stored.',
  request: { body: { required: true, content: { 'application/json': { schema: PlanBodySchema } } } },
  responses: { 200: { description: 'The planned spec, hints and diagnostics', content: { 'application/json': { schema: PlanResponseSchema } } } },
});

export function registerPlanRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(plan, (context) => {
    const body = context.req.valid('json');
    const { spec, hints } = planProject(body.idea, planChoicesOf(body.selection, body.name));
    const exportTarget = body.selection?.exportTarget;
    const diagnostics = evaluate({ ...selectionOfSpec(spec), ...(exportTarget ? { exportTarget } : {}) });
    return context.json({ spec, hints: [...hints], diagnostics }, 200);
  });
}
