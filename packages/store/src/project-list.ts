// The project listing: search over name and idea, framework and owner filters, sort, page, total.
import type { FrameworkId, Page, PatternId, ProjectId, ProjectListQuery, ProjectRecord, ProjectSortKey, UserId } from '@agent-generator/contracts';
import type { ProjectsTable } from './schema';
import { PROJECT_LIST_COLUMNS, type ProjectListRow } from './sqlite-fast-reads';
import { containsText, fastReadsOf, pageWindow, type StoreContext } from './store-context';

export function toProject(row: ProjectListRow): ProjectRecord {
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

export async function listProjects(context: StoreContext, query: ProjectListQuery): Promise<Page<ProjectRecord>> {
  const window = pageWindow(query);
  const term = query.search?.trim() ?? '';
  const order = query.order ?? 'desc';
  const sortColumn = SORT_COLUMNS[query.sort ?? 'updated'];
  const fast = fastReadsOf(context);
  if (fast) {
    const filter = { framework: query.framework, ownerId: query.ownerId, search: term, sortColumn, order, ...window };
    // The same frozen page is answered until anything in the database changes.
    return fast.remember(`projects:${JSON.stringify(filter)}`, () => {
      const { rows, total } = fast.projectPage(filter);
      return Object.freeze({ items: Object.freeze(rows.map((row) => Object.freeze(toProject(row)))), total, ...window });
    });
  }
  let filtered = context.db.selectFrom('projects');
  if (query.framework !== undefined) filtered = filtered.where('framework', '=', query.framework);
  if (query.ownerId !== undefined) filtered = filtered.where('owner_id', '=', query.ownerId);
  if (term !== '') filtered = filtered.where(containsText('search_text', term));
  const [rows, count] = await Promise.all([
    filtered
      .select(PROJECT_LIST_COLUMNS)
      .orderBy(sortColumn, order)
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
