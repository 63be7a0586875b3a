// The project listing: search over name and idea, framework and owner filters, sort, page, total.
import type { FrameworkId, Page, PatternId, ProjectId, ProjectListQuery, ProjectRecord, ProjectSortKey, UserId } from '@agent-generator/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { Database, ProjectsTable } from './schema';
import { containsText, pageWindow } from './store-context';

const PROJECT_COLUMNS = ['id', 'owner_id', 'name', 'slug', 'framework', 'pattern', 'idea', 'latest_version', 'created_at', 'updated_at'] as const;

type ProjectRow = Pick<Selectable<ProjectsTable>, (typeof PROJECT_COLUMNS)[number]>;

export function toProject(row: ProjectRow): ProjectRecord {
  return {
    id: row.id as ProjectId,
    ownerId: row.owner_id as UserId,
    name: row.name,
    slug: row.slug,
    framework: row.framework as FrameworkId,
    pattern: row.pattern as PatternId,
    idea: row.idea,
    latestVersion: Number(row.latest_version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const SORT_COLUMNS = { name: 'name_key', created: 'created_at', updated: 'updated_at' } as const satisfies Record<ProjectSortKey, keyof ProjectsTable>;

export async function listProjects(db: Kysely<Database>, query: ProjectListQuery): Promise<Page<ProjectRecord>> {
  const window = pageWindow(query);
  let filtered = db.selectFrom('projects');
  if (query.framework !== undefined) filtered = filtered.where('framework', '=', query.framework);
  if (query.ownerId !== undefined) filtered = filtered.where('owner_id', '=', query.ownerId);
  const term = query.search?.trim() ?? '';
  if (term !== '') filtered = filtered.where(containsText('search_text', term));
  const order = query.order ?? 'desc';
  const [rows, count] = await Promise.all([
    filtered
      .select(PROJECT_COLUMNS)
      .orderBy(SORT_COLUMNS[query.sort ?? 'updated'], order)
      // The id breaks ties so pages never overlap or skip rows.
      .orderBy('id', order)
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    filtered.select((select) => select.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toProject), total: Number(count.total), ...window };
}

/** What `search_text` holds: lower-cased name and idea. */
export function searchText(project: { readonly name: string; readonly idea: string }): string {
  return `${project.name}\n${project.idea}`.toLowerCase();
}
