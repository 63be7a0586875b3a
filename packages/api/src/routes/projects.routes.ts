// Projects: search and list, generate (version 1), rename, delete, new versions, version history, diff.
import type { ProjectId } from '@agent-generator/contracts';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import type { AppServices } from '../app-services';
import { EDITOR_WRITE, VIEWER_READ } from '../auth/access';
import { requirePrincipal } from '../auth/require-access';
import { definedFields } from '../http/defined-fields';
import { defineRoute, json } from '../openapi/define-route';
import { IdParamsSchema, pageOf } from '../schemas/common.schemas';
import {
  CreatedProjectSchema,
  CreateProjectBodySchema,
  CreateVersionBodySchema,
  ListProjectsQuerySchema,
  PatchProjectBodySchema,
  ProjectDetailSchema,
  ProjectSchema,
  ProjectVersionSchema,
  projectView,
  versionSummary,
  VersionSummarySchema,
  versionView,
} from '../schemas/project.schemas';
import { auditEntry } from '../services/audit-entry';
import { diffTrees, DiffSchema } from '../services/diff-trees';
import { matchesEtag, projectsPageBody } from '../services/projects-page-body';

const tags = ['projects'];
const body = <Schema extends z.ZodType>(schema: Schema) => ({ required: true, content: { 'application/json': { schema } } });

const list = defineRoute(VIEWER_READ, {
  method: 'get',
  path: '/api/projects',
  tags,
  summary: 'Search, filter, sort and page through projects',
  request: { query: ListProjectsQuerySchema },
  responses: {
    200: { ...json(pageOf(ProjectSchema), 'One page of projects'), headers: z.object({ ETag: z.string() }) },
    304: { description: 'Unchanged since the page whose ETag was sent in If-None-Match' },
  },
});
const create = defineRoute(EDITOR_WRITE, {
  method: 'post',
  path: '/api/projects',
  tags,
  summary: 'Generate a project from an idea, or from a spec and selection',
  description: 'Plans (from an idea), evaluates the selection (422 with diagnostics when it cannot work), renders the files and stores version 1.',
  request: { body: body(CreateProjectBodySchema) },
  responses: { 201: json(CreatedProjectSchema, 'The project and its first version') },
});
const getProject = defineRoute(VIEWER_READ, { method: 'get', path: '/api/projects/{id}', tags, summary: 'A project and its latest version', request: { params: IdParamsSchema }, responses: { 200: json(ProjectDetailSchema, 'The project') } });
const patch = defineRoute(EDITOR_WRITE, {
  method: 'patch',
  path: '/api/projects/{id}',
  tags,
  summary: "Rename a project or edit its idea (the files change only with a new version)",
  request: { params: IdParamsSchema, body: body(PatchProjectBodySchema) },
  responses: { 200: json(ProjectSchema, 'The changed project') },
});
const remove = defineRoute(EDITOR_WRITE, { method: 'delete', path: '/api/projects/{id}', tags, summary: 'Delete a project with all its versions', request: { params: IdParamsSchema }, responses: { 204: { description: 'Deleted' } } });
const addVersion = defineRoute(EDITOR_WRITE, {
  method: 'post',
  path: '/api/projects/{id}/versions',
  tags,
  summary: 'Re-render with an edited spec or a new selection as the next version',
  request: { params: IdParamsSchema, body: body(CreateVersionBodySchema) },
  responses: { 201: json(ProjectVersionSchema, 'The new version') },
});
const versions = defineRoute(VIEWER_READ, {
  method: 'get',
  path: '/api/projects/{id}/versions',
  tags,
  summary: 'Version history, newest first',
  request: { params: IdParamsSchema },
  responses: { 200: json(z.object({ items: z.array(VersionSummarySchema) }), 'Versions') },
});
const diff = defineRoute(VIEWER_READ, {
  method: 'get',
  path: '/api/projects/{id}/diff',
  tags,
  summary: 'Unified diff of the files of two versions',
  request: { params: IdParamsSchema, query: z.object({ from: z.coerce.number().int().min(1).max(1_000_000), to: z.coerce.number().int().min(1).max(1_000_000) }) },
  responses: { 200: json(DiffSchema, 'Changed files with their patches') },
});

