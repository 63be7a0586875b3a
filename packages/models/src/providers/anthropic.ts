// Anthropic through @ai-sdk/anthropic (Messages API).
import { PROVIDERS } from '../provider-catalog';
import { compact, type SdkModelFactory } from './sdk-model-options';

export const anthropicModel: SdkModelFactory = async ({ settings, fetch }) => {
  const { createAnthropic } = await import('@ai-sdk/anthropic');
  const provider = createAnthropic(compact({ apiKey: settings.apiKey, baseURL: settings.baseUrl ?? PROVIDERS.anthropic.defaultBaseUrl, fetch }));
  return provider.messages(settings.model);
};
