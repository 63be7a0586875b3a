// Google Vertex AI through @ai-sdk/google-vertex: project/location URLs with Google credentials, or express-mode API key.
import type { ProviderSettings } from '../provider-settings';
import { withFetch, type SdkModelFactory } from './sdk-model-options';

function host(location: string): string {
  if (location === 'global') return 'https://aiplatform.googleapis.com';
  return `https://${location}-aiplatform.googleapis.com`;
}

/** `{root}/v1beta1/projects/{project}/locations/{location}/publishers/google`, or express mode's `{root}/v1/publishers/google`. */
export function vertexBaseUrl(settings: ProviderSettings): string {
  const location = settings.region ?? 'us-central1';
  const root = (settings.baseUrl ?? (settings.project === undefined ? 'https://aiplatform.googleapis.com' : host(location))).replace(/\/+$/, '');
  if (settings.project === undefined) return `${root}/v1/publishers/google`;
  return `${root}/v1beta1/projects/${encodeURIComponent(settings.project)}/locations/${encodeURIComponent(location)}/publishers/google`;
}

function credentialsOf(settings: ProviderSettings): Record<string, unknown> | undefined {
  if (settings.serviceAccountJson === undefined) return undefined;
  return JSON.parse(settings.serviceAccountJson) as Record<string, unknown>;
}

export const vertexModel: SdkModelFactory = async ({ settings, fetch }) => {
  const { createVertex } = await import('@ai-sdk/google-vertex');
  const credentials = credentialsOf(settings);
  const provider = createVertex({
    baseURL: vertexBaseUrl(settings),
    ...(settings.apiKey === undefined ? {} : { apiKey: settings.apiKey }),
    ...(settings.project === undefined ? {} : { project: settings.project, location: settings.region ?? 'us-central1' }),
    ...(credentials === undefined ? {} : { googleAuthOptions: { credentials } }),
    ...withFetch(fetch),
  });
  return provider(settings.model);
};
