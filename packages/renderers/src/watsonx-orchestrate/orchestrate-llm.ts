// Which model an Orchestrate agent names in `llm`: watsonx.ai models directly (`watsonx/<id>`),
// every other provider through the AI gateway as a virtual model (`virtual-model/<provider>/<id>`)
// that import.sh registers with a key_value connection holding the provider's credentials.
import type { ProjectSpec, ProviderId } from '@agent-generator/contracts';

/** One connection entry: the gateway key and the environment variable import.sh reads it from. */
export interface GatewayEntry {
  readonly key: string;
  readonly env: string;
  readonly secret: boolean;
  /** A comment for .env.example. */
  readonly note?: string;
  /** The .env.example value when the catalog's example does not fit a hosted instance. */
  readonly example?: string;
}

/** A provider reached through the AI gateway: its gateway id and the connection entries from env. */
export interface GatewayProvider {
  readonly gateway: string;
  readonly label: string;
  /** Connection entries as `key=$ENV_VAR` pairs; import.sh fills them from the environment. */
  readonly entries: ReadonlyArray<GatewayEntry>;
  /** Non-secret provider_config fields of the model file. */
  readonly config: (modelId: string) => ReadonlyArray<readonly [string, string]>;
}

const noConfig = (): ReadonlyArray<readonly [string, string]> => [];

const GATEWAY: Partial<Record<ProviderId, GatewayProvider>> = {
  openai: { gateway: 'openai', label: 'OpenAI', entries: [{ key: 'api_key', env: 'OPENAI_API_KEY', secret: true }], config: noConfig },
  'openai-compatible': {
    gateway: 'openai',
    label: 'an OpenAI-compatible server',
    entries: [
      { key: 'api_key', env: 'OPENAI_API_KEY', secret: true },
      { key: 'custom_host', env: 'OPENAI_BASE_URL', secret: false, note: 'The server must be reachable from the Orchestrate instance (not 127.0.0.1).', example: 'https://llm.example.com/v1' },
    ],
    config: noConfig,
  },
  'azure-openai': {
    gateway: 'azure-openai',
    label: 'Azure OpenAI',
    entries: [
      { key: 'api_key', env: 'AZURE_OPENAI_API_KEY', secret: true },
      { key: 'azure_resource_name', env: 'AZURE_OPENAI_RESOURCE_NAME', secret: false, note: 'The resource name; import.sh derives it from AZURE_OPENAI_ENDPOINT when empty.' },
      { key: 'azure_api_version', env: 'AZURE_OPENAI_API_VERSION', secret: false },
    ],
    config: (modelId) => [
      ['azure_deployment_id', modelId],
      ['azure_model_name', modelId],
    ],
  },
  anthropic: { gateway: 'anthropic', label: 'Anthropic', entries: [{ key: 'api_key', env: 'ANTHROPIC_API_KEY', secret: true }], config: noConfig },
  bedrock: {
    gateway: 'bedrock',
    label: 'AWS Bedrock',
    entries: [
      { key: 'aws_access_key_id', env: 'AWS_ACCESS_KEY_ID', secret: true },
      { key: 'aws_secret_access_key', env: 'AWS_SECRET_ACCESS_KEY', secret: true },
      { key: 'aws_region', env: 'AWS_REGION', secret: false },
    ],
    config: noConfig,
  },
  vertex: { gateway: 'google', label: 'Google Gemini', entries: [{ key: 'api_key', env: 'GOOGLE_API_KEY', secret: true }], config: noConfig },
};

/** The gateway provider of a spec, or undefined for watsonx.ai (native in Orchestrate). */
export function gatewayProvider(spec: ProjectSpec): GatewayProvider | undefined {
  if (spec.model.provider === 'watsonx') return undefined;
  const provider = GATEWAY[spec.model.provider];
  if (!provider) {
    throw new Error(
      `watsonx Orchestrate cannot use the ${spec.model.provider} provider: a SaaS tenant cannot reach a local model. Choose watsonx or a cloud provider (OpenAI, Azure OpenAI, Anthropic, Bedrock, Gemini, an OpenAI-compatible server).`,
    );
  }
  return provider;
}

/** The `llm` value of every agent. */
export function llmName(spec: ProjectSpec): string {
  const provider = gatewayProvider(spec);
  return provider ? `virtual-model/${provider.gateway}/${spec.model.id}` : `watsonx/${spec.model.id}`;
}
