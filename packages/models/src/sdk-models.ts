// The registry of AI SDK-backed providers, and the API root each provider call goes to.
import { PROVIDERS } from './provider-catalog';
import type { ProviderKind, ProviderSettings } from './provider-settings';
import { anthropicModel } from './providers/anthropic';
import { azureBaseUrl, azureOpenAiModel } from './providers/azure-openai';
import { bedrockBaseUrl, bedrockModel } from './providers/bedrock';
import { geminiModel } from './providers/gemini';
import { openAiModel } from './providers/openai';
import { openAiCompatibleBaseUrl, openAiCompatibleModel } from './providers/openai-compatible';
import type { SdkModelFactory } from './providers/sdk-model-options';
import { vertexBaseUrl, vertexModel } from './providers/vertex';

export type SdkProviderKind = Exclude<ProviderKind, 'watsonx'>;

export const sdkModels = {
  openai: openAiModel,
  'azure-openai': azureOpenAiModel,
  anthropic: anthropicModel,
  bedrock: bedrockModel,
  gemini: geminiModel,
  vertex: vertexModel,
  ollama: openAiCompatibleModel,
  ollabridge: openAiCompatibleModel,
  'openai-compatible': openAiCompatibleModel,
} as const satisfies Record<SdkProviderKind, SdkModelFactory>;

/** The API root calls go to (without a trailing slash). */
export function resolvedBaseUrl(settings: ProviderSettings): string {
  switch (settings.provider) {
    case 'azure-openai':
      return azureBaseUrl(settings);
    case 'bedrock':
      return bedrockBaseUrl(settings);
    case 'vertex':
      return vertexBaseUrl(settings);
    case 'ollama':
    case 'ollabridge':
    case 'openai-compatible':
      return openAiCompatibleBaseUrl(settings);
    case 'openai':
    case 'anthropic':
    case 'gemini':
    case 'watsonx':
      return (settings.baseUrl ?? PROVIDERS[settings.provider].defaultBaseUrl).replace(/\/+$/, '');
  }
}
