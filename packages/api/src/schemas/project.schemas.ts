// What the projects routes accept and answer.
import { FRAMEWORK_IDS, PATTERN_IDS, SlugSchema, textField, type ProjectRecord, type ProjectVersionRecord } from '@agent-generator/contracts';
import { z } from '@hono/zod-openapi';
import { JsonObjectSchema, NameSchema, PagingQuerySchema, SearchSchema, TimestampSchema } from './common.schemas';
import { DiagnosticsSchema, IdeaSchema, PartialSelectionSchema, PlanHintSchema, SpecSchema } from './plan.schemas';

export const ProjectSchema = z
  .object({
    id: z.string(),
    ownerId: z.string(),
    name: z.string(),
    slug: z.string(),
    framework: z.enum(FRAMEWORK_IDS),
    pattern: z.enum(PATTERN_IDS),
    idea: z.string(),
    latestVersion: z.number().int(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .openapi('Project');

export const FileEntrySchema = z.object({ path: z.string(), bytes: z.number().int(), sha256: z.string(), executable: z.boolean() }).openapi('FileEntry');

export const ProjectVersionSchema = z
  .object({
    projectId: z.string(),
    version: z.number().int(),
    spec: SpecSchema,
    rendererVersion: z.string(),
    diagnostics: DiagnosticsSchema,
    files: z.array(FileEntrySchema),
    createdBy: z.string().nullable(),
    createdAt: TimestampSchema,
  })
  .openapi('ProjectVersion');

export const VersionSummarySchema = z
  .object({
    version: z.number().int(),
    framework: z.enum(FRAMEWORK_IDS),
    pattern: z.enum(PATTERN_IDS),
    rendererVersion: z.string(),
    fileCount: z.number().int(),
    totalBytes: z.number().int(),
    createdBy: z.string().nullable(),
    createdAt: TimestampSchema,
  })
  .openapi('ProjectVersionSummary');

/** A ProjectSpec as JSON; older spec versions are migrated, invalid ones answered with every issue. */
const SpecInputSchema = JsonObjectSchema.openapi({ description: 'A ProjectSpec (see the ProjectSpec schema); older spec versions are migrated.' });

export const CreateProjectBodySchema = z.object({
  idea: IdeaSchema.optional(),
  spec: SpecInputSchema.optional(),
  selection: PartialSelectionSchema.optional(),
  name: z.string().max(1000).optional(),
});

export const CreateVersionBodySchema = z.object({ spec: SpecInputSchema.optional(), selection: PartialSelectionSchema.optional() });

export const PatchProjectBodySchema = z.object({ name: NameSchema.optional(), slug: SlugSchema.optional(), idea: textField(4000).optional() });

export const ListProjectsQuerySchema = PagingQuerySchema.extend({
  search: SearchSchema,
  framework: z.enum(FRAMEWORK_IDS).optional(),
  sort: z.enum(['name', 'created', 'updated']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  owner: z.enum(['me', 'anyone']).optional(),
});

export const VersionQuerySchema = z.object({ version: z.coerce.number().int().min(1).max(1_000_000).optional() });

export const CreatedProjectSchema = z.object({ project: ProjectSchema, version: ProjectVersionSchema, hints: z.array(PlanHintSchema) }).openapi('CreatedProject');

export const ProjectDetailSchema = z.object({ project: ProjectSchema, latest: ProjectVersionSchema }).openapi('ProjectDetail');

export function projectView(project: ProjectRecord): z.infer<typeof ProjectSchema> {
  return { ...project };
}

export function versionView(version: ProjectVersionRecord): z.infer<typeof ProjectVersionSchema> {
  const { manifest, ...rest } = version;
  return { ...rest, diagnostics: [...version.diagnostics], files: manifest.map((entry) => ({ ...entry })) };
}

export function versionSummary(version: ProjectVersionRecord): z.infer<typeof VersionSummarySchema> {
  return {
    version: version.version,
    framework: version.spec.framework,
    pattern: version.spec.pattern,
    rendererVersion: version.rendererVersion,
    fileCount: version.manifest.length,
    totalBytes: version.manifest.reduce((sum, entry) => sum + entry.bytes, 0),
    createdBy: version.createdBy,
    createdAt: version.createdAt,
  };
}
