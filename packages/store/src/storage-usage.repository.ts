// Store.usage(): counts and byte sizes of what the database holds, one query each for the figures
// and for the size of the database itself (SQLite pages or pg_database_size).
import type { StorageUsage } from '@agent-generator/contracts';
import { sql } from 'kysely';
import type { StoreContext } from './store-context';

interface UsageRow {
  readonly projects: number | string;
  readonly versions: number | string;
  readonly files: number | string;
  readonly audit_entries: number | string;
  readonly file_bytes: number | string | null;
  readonly stored_file_bytes: number | string | null;
}

// Postgres answers counts and sums as bigint/numeric strings; SQLite as numbers.
const numberOf = (value: number | string | null | undefined): number => Number(value ?? 0);

async function databaseBytes(context: StoreContext): Promise<number> {
  const query =
    context.kind === 'postgres'
      ? sql<{ bytes: number | string }>`select pg_database_size(current_database()) as bytes`
      : sql<{ bytes: number | string }>`select page_count * page_size as bytes from pragma_page_count(), pragma_page_size()`;
  const { rows } = await query.execute(context.db);
  return numberOf(rows[0]?.bytes);
}

export async function storageUsage(context: StoreContext): Promise<StorageUsage> {
  const { rows } = await sql<UsageRow>`
    select
      (select count(*) from projects) as projects,
      (select count(*) from project_versions) as versions,
      (select count(*) from project_files) as files,
      (select count(*) from audit_log) as audit_entries,
      (select sum(file_blobs.bytes) from project_files join file_blobs on file_blobs.sha256 = project_files.sha256) as file_bytes,
      (select sum(bytes) from file_blobs) as stored_file_bytes
  `.execute(context.db);
  const row = rows[0];
  return {
    projects: numberOf(row?.projects),
    versions: numberOf(row?.versions),
    files: numberOf(row?.files),
    auditEntries: numberOf(row?.audit_entries),
    fileBytes: numberOf(row?.file_bytes),
    storedFileBytes: numberOf(row?.stored_file_bytes),
    databaseBytes: await databaseBytes(context),
  };
}
