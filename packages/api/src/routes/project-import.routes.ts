// POST /api/projects/import: a project zip (as GET /api/projects/:id/download or the CLI writes it)
// becomes a new project, version 1 rendered from the spec the zip carries.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import type { AppServices } from '../app-services';
import { EDITOR_WRITE } from '../auth/access';
import { requirePrincipal } from '../auth/require-access';
import { defineRoute } from '../openapi/define-route';
import { CreatedProjectSchema, projectView, versionView } from '../schemas/project.schemas';
import { auditEntry } from '../services/audit-entry';
import { assertZipContentType, specOfProjectZip } from '../services/project-import.service';

const ZipBodySchema = z.string().openapi({ format: 'binary', description: 'The bytes of a project zip' });

const importZip = defineRoute(EDITOR_WRITE, {
  method: 'post',
  path: '/api/projects/import',
  tags: ['projects'],
  summary: 'Create a project from a project zip',
  description:
    'The body is a zip downloaded from GET /api/projects/{id}/download (or written by the CLI). Its agent-generator.json (at the root or in the project folder) is validated as a spec and rendered as version 1, like POST /api/projects with that spec. Damaged, encrypted or oversized archives, names that leave the folder and invalid specs answer 4xx and create nothing.',
  // application/octet-stream is listed too: generic HTTP tools (and the API fuzz test) can send it.
  request: { body: { required: true, content: { 'application/zip': { schema: ZipBodySchema }, 'application/octet-stream': { schema: ZipBodySchema } } } },
  responses: { 201: { description: 'The project and its first version', content: { 'application/json': { schema: CreatedProjectSchema } } } },
});

export function registerProjectImportRoutes(app: OpenAPIHono<AppEnv>, services: AppServices): void {
  app.openapi(importZip, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    assertZipContentType(context.req.header('content-type'));
    const spec = specOfProjectZip(new Uint8Array(await context.req.arrayBuffer()));
    const { project, version, hints } = await services.projects.create({
      input: { spec },
      ownerId: principal.user.id,
      audit: (created) => auditEntry(context, { actor: principal, action: 'project-import', targetType: 'project', targetId: created.id, details: { name: created.name, framework: created.framework } }),
    });
    return context.json({ project: projectView(project), version: versionView(version), hints: [...hints] }, 201);
  });
}
