// A version's files: the tree with sizes and hashes, one file's content, and the zip download.
import { UserError, type ProjectId } from '@agent-generator/contracts';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import type { AppServices } from '../app-services';
import { VIEWER_READ } from '../auth/access';
import { requireAccess } from '../auth/require-access';
import { defineRoute } from '../openapi/define-route';
import { IdParamsSchema } from '../schemas/common.schemas';
import { FileEntrySchema, VersionQuerySchema } from '../schemas/project.schemas';
import { zipStream } from '../services/zip-stream';

const tags = ['projects'];

const FileTreeSchema = z.object({ version: z.number().int(), totalBytes: z.number().int(), files: z.array(FileEntrySchema) }).openapi('FileTree');

const tree = defineRoute(VIEWER_READ, {
  method: 'get',
  path: '/api/projects/{id}/files',
  tags,
  summary: "A version's files with sizes and sha256 hashes (latest version unless ?version=)",
  request: { params: IdParamsSchema, query: VersionQuerySchema },
  responses: { 200: { description: 'The file tree, sorted by path', content: { 'application/json': { schema: FileTreeSchema } } } },
});

// Documented here; served by a wildcard route below because the path contains slashes.
const fileContent = defineRoute(VIEWER_READ, {
  method: 'get',
  path: '/api/projects/{id}/files/{path}',
  tags,
  summary: 'One file of a version, as UTF-8 text',
  request: { params: IdParamsSchema.extend({ path: z.string().min(1).max(1000).openapi({ param: { name: 'path', in: 'path' }, example: 'src/main.py' }) }), query: VersionQuerySchema },
  responses: { 200: { description: 'The content (ETag is its sha256)', content: { 'text/plain': { schema: z.string() } } } },
});

const download = defineRoute(VIEWER_READ, {
  method: 'get',
  path: '/api/projects/{id}/download',
  tags,
  summary: 'The files of a version as a zip archive (streamed)',
  request: { params: IdParamsSchema, query: VersionQuerySchema },
  responses: { 200: { description: 'application/zip; files sit in a folder named after the project slug', content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } } } },
});

function versionParameter(raw: string | undefined): number | undefined {
  const parsed = VersionQuerySchema.safeParse({ version: raw });
  if (!parsed.success) throw new UserError('invalid_input', 'version must be a whole number from 1.', { field: 'version' });
  return parsed.data.version;
}

export function registerProjectFileRoutes(app: OpenAPIHono<AppEnv>, services: AppServices): void {
  const { store, projects } = services;

  app.openapi(tree, async (context) => {
    const project = await projects.getProject(context.req.valid('param').id as ProjectId);
    const version = await projects.getVersion(project, context.req.valid('query').version);
    const files = version.manifest.map((entry) => ({ ...entry }));
    return context.json({ version: version.version, totalBytes: files.reduce((sum, entry) => sum + entry.bytes, 0), files }, 200);
  });

  app.openAPIRegistry.registerPath(fileContent);
  app.get('/api/projects/:id/files/:path{.+}', requireAccess(VIEWER_READ), async (context) => {
    const project = await projects.getProject(context.req.param('id') as ProjectId);
    const version = await projects.getVersion(project, versionParameter(context.req.query('version')));
    const path = context.req.param('path');
    const entry = version.manifest.find((candidate) => candidate.path === path);
    const content = entry && (await store.projects.readFile({ projectId: project.id, version: version.version, path }));
    if (!entry || content === undefined) throw new UserError('not_found', `Version ${version.version} of project ${project.id} has no file "${path.slice(0, 300)}".`, { entity: 'file', path: path.slice(0, 300) });
    const etag = `"${entry.sha256}"`;
    if (context.req.header('if-none-match') === etag) return context.body(null, 304, { ETag: etag });
    return context.body(content, 200, { 'Content-Type': 'text/plain; charset=utf-8', ETag: etag, 'Cache-Control': 'private, no-cache' });
  });

  app.openapi(download, async (context) => {
    const project = await projects.getProject(context.req.valid('param').id as ProjectId);
    const version = await projects.getVersion(project, context.req.valid('query').version);
    const files = (await store.projects.readFiles({ projectId: project.id, version: version.version })) ?? [];
    const filename = `${version.spec.slug}-v${version.version}.zip`;
    return context.body(zipStream(files, version.spec.slug), 200, { 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'private, no-cache' });
  });
}
