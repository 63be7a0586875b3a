// Per-provider facts: the label users see, the catalog provider id, the default API root.
import type { ProviderId } from '@agent-generator/contracts';
import type { ProviderKind } from './provider-settings';

export interface ProviderFacts {
  readonly label: string;
  /** The packages/core catalog entry this provider belongs to (Gemini and Vertex share `vertex`). */
  readonly catalogId: ProviderId;
  /** Undefined where the URL is built from other settings (Azure endpoint, Bedrock/Vertex region). */
  readonly defaultBaseUrl?: string;
}

export const PROVIDERS = {
  openai: { label: 'OpenAI', catalogId: 'openai', defaultBaseUrl: 'https://api.openai.com/v1' },
  'azure-openai': { label: 'Azure OpenAI', catalogId: 'azure-openai' },
  anthropic: { label: 'Anthropic', catalogId: 'anthropic', defaultBaseUrl: 'https://api.anthropic.com/v1' },
  bedrock: { label: 'AWS Bedrock', catalogId: 'bedrock' },
  gemini: { label: 'Google Gemini', catalogId: 'vertex', defaultBaseUrl: 'https://generativelanguage.googleapis.com/v1beta' },
  vertex: { label: 'Google Vertex AI', catalogId: 'vertex' },
  watsonx: { label: 'IBM watsonx.ai', catalogId: 'watsonx', defaultBaseUrl: 'https://us-south.ml.cloud.ibm.com' },
  ollama: { label: 'Ollama', catalogId: 'ollama', defaultBaseUrl: 'http://127.0.0.1:11434/v1' },
  ollabridge: { label: 'OllaBridge', catalogId: 'ollabridge', defaultBaseUrl: 'http://127.0.0.1:11435/v1' },
  'openai-compatible': { label: 'The OpenAI-compatible endpoint', catalogId: 'openai-compatible' },
} as const satisfies Record<ProviderKind, ProviderFacts>;

/** The catalog provider id (packages/core) for a provider kind. */
export function catalogProviderId(provider: ProviderKind): ProviderId {
  return PROVIDERS[provider].catalogId;
}

/** Ollama accepts its root URL as well as `/v1`; the OpenAI-compatible API lives under `/v1`. */
export function openAiCompatibleRoot(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return /\/v1$/.test(trimmed) ? trimmed : `${trimmed}/v1`;
}