export function registerProjectsRoutes(app: OpenAPIHono<AppEnv>, services: AppServices): void {
  const { store, projects } = services;
  const projectId = (params: { readonly id: string }): ProjectId => params.id as ProjectId;

  app.openapi(list, async (context) => {
    const { owner, ...query } = context.req.valid('query');
    const ownerId = owner === 'me' ? (await requirePrincipal(context.get('principal'))).user.id : undefined;
    const page = await store.projects.list({ ...definedFields(query), ...(ownerId ? { ownerId } : {}) });
    // Serialized once per unchanged page (see projects-page-body.ts); every viewer may see every
    // project, and "owner=me" pages are the store's answer for that owner's id only.
    const { json: bytes, etag } = projectsPageBody(page);
    const headers = { ETag: etag, 'Cache-Control': 'private, no-cache' };
    if (matchesEtag(context.req.header('if-none-match'), etag)) return context.body(null, 304, headers);
    return context.body(bytes, 200, { ...headers, 'Content-Type': 'application/json' });
  });

  app.openapi(create, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    const { project, version, hints } = await projects.create({
      input: context.req.valid('json'),
      ownerId: principal.user.id,
      audit: (created) => auditEntry(context, { actor: principal, action: 'project-create', targetType: 'project', targetId: created.id, details: { name: created.name, framework: created.framework } }),
    });
    return context.json({ project: projectView(project), version: versionView(version), hints: [...hints] }, 201);
  });

  app.openapi(getProject, async (context) => {
    const project = await projects.getProject(projectId(context.req.valid('param')));
    return context.json({ project: projectView(project), latest: versionView(await projects.getVersion(project, undefined)) }, 200);
  });

  app.openapi(patch, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    const id = projectId(context.req.valid('param'));
    const changes = context.req.valid('json');
    await projects.getProject(id);
    const project = await store.projects.update(id, definedFields(changes));
    await store.audit.append(auditEntry(context, { actor: principal, action: 'project-update', targetType: 'project', targetId: id, details: { changed: Object.keys(changes) } }));
    return context.json(projectView(project), 200);
  });

  app.openapi(remove, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    const project = await projects.getProject(projectId(context.req.valid('param')));
    await store.projects.delete(project.id);
    await store.audit.append(auditEntry(context, { actor: principal, action: 'project-delete', targetType: 'project', targetId: project.id, details: { name: project.name } }));
    return context.body(null, 204);
  });

  app.openapi(addVersion, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    const version = await projects.addVersion({
      projectId: projectId(context.req.valid('param')),
      input: context.req.valid('json'),
      authorId: principal.user.id,
      audit: (added) => auditEntry(context, { actor: principal, action: 'project-version-create', targetType: 'project', targetId: added.projectId, details: { version: added.version } }),
    });
    return context.json(versionView(version), 201);
  });

  app.openapi(versions, async (context) => {
    const project = await projects.getProject(projectId(context.req.valid('param')));
    const items = await store.projects.listVersions(project.id);
    return context.json({ items: items.map(versionSummary) }, 200);
  });

  app.openapi(diff, async (context) => {
    const project = await projects.getProject(projectId(context.req.valid('param')));
    const { from, to } = context.req.valid('query');
    const [before, after] = await Promise.all([projects.getVersion(project, from), projects.getVersion(project, to)]);
    const [oldFiles, newFiles] = await Promise.all([
      store.projects.readFiles({ projectId: project.id, version: before.version }),
      store.projects.readFiles({ projectId: project.id, version: after.version }),
    ]);
    return context.json({ from, to, files: diffTrees(oldFiles ?? [], newFiles ?? []) }, 200);
  });
}
