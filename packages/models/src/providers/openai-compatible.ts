// Ollama, OllaBridge and any OpenAI-compatible server (vLLM, LM Studio, …) through @ai-sdk/openai-compatible.
import { openAiCompatibleRoot, PROVIDERS } from '../provider-catalog';
import type { ProviderSettings } from '../provider-settings';
import { withFetch, type SdkModelFactory } from './sdk-model-options';

/** The `/v1` root: Ollama and OllaBridge accept their plain origin too. */
export function openAiCompatibleBaseUrl(settings: ProviderSettings): string {
  switch (settings.provider) {
    case 'ollama':
      return openAiCompatibleRoot(settings.baseUrl ?? PROVIDERS.ollama.defaultBaseUrl);
    case 'ollabridge':
      return openAiCompatibleRoot(settings.baseUrl ?? PROVIDERS.ollabridge.defaultBaseUrl);
    default:
      return (settings.baseUrl ?? '').replace(/\/+$/, '');
  }
}

export const openAiCompatibleModel: SdkModelFactory = async ({ settings, fetch }) => {
  const { createOpenAICompatible } = await import('@ai-sdk/openai-compatible');
  const provider = createOpenAICompatible({
    name: settings.provider,
    baseURL: openAiCompatibleBaseUrl(settings),
    ...(settings.apiKey === undefined ? {} : { apiKey: settings.apiKey }),
    includeUsage: true,
    ...withFetch(fetch),
  });
  return provider.chatModel(settings.model);
};
