// Finds local Ollama / OllaBridge servers at start-up: who answers on its default port, and with which models.
import type { FetchFunction } from '../providers/sdk-model-options';
import { PROVIDERS } from '../provider-catalog';
import { entries, withLabel, type ModelInfo } from './model-listing';

export type LocalProviderKind = 'ollama' | 'ollabridge';

export interface LocalProviderProbe {
  readonly provider: LocalProviderKind;
  /** The `/v1` root that was asked. */
  readonly baseUrl: string;
  readonly available: boolean;
  readonly models: ReadonlyArray<ModelInfo>;
}

async function probeOne(options: { readonly provider: LocalProviderKind; readonly baseUrl: string; readonly fetch: FetchFunction; readonly signal: AbortSignal }): Promise<LocalProviderProbe> {
  const absent = { provider: options.provider, baseUrl: options.baseUrl, available: false, models: [] };
  try {
    const response = await options.fetch(`${options.baseUrl}/models`, { headers: { accept: 'application/json' }, signal: options.signal });
    if (!response.ok) return absent;
    const body = (await response.json()) as unknown;
    return { ...absent, available: true, models: entries(body, 'data', (entry) => withLabel(entry.id, undefined)) };
  } catch {
    return absent;
  }
}

/** Asks both servers at once; the whole probe ends within `timeoutMs` even when a port hangs. */
export async function probeLocalProviders(options: {
  readonly timeoutMs: number;
  readonly fetch?: FetchFunction;
  /** Overrides the default `/v1` roots (127.0.0.1:11434 and :11435). */
  readonly baseUrls?: Partial<Record<LocalProviderKind, string>>;
}): Promise<ReadonlyArray<LocalProviderProbe>> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const fetch = options.fetch ?? globalThis.fetch;
  const kinds: ReadonlyArray<LocalProviderKind> = ['ollama', 'ollabridge'];
  return Promise.all(kinds.map((provider) => probeOne({ provider, baseUrl: (options.baseUrls?.[provider] ?? PROVIDERS[provider].defaultBaseUrl).replace(/\/+$/, ''), fetch, signal })));
}
