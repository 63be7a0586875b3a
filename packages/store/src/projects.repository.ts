// Projects with their versions and files; creating a project or a version is one transaction.
import type { NewProject, NewProjectVersion, ProjectId, ProjectPatch, ProjectRecord, ProjectRepository } from '@agent-generator/contracts';
import { blobsOfProject, collectBlobs, readVersionFiles } from './project-files';
import { listProjects, searchText, toProject } from './project-list';
import { insertVersion, selectVersion, selectVersions } from './project-versions';
import { StoreConflictError, isForeignKeyViolation, notFound } from './store-errors';
import { atomically, type StoreContext } from './store-context';

async function authorMustExist<Result>(write: () => Promise<Result>, input: { readonly createdBy: string }): Promise<Result> {
  try {
    return await write();
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new StoreConflictError(`the owner or author (user ${input.createdBy}) does not exist`, { entity: 'project', fields: ['ownerId', 'createdBy'] });
    throw error;
  }
}

export function createProjectRepository(context: StoreContext): ProjectRepository {
  const { db } = context;
  const get = async (id: ProjectId): Promise<ProjectRecord | undefined> => {
    const row = await db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toProject(row);
  };
  return {
    create: (input: NewProject) =>
      authorMustExist(
        () =>
          atomically(context, async (tx) => {
            const now = context.now();
            const { spec } = input.version;
            const row = {
              id: context.newId(),
              owner_id: input.ownerId,
              name: input.name,
              name_key: input.name.toLowerCase(),
              slug: input.slug,
              framework: spec.framework,
              pattern: spec.pattern,
              idea: input.idea,
              search_text: searchText(input),
              latest_version: 1,
              created_at: now,
              updated_at: now,
            };
            await tx.insertInto('projects').values(row).execute();
            const version = await insertVersion(tx, { projectId: row.id, version: 1, input: input.version, now });
            return { project: toProject(row), version };
          }),
        input.version,
      ),
    get,
    list: (query = {}) => listProjects(context, query),
    async update(id, patch: ProjectPatch) {
      return atomically(context, async (tx) => {
        const current = await tx.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
        if (!current) throw notFound('project', id);
        const name = patch.name ?? current.name;
        const idea = patch.idea ?? current.idea;
        const changes = { name, name_key: name.toLowerCase(), idea, slug: patch.slug ?? current.slug, search_text: searchText({ name, idea }), updated_at: context.now() };
        await tx.updateTable('projects').set(changes).where('id', '=', id).execute();
        return toProject({ ...current, ...changes });
      });
    },
    async delete(id) {
      return atomically(context, async (tx) => {
        const hashes = await blobsOfProject(tx, id);
        const result = await tx.deleteFrom('projects').where('id', '=', id).executeTakeFirst();
        await collectBlobs(tx, hashes);
        return Number(result.numDeletedRows) > 0;
      });
    },
    addVersion: (projectId: ProjectId, input: NewProjectVersion) =>
      authorMustExist(
        () =>
          atomically(context, async (tx) => {
            const now = context.now();
            // Bumping the counter first locks the project row, so concurrent additions queue up.
            const bumped = await tx
              .updateTable('projects')
              .set((update) => ({ latest_version: update('latest_version', '+', 1), framework: input.spec.framework, pattern: input.spec.pattern, updated_at: now }))
              .where('id', '=', projectId)
              .returning('latest_version')
              .executeTakeFirst();
            if (!bumped) throw notFound('project', projectId);
            return insertVersion(tx, { projectId, version: Number(bumped.latest_version), input, now });
          }),
        input,
      ),
    getVersion: (key) => selectVersion(db, key),
    listVersions: (projectId) => selectVersions(db, projectId),
    async readFile(key) {
      const files = await readVersionFiles(db, key);
      return files[0]?.content;
    },
    async readFiles(key) {
      const exists = await db.selectFrom('project_versions').select('version').where('project_id', '=', key.projectId).where('version', '=', key.version).executeTakeFirst();
      return exists ? readVersionFiles(db, key) : undefined;
    },
  };
}
