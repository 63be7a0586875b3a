// The run tools' settings as stored: one settings document (scope `run-tools`) with the search key
// sealed like the provider keys. Read back through a schema, so a damaged document means "nothing set".
import type { JsonObject } from '@agent-generator/contracts';
import { z } from 'zod';

export const TOOLS_SETTINGS_SCOPE = 'run-tools';
/** Associated data of the sealed search key: a provider key's ciphertext does not open here. */
export const SEARCH_KEY_SEAL_ID = 'run-tools/search';

const StoredToolsSchema = z.object({
  allowPrivateNetwork: z.boolean().default(false),
  sql: z.object({ databasePath: z.string(), allowWrites: z.boolean(), timeoutMs: z.number().int() }).nullable().default(null),
  search: z.object({ url: z.string().nullable(), apiKeyCiphertext: z.string().nullable(), apiKeyHint: z.string().nullable() }).nullable().default(null),
});

export type StoredTools = z.output<typeof StoredToolsSchema>;

export const EMPTY_TOOLS: StoredTools = { allowPrivateNetwork: false, sql: null, search: null };

export function readStoredTools(value: JsonObject | undefined): StoredTools {
  const parsed = StoredToolsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : EMPTY_TOOLS;
}

export function storedToolsValue(tools: StoredTools): JsonObject {
  return { allowPrivateNetwork: tools.allowPrivateNetwork, sql: tools.sql, search: tools.search };
}
