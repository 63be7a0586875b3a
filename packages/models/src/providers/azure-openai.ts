// Azure OpenAI through @ai-sdk/azure, on deployment URLs: {endpoint}/openai/deployments/{model}/…?api-version=…
import type { ProviderSettings } from '../provider-settings';
import { compact, type SdkModelFactory } from './sdk-model-options';

/** The API version the catalog suggests (AZURE_OPENAI_API_VERSION). */
export const DEFAULT_AZURE_API_VERSION = '2024-10-21';

export function azureBaseUrl(settings: ProviderSettings): string {
  return `${(settings.baseUrl ?? '').replace(/\/+$/, '').replace(/\/openai$/, '')}/openai`;
}

export const azureOpenAiModel: SdkModelFactory = async ({ settings, fetch }) => {
  const { createAzure } = await import('@ai-sdk/azure');
  const provider = createAzure(
    compact({
      apiKey: settings.apiKey,
      baseURL: azureBaseUrl(settings),
      apiVersion: settings.apiVersion ?? DEFAULT_AZURE_API_VERSION,
      useDeploymentBasedUrls: true,
      fetch,
    }),
  );
  return provider.chat(settings.model);
};
