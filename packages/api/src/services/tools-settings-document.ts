// The run tools' settings as stored: one settings document (scope `run-tools`) with the search key and
// the PostgreSQL URL sealed like the provider keys. Read back through a schema, so a damaged document
// means "nothing set"; a document from before PostgreSQL (SQLite path, no `kind`) still reads.
import type { JsonObject } from '@agent-generator/contracts';
import { z } from 'zod';

export const TOOLS_SETTINGS_SCOPE = 'run-tools';
/** Associated data of the sealed search key: a provider key's ciphertext does not open here. */
export const SEARCH_KEY_SEAL_ID = 'run-tools/search';
/** Associated data of the sealed PostgreSQL URL (it may hold a password). */
export const SQL_URL_SEAL_ID = 'run-tools/sql';

const SqlLimits = { allowWrites: z.boolean(), timeoutMs: z.number().int() };
const StoredPostgresSchema = z.object({
  kind: z.literal('postgres'),
  /** The whole URL, password included, sealed under SQL_URL_SEAL_ID. */
  urlCiphertext: z.string(),
  /** The URL without its password: what admins are shown. */
  displayUrl: z.string(),
  passwordSet: z.boolean(),
  ...SqlLimits,
});
const StoredSqliteSchema = z.object({ kind: z.literal('sqlite').optional(), databasePath: z.string(), ...SqlLimits });

const StoredToolsSchema = z.object({
  allowPrivateNetwork: z.boolean().default(false),
  sql: z.union([StoredPostgresSchema, StoredSqliteSchema]).nullable().default(null),
  search: z.object({ url: z.string().nullable(), apiKeyCiphertext: z.string().nullable(), apiKeyHint: z.string().nullable() }).nullable().default(null),
});

export type StoredTools = z.output<typeof StoredToolsSchema>;
export type StoredSql = NonNullable<StoredTools['sql']>;

export const EMPTY_TOOLS: StoredTools = { allowPrivateNetwork: false, sql: null, search: null };

export function readStoredTools(value: JsonObject | undefined): StoredTools {
  const parsed = StoredToolsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : EMPTY_TOOLS;
}

export function storedToolsValue(tools: StoredTools): JsonObject {
  return { allowPrivateNetwork: tools.allowPrivateNetwork, sql: tools.sql, search: tools.search };
}
