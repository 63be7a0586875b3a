// Whether a file may back the sql_query tool: it exists, is a SQLite database (its header, read
// without a driver and without writing), and is neither the server's own database nor inside its
// DATA_DIR — compared by real path (symlinks resolved) and by inode (hard links).
import { UserError } from '@agent-generator/contracts';
import { open, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';

/** What agents must never read: the users, password hashes, sessions and tokens live there. */
export interface ProtectedLocations {
  /** The server's DATA_DIR (database, session secret, run workspaces). */
  readonly dataDir?: string;
  /** The server's own SQLite file, when it runs on SQLite. */
  readonly databaseFile?: string;
  /** The server's own DATABASE_URL, when it runs on PostgreSQL (a postgresUrl naming it is refused). */
  readonly databaseUrl?: string;
}

const FIELD = { field: 'sql.databasePath' } as const;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

const refuse = (message: string): UserError => new UserError('invalid_input', message, FIELD);

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

async function realOrSelf(path: string): Promise<string> {
  return realpath(path).catch(() => path);
}

function inside(child: string, parent: string): boolean {
  const path = relative(parent, child);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

async function sameFile(left: { readonly dev: number; readonly ino: number }, path: string): Promise<boolean> {
  const other = await stat(path).catch(() => undefined);
  return other !== undefined && other.dev === left.dev && other.ino === left.ino;
}

async function checkNotProtected(real: string, locations: ProtectedLocations): Promise<void> {
  const serverFile = (): UserError => refuse("That is the server's own database (users, password hashes, tokens): agents may never read it. Choose a database of your own.");
  if (locations.dataDir !== undefined) {
    const dataDirs = [locations.dataDir, await realOrSelf(locations.dataDir)];
    if (dataDirs.some((dataDir) => inside(real, dataDir))) throw refuse("That file is inside the server's DATA_DIR, which holds its own database and secrets: choose a database outside it.");
  }
  if (locations.databaseFile === undefined) return;
  const candidate = await stat(real);
  const serverDatabase = await realOrSelf(locations.databaseFile);
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (real === `${serverDatabase}${suffix}` || (await sameFile(candidate, `${serverDatabase}${suffix}`))) throw serverFile();
  }
}

async function checkSqliteHeader(real: string): Promise<void> {
  const handle = await open(real, 'r').catch((error: unknown) => {
    throw refuse(errorCode(error) === 'EACCES' ? 'The server may not read that file: give its user read access.' : 'The server could not open that file.');
  });
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(header, 0, HEADER_BYTES, 0);
    if (bytesRead === 0) throw refuse('That file is empty: create the database first (for example `sqlite3 shop.db "VACUUM;"`).');
    const pageSize = header.readUInt16BE(16);
    const validPageSize = pageSize === 1 || (pageSize >= 512 && (pageSize & (pageSize - 1)) === 0);
    if (bytesRead < HEADER_BYTES || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC) || !validPageSize) {
      throw refuse('That file is not a SQLite database (its header does not say "SQLite format 3").');
    }
  } finally {
    await handle.close();
  }
}

/** Answers the file's real path, or throws invalid_input (details.field `sql.databasePath`) saying what is wrong. */
export async function checkDatabasePath(path: string, locations: ProtectedLocations): Promise<string> {
  const real = await realpath(path).catch((error: unknown) => {
    throw refuse(errorCode(error) === 'EACCES' ? 'The server may not read that path: give its user access.' : 'No file exists at that path on the server.');
  });
  const info = await stat(real);
  if (!info.isFile()) throw refuse('That path is not a file: give the path of a SQLite database file.');
  await checkNotProtected(real, locations);
  await checkSqliteHeader(real);
  return real;
}
