// What the run tools' SQL database may never be: this server's DATA_DIR, its own SQLite file or its own PostgreSQL database.
import type { ProtectedLocations } from '@agent-generator/api';
import { parseDatabaseUrl } from '@agent-generator/store';
import { resolve } from 'node:path';

export function protectedLocationsOf(options: { readonly dataDir: string; readonly databaseUrl: string }): ProtectedLocations {
  const target = parseDatabaseUrl(options.databaseUrl);
  const databaseFile = target.kind === 'sqlite' && target.filename !== ':memory:' ? { databaseFile: resolve(target.filename) } : {};
  const databaseUrl = target.kind === 'postgres' ? { databaseUrl: target.connectionString } : {};
  return { dataDir: resolve(options.dataDir), ...databaseFile, ...databaseUrl };
}
