// Bodies and answers of the planning and compatibility routes.
import { DiagnosticSchema, ProjectSpecSchema, SelectionSchema } from '@agent-generator/contracts';
import { z } from '@hono/zod-openapi';

// Schemas from contracts may be built before @hono/zod-openapi adds `.openapi()`, so they are copied
// (extend / object of the shape) before being named as components of the document.
export const SelectionBodySchema = SelectionSchema.extend({}).openapi('Selection');
export const PartialSelectionSchema = SelectionSchema.partial().openapi('PartialSelection');
export const DiagnosticsSchema = z.array(DiagnosticSchema.extend({}).openapi('Diagnostic'));
/** For answers only: the shape of a spec (requests go through restoreProjectSpec, which also checks references). */
export const SpecSchema = z.object(ProjectSpecSchema.shape).openapi('ProjectSpec');

/** Raw text is bounded here only against abuse; the planner gives the precise limit and message. */
export const IdeaSchema = z.string().min(1).max(100_000).openapi({ example: 'Research a topic on the web and write a weekly digest' });

export const PlanBodySchema = z.object({
  idea: IdeaSchema,
  selection: PartialSelectionSchema.optional(),
  name: z.string().max(1000).optional(),
});

export const PlanHintSchema = z.object({ kind: z.string(), message: z.string(), value: z.string() });

export const PlanResponseSchema = z.object({ spec: SpecSchema, hints: z.array(PlanHintSchema), diagnostics: DiagnosticsSchema }).openapi('Plan');

export const EvaluateResponseSchema = z.object({ diagnostics: DiagnosticsSchema, hasErrors: z.boolean() });

// Entries are described by the catalog types in @agent-generator/contracts; every entry has an `id`.
const CatalogListSchema = z.array(z.unknown());
export const CatalogSchema = z
  .object({
    hyperscalers: CatalogListSchema,
    frameworks: CatalogListSchema,
    patterns: CatalogListSchema,
    providers: CatalogListSchema,
    models: CatalogListSchema,
    tools: CatalogListSchema,
    exportTargets: CatalogListSchema,
  })
  .openapi('Catalog');
