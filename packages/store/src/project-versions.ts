// Project versions: spec, renderer version, diagnostics and file manifest, numbered 1, 2, 3, … per project.
import { restoreProjectSpec, type Diagnostic, type FileManifestEntry, type NewProjectVersion, type ProjectId, type ProjectSpec, type ProjectVersionRecord, type UserId } from '@agent-generator/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { Database, ProjectVersionsTable } from './schema';
import { readManifests, writeVersionFiles } from './project-files';
import { parseJson } from './store-context';

function restoreSpec(text: string, where: string): ProjectSpec {
  const restored = restoreProjectSpec(parseJson<unknown>(text));
  if (!restored.ok) throw new Error(`stored spec of ${where} is unreadable: ${restored.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
  return restored.spec;
}

function toVersion(row: Selectable<ProjectVersionsTable>, manifest: ReadonlyArray<FileManifestEntry>): ProjectVersionRecord {
  return {
    projectId: row.project_id as ProjectId,
    version: Number(row.version),
    spec: restoreSpec(row.spec, `project ${row.project_id} version ${row.version}`),
    rendererVersion: row.renderer_version,
    diagnostics: parseJson<Diagnostic[]>(row.diagnostics),
    manifest,
    createdBy: row.created_by as UserId | null,
    createdAt: row.created_at,
  };
}

export interface VersionInsert {
  readonly projectId: string;
  readonly version: number;
  readonly input: NewProjectVersion;
  readonly now: string;
}

/** Inserts a version row and its files; the caller holds the transaction. */
export async function insertVersion(db: Kysely<Database>, insert: VersionInsert): Promise<ProjectVersionRecord> {
  const row = {
    project_id: insert.projectId,
    version: insert.version,
    spec: JSON.stringify(insert.input.spec),
    renderer_version: insert.input.rendererVersion,
    diagnostics: JSON.stringify(insert.input.diagnostics),
    created_by: insert.input.createdBy,
    created_at: insert.now,
  };
  await db.insertInto('project_versions').values(row).execute();
  const manifest = await writeVersionFiles(db, { projectId: insert.projectId, version: insert.version, files: insert.input.files });
  return { ...toVersion(row, manifest), spec: insert.input.spec };
}

export async function selectVersion(db: Kysely<Database>, key: { readonly projectId: string; readonly version: number }): Promise<ProjectVersionRecord | undefined> {
  const row = await db.selectFrom('project_versions').selectAll().where('project_id', '=', key.projectId).where('version', '=', key.version).executeTakeFirst();
  if (!row) return undefined;
  const manifests = await readManifests(db, key);
  return toVersion(row, manifests.get(key.version) ?? []);
}

/** Newest first. */
export async function selectVersions(db: Kysely<Database>, projectId: string): Promise<ReadonlyArray<ProjectVersionRecord>> {
  const [rows, manifests] = await Promise.all([
    db.selectFrom('project_versions').selectAll().where('project_id', '=', projectId).orderBy('version', 'desc').execute(),
    readManifests(db, { projectId }),
  ]);
  return rows.map((row) => toVersion(row, manifests.get(Number(row.version)) ?? []));
}
