// Model-provider settings: list (masked keys only), change, test the connection, list models.
import type { Http } from './http';

export type ProviderGroup = 'cloud' | 'enterprise' | 'local';

export interface ProviderOptions {
  readonly region?: string;
  readonly project?: string;
  readonly spaceId?: string;
  readonly apiVersion?: string;
}

export interface ProviderSettingsView {
  readonly id: string;
  readonly label: string;
  readonly group: ProviderGroup;
  readonly docsUrl: string;
  readonly kind: string;
  readonly kinds: ReadonlyArray<string>;
  readonly enabled: boolean;
  readonly baseUrl: string | null;
  readonly defaultBaseUrl: string | null;
  /** `••••abcd` when a key is stored; the key itself never comes back. */
  readonly apiKeyMasked: string | null;
  /** The stored key no longer opens (the server's SESSION_SECRET changed): enter it again. */
  readonly keyUnreadable: boolean;
  readonly defaultModel: string | null;
  readonly options: ProviderOptions;
  readonly source: 'stored' | 'detected' | null;
  readonly detected: { readonly baseUrl: string; readonly models: ReadonlyArray<string> } | null;
  readonly catalogModels: ReadonlyArray<string>;
  readonly updatedAt: string | null;
}

/** Absent fields keep what is stored; `apiKey: null` removes the key. */
export interface ProviderChange {
  readonly enabled?: boolean;
  readonly baseUrl?: string | null;
  readonly apiKey?: string | null;
  readonly defaultModel?: string | null;
  readonly kind?: string;
  readonly options?: { readonly [Name in keyof ProviderOptions]?: string | null };
}

export interface ProviderConnectionResult {
  readonly ok: boolean;
  readonly latencyMs: number;
  readonly message: string;
  readonly code?: string;
}

export interface ProviderModelListing {
  readonly offered: boolean;
  /** false when the provider could not be asked (unreachable, key refused); message says why. */
  readonly reachable?: boolean;
  readonly models: ReadonlyArray<{ readonly id: string; readonly label?: string }>;
  readonly message?: string;
}

export function providersClient({ request }: Http) {
  const path = (id: string) => `/api/providers/${encodeURIComponent(id)}`;
  return {
    list: () => request<{ items: ReadonlyArray<ProviderSettingsView> }>('GET', '/api/providers'),
    update: (id: string, change: ProviderChange) => request<ProviderSettingsView>('PUT', path(id), { body: change }),
    /** Tests the stored settings, or unsaved changes laid over them. */
    test: (id: string, change?: ProviderChange) => request<ProviderConnectionResult>('POST', `${path(id)}/test`, change === undefined ? {} : { body: change }),
    models: (id: string) => request<ProviderModelListing>('GET', `${path(id)}/models`),
  };
}
