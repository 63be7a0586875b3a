// OpenAI through @ai-sdk/openai, on the Chat Completions API.
import { PROVIDERS } from '../provider-catalog';
import { compact, type SdkModelFactory } from './sdk-model-options';

export const openAiModel: SdkModelFactory = async ({ settings, fetch }) => {
  const { createOpenAI } = await import('@ai-sdk/openai');
  const provider = createOpenAI(compact({ apiKey: settings.apiKey, baseURL: settings.baseUrl ?? PROVIDERS.openai.defaultBaseUrl, fetch }));
  return provider.chat(settings.model);
};
