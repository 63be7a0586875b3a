// The runs and chat calls of the app (same session, CSRF header and expiry handling as the main client),
// the WebSocket URL of a path on this origin, and the model providers the composer can pick from.
import { createHttp, createRunsClient, webSocketUrl } from '@agent-generator/client';
import { sessionStore } from '../../app/session-store';

const http = createHttp({ csrfToken: () => sessionStore.csrfToken(), onUnauthenticated: () => sessionStore.expire() });

export const runsApi = createRunsClient(http);

export const socketUrl = (path: string): string => webSocketUrl(path, window.location.origin);

/** What the model picker needs of GET /api/providers. */
export interface ProviderOption {
  readonly id: string;
  readonly label: string;
  readonly enabled: boolean;
  readonly defaultModel: string | null;
  readonly source: 'stored' | 'detected' | null;
  readonly detected: { readonly models: ReadonlyArray<string> } | null;
  readonly catalogModels: ReadonlyArray<string>;
}

export const listProviders = () => http.request<{ items: ReadonlyArray<ProviderOption> }>('GET', '/api/providers');
