// The run tools' settings (admins only): read them (the search key only as set/hint) and change them.
import type { Http } from './http';

export interface ToolsSettings {
  /** http_request, web_scraper and pdf_reader may reach private, loopback and link-local addresses. */
  readonly allowPrivateNetwork: boolean;
  /** A SQLite file path, or a PostgreSQL database shown without its password; at most one is set. */
  readonly sql: {
    readonly databasePath: string | null;
    readonly postgres: { readonly url: string; readonly passwordSet: boolean } | null;
    readonly allowWrites: boolean;
    readonly timeoutMs: number;
  };
  /** `apiKeyHint` is `••••abcd` when a key is set; the key itself never comes back. */
  readonly search: { readonly url: string | null; readonly apiKeySet: boolean; readonly apiKeyHint: string | null };
  readonly updatedAt: string | null;
}

/**
 * Absent fields keep what is stored; `search.apiKey: null` removes the key. `sql` takes a `databasePath`
 * or a `postgresUrl` (not both); either as null turns SQL off; neither keeps the stored database.
 */
export interface ToolsSettingsChange {
  readonly allowPrivateNetwork?: boolean;
  readonly sql?: { readonly databasePath?: string | null; readonly postgresUrl?: string | null; readonly allowWrites?: boolean; readonly timeoutMs?: number };
  readonly search?: { readonly url: string | null; readonly apiKey?: string | null };
}

export function toolsSettingsClient({ request }: Http) {
  return {
    get: () => request<ToolsSettings>('GET', '/api/settings/tools'),
    update: (change: ToolsSettingsChange) => request<ToolsSettings>('PUT', '/api/settings/tools', { body: change }),
  };
}
