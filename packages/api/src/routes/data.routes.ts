// Data controls: storage figures counted by the database, and every project's latest version as one
// streamed zip (a folder per project slug).
import type { ProjectRecord, Store } from '@agent-generator/contracts';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import type { AppServices } from '../app-services';
import { VIEWER_READ } from '../auth/access';
import { requirePrincipal } from '../auth/require-access';
import { defineRoute } from '../openapi/define-route';
import { StorageUsageSchema } from '../schemas/data.schemas';
import { auditEntry } from '../services/audit-entry';
import { zipEntries, type ZipEntry } from '../services/zip-stream';

const PAGE = 500;

const usage = defineRoute(VIEWER_READ, {
  method: 'get',
  path: '/api/data/usage',
  tags: ['data'],
  summary: 'What the server stores: counts of projects, versions, files and audit rows, and their sizes in bytes',
  responses: { 200: { description: 'Figures counted by the database now', content: { 'application/json': { schema: StorageUsageSchema } } } },
});

const exportAll = defineRoute(VIEWER_READ, {
  method: 'get',
  path: '/api/projects/export',
  tags: ['data', 'projects'],
  summary: "Every project's latest version as one zip archive (streamed)",
  description: 'One folder per project, named after its slug (with -2, -3, … when slugs repeat). Recorded in the audit log.',
  responses: { 200: { description: 'application/zip', content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } } } },
});

async function allProjects(store: Store): Promise<ReadonlyArray<ProjectRecord>> {
  const projects: ProjectRecord[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.projects.list({ limit: PAGE, offset, sort: 'name', order: 'asc' });
    projects.push(...page.items);
    if (page.items.length < PAGE || projects.length >= page.total) return projects;
  }
}

/** A distinct folder per project: its slug, or `slug-2`, `slug-3`, … when another project took it. */
export function folderNames(projects: ReadonlyArray<Pick<ProjectRecord, 'slug'>>): ReadonlyArray<string> {
  const taken = new Set<string>();
  return projects.map(({ slug }) => {
    let name = slug;
    for (let suffix = 2; taken.has(name); suffix += 1) name = `${slug}-${suffix}`;
    taken.add(name);
    return name;
  });
}

async function* exportEntries(store: Store, projects: ReadonlyArray<ProjectRecord>): AsyncGenerator<ZipEntry> {
  const folders = folderNames(projects);
  for (const [index, project] of projects.entries()) {
    // A project deleted while the archive streams is left out.
    const files = (await store.projects.readFiles({ projectId: project.id, version: project.latestVersion })) ?? [];
    for (const file of files) yield { path: `${folders[index] ?? project.id}/${file.path}`, content: file.content, executable: file.executable };
  }
}

export function registerDataRoutes(app: OpenAPIHono<AppEnv>, services: AppServices): void {
  const { store } = services;

  app.openapi(usage, async (context) => context.json({ databaseKind: store.kind, ...(await store.usage()) }, 200));

  app.openapi(exportAll, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    const projects = await allProjects(store);
    await store.audit.append(auditEntry(context, { actor: principal, action: 'projects-export', details: { projects: projects.length } }));
    const stamp = services.clock().toISOString().slice(0, 10);
    return context.body(zipEntries(exportEntries(store, projects)), 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="agent-generator-projects-${stamp}.zip"`,
      'Cache-Control': 'private, no-store',
    });
  });
}
