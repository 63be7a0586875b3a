// Google Gemini API through @ai-sdk/google (generativelanguage.googleapis.com, API key).
import { PROVIDERS } from '../provider-catalog';
import { compact, type SdkModelFactory } from './sdk-model-options';

export const geminiModel: SdkModelFactory = async ({ settings, fetch }) => {
  const { createGoogleGenerativeAI } = await import('@ai-sdk/google');
  const provider = createGoogleGenerativeAI(compact({ apiKey: settings.apiKey, baseURL: settings.baseUrl ?? PROVIDERS.gemini.defaultBaseUrl, fetch }));
  return provider(settings.model);
};
