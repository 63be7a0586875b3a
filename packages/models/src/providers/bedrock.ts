// AWS Bedrock through @ai-sdk/amazon-bedrock (Converse API), signed with SigV4 or a Bedrock API key.
import type { ProviderSettings } from '../provider-settings';
import { compact, type SdkModelFactory } from './sdk-model-options';

export function bedrockBaseUrl(settings: ProviderSettings): string {
  return settings.baseUrl ?? `https://bedrock-runtime.${settings.region ?? 'us-east-1'}.amazonaws.com`;
}

export const bedrockModel: SdkModelFactory = async ({ settings, fetch }) => {
  const { createAmazonBedrock } = await import('@ai-sdk/amazon-bedrock');
  const credentials =
    settings.apiKey === undefined
      ? compact({ accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey, sessionToken: settings.sessionToken })
      : { apiKey: settings.apiKey };
  const provider = createAmazonBedrock({ ...compact({ region: settings.region, fetch }), baseURL: bedrockBaseUrl(settings), ...credentials });
  return provider(settings.model);
};
