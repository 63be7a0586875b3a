// Bodies and answers of the preview routes: render a spec on the server without storing anything.
import { z } from '@hono/zod-openapi';
import { JsonObjectSchema } from './common.schemas';
import { DiagnosticsSchema, PartialSelectionSchema } from './plan.schemas';
import { FileEntrySchema } from './project.schemas';

const SpecInputSchema = JsonObjectSchema.openapi({ description: 'A ProjectSpec (see the ProjectSpec schema); older spec versions are migrated.' });

export const PreviewBodySchema = z
  .object({ spec: SpecInputSchema, selection: PartialSelectionSchema.optional() })
  .openapi('PreviewRequest', { description: 'The spec being edited and, optionally, a selection applied to it first (as when generating).' });

export const PreviewFileBodySchema = PreviewBodySchema.extend({ path: z.string().min(1).max(1000).openapi({ example: 'src/research_digest/main.py' }) }).openapi('PreviewFileRequest');

export const PreviewSchema = z
  .object({
    rendererVersion: z.string().openapi({ example: 'crewai@1.4.0' }),
    totalBytes: z.number().int(),
    files: z.array(FileEntrySchema),
    diagnostics: DiagnosticsSchema,
  })
  .openapi('Preview');

export const RendererSchema = z
  .object({
    framework: z.string(),
    name: z.string(),
    vendor: z.string(),
    version: z.string(),
    language: z.string(),
    maturity: z.string(),
    patterns: z.array(z.object({ id: z.string(), support: z.enum(['native', 'adapter']) })),
  })
  .openapi('Renderer');
