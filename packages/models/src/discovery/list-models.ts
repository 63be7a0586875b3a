// Model discovery: each provider's own list endpoint, or a clear "not offered" answer.
import { fetchProviderJson } from '../http-call';
import { parseProviderSettings, type ModelOptions } from '../create-agent-model';
import type { ErrorContext } from '../provider-error';
import type { ProviderSettings, ProviderSettingsInput } from '../provider-settings';
import { secretsOf } from '../redact';
import { resolvedBaseUrl } from '../sdk-models';
import { DEFAULT_WATSONX_VERSION } from '../watsonx/watsonx-agent-model';
import { createIamTokenSource, DEFAULT_IAM_URL } from '../watsonx/watsonx-iam';
import { entries, withLabel, type ModelListing } from './model-listing';

const NOT_OFFERED = {
  'azure-openai': 'Azure OpenAI lists deployments only through the Azure management API. Enter the deployment name shown in the Azure portal.',
  bedrock: 'AWS Bedrock lists models through its control-plane API, which is not called here. Enter a model id such as anthropic.claude-3-5-haiku-20241022-v1:0.',
  vertex: 'Vertex AI publisher models are not listed here. Enter a model id such as gemini-2.0-flash.',
} as const;

type Call = { readonly settings: ProviderSettings; readonly context: ErrorContext; readonly options: ModelOptions };

const get = (call: Call, url: string, headers: Record<string, string>): Promise<unknown> =>
  fetchProviderJson({ context: call.context, url, init: { method: 'GET', headers: { accept: 'application/json', ...headers } }, ...(call.options.fetch === undefined ? {} : { fetch: call.options.fetch }) });

async function openAiStyle(call: Call): Promise<ModelListing> {
  const headers: Record<string, string> = call.settings.apiKey === undefined ? {} : { authorization: `Bearer ${call.settings.apiKey}` };
  const body = await get(call, `${call.context.baseUrl ?? ''}/models`, headers);
  return { offered: true, models: entries(body, 'data', (entry) => withLabel(entry.id, undefined)) };
}

async function anthropic(call: Call): Promise<ModelListing> {
  const body = await get(call, `${call.context.baseUrl ?? ''}/models?limit=1000`, { 'x-api-key': call.settings.apiKey ?? '', 'anthropic-version': '2023-06-01' });
  return { offered: true, models: entries(body, 'data', (entry) => withLabel(entry.id, entry.display_name)) };
}

async function gemini(call: Call): Promise<ModelListing> {
  const body = await get(call, `${call.context.baseUrl ?? ''}/models?pageSize=1000`, { 'x-goog-api-key': call.settings.apiKey ?? '' });
  const chatModels = entries(body, 'models', (entry) => {
    const methods = Array.isArray(entry.supportedGenerationMethods) ? entry.supportedGenerationMethods : [];
    return methods.includes('generateContent') && typeof entry.name === 'string' ? withLabel(entry.name.replace(/^models\//, ''), entry.displayName) : undefined;
  });
  return { offered: true, models: chatModels };
}

async function watsonx(call: Call): Promise<ModelListing> {
  const tokens = createIamTokenSource({ iamUrl: call.settings.iamUrl ?? DEFAULT_IAM_URL, apiKey: call.settings.apiKey ?? '', context: call.context, ...(call.options.fetch === undefined ? {} : { fetch: call.options.fetch }) });
  const version = encodeURIComponent(call.settings.apiVersion ?? DEFAULT_WATSONX_VERSION);
  const body = await get(call, `${call.context.baseUrl ?? ''}/ml/v1/foundation_model_specs?version=${version}&filters=function_text_chat&limit=200`, { authorization: `Bearer ${await tokens.token()}` });
  return { offered: true, models: entries(body, 'resources', (entry) => withLabel(entry.model_id, entry.label)) };
}

/** Lists the models the provider serves; throws an OperationalError when the provider fails. */
export async function listModels(input: ProviderSettingsInput, options: ModelOptions = {}): Promise<ModelListing> {
  const settings = parseProviderSettings(input);
  const call: Call = { settings, options, context: { provider: settings.provider, baseUrl: resolvedBaseUrl(settings), secrets: secretsOf(settings), timeoutMs: settings.timeoutMs } };
  switch (settings.provider) {
    case 'openai':
    case 'ollama':
    case 'ollabridge':
    case 'openai-compatible':
      return openAiStyle(call);
    case 'anthropic':
      return anthropic(call);
    case 'gemini':
      return gemini(call);
    case 'watsonx':
      return watsonx(call);
    case 'azure-openai':
    case 'bedrock':
    case 'vertex':
      return { offered: false, message: NOT_OFFERED[settings.provider] };
  }
}
