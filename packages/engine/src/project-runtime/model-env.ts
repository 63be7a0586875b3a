// The environment variables through which a generated project's settings.py reaches its model.
import type { ProviderId } from '@agent-generator/contracts';

export interface ProjectModel {
  readonly provider: ProviderId;
  readonly id: string;
  readonly baseUrl?: string;
  readonly apiKey?: string;
}

interface ProviderVariables {
  readonly baseUrl?: string;
  readonly apiKey?: string;
}

// Mirrors _endpoint() in the generated settings.py (packages/renderers/src/shared/python/settings-py.ts).
const VARIABLES = {
  openai: { baseUrl: 'OPENAI_BASE_URL', apiKey: 'OPENAI_API_KEY' },
  'openai-compatible': { baseUrl: 'OPENAI_BASE_URL', apiKey: 'OPENAI_API_KEY' },
  ollama: { baseUrl: 'OLLAMA_BASE_URL' },
  ollabridge: { baseUrl: 'OLLABRIDGE_BASE_URL', apiKey: 'OLLABRIDGE_API_KEY' },
  'azure-openai': { baseUrl: 'AZURE_OPENAI_ENDPOINT', apiKey: 'AZURE_OPENAI_API_KEY' },
  anthropic: { apiKey: 'ANTHROPIC_API_KEY' },
  vertex: { apiKey: 'GOOGLE_API_KEY' },
  watsonx: { baseUrl: 'WATSONX_URL', apiKey: 'WATSONX_APIKEY' },
  bedrock: {},
} as const satisfies Record<ProviderId, ProviderVariables>;

/** MODEL_PROVIDER, MODEL_ID and the provider's base-URL and key variables, for the values given. */
export function modelEnv(model: ProjectModel): Record<string, string> {
  const names: ProviderVariables = VARIABLES[model.provider];
  const env: Record<string, string> = { MODEL_PROVIDER: model.provider, MODEL_ID: model.id };
  if (names.baseUrl !== undefined && model.baseUrl !== undefined) env[names.baseUrl] = model.baseUrl;
  if (names.apiKey !== undefined && model.apiKey !== undefined) env[names.apiKey] = model.apiKey;
  return env;
}
