// File contents of project versions: one blob per distinct sha256, one row per (version, path).
import { createHash } from 'node:crypto';
import { UserError, type FileManifestEntry, type FileTree, type GeneratedFile } from '@agent-generator/contracts';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';
import { isForeignKeyViolation } from './store-errors';

// Well under SQLite's and Postgres's bound-parameter limits.
const ROWS_PER_INSERT = 200;

function chunks<Item>(items: ReadonlyArray<Item>): Item[][] {
  const result: Item[][] = [];
  for (let start = 0; start < items.length; start += ROWS_PER_INSERT) result.push(items.slice(start, start + ROWS_PER_INSERT));
  return result;
}

function checkPaths(files: FileTree): void {
  const seen = new Set<string>();
  for (const file of files) {
    if (file.path === '' || file.path.startsWith('/') || file.path.split('/').some((part) => part === '..' || part === '')) {
      throw new UserError('invalid_input', `file path "${file.path}" must be relative, POSIX and without empty or ".." parts`, { path: file.path });
    }
    if (seen.has(file.path)) throw new UserError('invalid_input', `file path "${file.path}" appears twice in one version`, { path: file.path });
    seen.add(file.path);
  }
}

function describeFile(file: GeneratedFile): FileManifestEntry & { readonly content: string } {
  return {
    path: file.path,
    bytes: Buffer.byteLength(file.content, 'utf8'),
    sha256: createHash('sha256').update(file.content, 'utf8').digest('hex'),
    executable: file.executable === true,
    content: file.content,
  };
}

export interface VersionFiles {
  readonly projectId: string;
  readonly version: number;
  readonly files: FileTree;
}

/** Stores a version's files (inside the caller's transaction) and answers the manifest sorted by path. */
export async function writeVersionFiles(db: Kysely<Database>, input: VersionFiles): Promise<ReadonlyArray<FileManifestEntry>> {
  checkPaths(input.files);
  const described = input.files.map(describeFile).sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0));
  // Inserting blobs in hash order keeps concurrent writers from deadlocking on each other's rows.
  const blobs = [...new Map(described.map((file) => [file.sha256, file])).values()].sort((left, right) => (left.sha256 < right.sha256 ? -1 : 1));
  for (const chunk of chunks(blobs)) {
    const rows = chunk.map((file) => ({ sha256: file.sha256, bytes: file.bytes, content: Buffer.from(file.content, 'utf8') }));
    await db.insertInto('file_blobs').values(rows).onConflict((conflict) => conflict.column('sha256').doNothing()).execute();
  }
  for (const chunk of chunks(described)) {
    const rows = chunk.map((file) => ({ project_id: input.projectId, version: input.version, path: file.path, sha256: file.sha256, executable: file.executable ? 1 : 0 }));
    await db.insertInto('project_files').values(rows).execute();
  }
  return described.map(({ path, bytes, sha256, executable }) => ({ path, bytes, sha256, executable }));
}

/** Manifests of one project's versions (or of one version), keyed by version number. */
export async function readManifests(db: Kysely<Database>, key: { readonly projectId: string; readonly version?: number }): Promise<Map<number, FileManifestEntry[]>> {
  let query = db
    .selectFrom('project_files')
    .innerJoin('file_blobs', 'file_blobs.sha256', 'project_files.sha256')
    .select(['project_files.version', 'project_files.path', 'project_files.sha256', 'project_files.executable', 'file_blobs.bytes'])
    .where('project_files.project_id', '=', key.projectId);
  if (key.version !== undefined) query = query.where('project_files.version', '=', key.version);
  const rows = await query.orderBy('project_files.version').orderBy('project_files.path').execute();
  const manifests = new Map<number, FileManifestEntry[]>();
  for (const row of rows) {
    const entries = manifests.get(row.version) ?? [];
    entries.push({ path: row.path, bytes: Number(row.bytes), sha256: row.sha256, executable: Boolean(row.executable) });
    manifests.set(row.version, entries);
  }
  return manifests;
}

export async function readVersionFiles(db: Kysely<Database>, key: { readonly projectId: string; readonly version: number; readonly path?: string }): Promise<FileTree> {
  let query = db
    .selectFrom('project_files')
    .innerJoin('file_blobs', 'file_blobs.sha256', 'project_files.sha256')
    .select(['project_files.path', 'project_files.executable', 'file_blobs.content'])
    .where('project_files.project_id', '=', key.projectId)
    .where('project_files.version', '=', key.version);
  if (key.path !== undefined) query = query.where('project_files.path', '=', key.path);
  const rows = await query.orderBy('project_files.path').execute();
  return rows.map((row) => {
    const content = Buffer.from(row.content).toString('utf8');
    return row.executable ? { path: row.path, content, executable: true } : { path: row.path, content };
  });
}

/** The distinct blob hashes a project's files point at, so they can be collected after it is deleted. */
export async function blobsOfProject(db: Kysely<Database>, projectId: string): Promise<ReadonlyArray<string>> {
  const rows = await db.selectFrom('project_files').select('sha256').distinct().where('project_id', '=', projectId).execute();
  return rows.map((row) => row.sha256).sort();
}

/**
 * Deletes those of `hashes` that no file points at any more. Best effort inside a savepoint: when a
 * concurrent writer has just started pointing at a blob, the foreign key refuses the delete and the
 * blob simply stays.
 */
export async function collectBlobs(db: Kysely<Database>, hashes: ReadonlyArray<string>): Promise<void> {
  if (hashes.length === 0) return;
  await sql`savepoint collect_blobs`.execute(db);
  try {
    for (const chunk of chunks(hashes)) {
      await db
        .deleteFrom('file_blobs')
        .where('sha256', 'in', chunk)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('project_files').select('project_files.sha256').whereRef('project_files.sha256', '=', 'file_blobs.sha256'))))
        .execute();
    }
    await sql`release savepoint collect_blobs`.execute(db);
  } catch (error) {
    await sql`rollback to savepoint collect_blobs`.execute(db);
    await sql`release savepoint collect_blobs`.execute(db);
    if (!isForeignKeyViolation(error)) throw error;
  }
}
