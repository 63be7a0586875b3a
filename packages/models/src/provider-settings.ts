// The settings one model provider needs, validated once; secrets are named so they can be redacted.
import { z } from 'zod';

export const PROVIDER_KINDS = ['openai', 'azure-openai', 'anthropic', 'bedrock', 'gemini', 'vertex', 'watsonx', 'ollama', 'ollabridge', 'openai-compatible'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

const optionalText = z.string().trim().min(1).optional();

export const ProviderSettingsSchema = z
  .object({
    provider: z.enum(PROVIDER_KINDS),
    /** The model id; for Azure OpenAI the deployment name. */
    model: z.string().trim().min(1),
    /** API root; each provider's default is in DEFAULT_BASE_URLS (Azure: the resource endpoint). */
    baseUrl: z.url().optional(),
    /** API key (OpenAI, Azure, Anthropic, Gemini, Vertex express mode, watsonx IBM Cloud key, Bedrock API key). */
    apiKey: optionalText,
    /** AWS region (Bedrock) or Google Cloud location (Vertex). */
    region: optionalText,
    /** Google Cloud project (Vertex) or watsonx.ai project id. */
    project: optionalText,
    /** watsonx.ai deployment space, instead of a project. */
    spaceId: optionalText,
    /** Azure OpenAI `api-version`, or the watsonx.ai `version` date. */
    apiVersion: optionalText,
    /** IBM Cloud IAM base URL for watsonx.ai (default https://iam.cloud.ibm.com). */
    iamUrl: z.url().optional(),
    accessKeyId: optionalText,
    secretAccessKey: optionalText,
    sessionToken: optionalText,
    /** A Google service-account key (JSON text) for Vertex; without it Application Default Credentials apply. */
    serviceAccountJson: optionalText,
    /** Milliseconds without progress before a call fails as `unavailable` (default 60 s). */
    timeoutMs: z.number().int().positive().max(600_000).default(60_000),
    /** Retries of retryable failures (429, 5xx) inside one call (default 2). */
    maxRetries: z.number().int().min(0).max(5).default(2),
  })
  .superRefine((settings, context) => {
    const need = (field: keyof typeof settings, why: string): void => {
      if (settings[field] === undefined) context.addIssue({ code: 'custom', path: [field], message: why });
    };
    switch (settings.provider) {
      case 'azure-openai':
        need('apiKey', 'Azure OpenAI needs an API key.');
        need('baseUrl', 'Azure OpenAI needs the resource endpoint, e.g. https://my-resource.openai.azure.com.');
        break;
      case 'bedrock':
        need('region', 'AWS Bedrock needs a region, e.g. us-east-1.');
        if (settings.apiKey === undefined && (settings.accessKeyId === undefined || settings.secretAccessKey === undefined)) {
          context.addIssue({ code: 'custom', path: ['accessKeyId'], message: 'AWS Bedrock needs an access key id and secret access key, or a Bedrock API key.' });
        }
        break;
      case 'vertex':
        if (settings.apiKey === undefined) {
          need('project', 'Vertex AI needs a Google Cloud project (or an express-mode API key).');
          need('region', 'Vertex AI needs a location, e.g. us-central1 (or an express-mode API key).');
        }
        break;
      case 'watsonx':
        need('apiKey', 'watsonx.ai needs an IBM Cloud API key.');
        if (settings.project === undefined && settings.spaceId === undefined) context.addIssue({ code: 'custom', path: ['project'], message: 'watsonx.ai needs a project id or a space id.' });
        break;
      case 'openai-compatible':
        need('baseUrl', 'An OpenAI-compatible endpoint needs its base URL, e.g. http://127.0.0.1:8000/v1.');
        break;
      case 'openai':
      case 'anthropic':
      case 'gemini':
        need('apiKey', 'This provider needs an API key.');
        break;
      case 'ollama':
      case 'ollabridge':
        break;
    }
  });

/** What callers pass in (defaults optional). */
export type ProviderSettingsInput = z.input<typeof ProviderSettingsSchema>;
/** After parsing: defaults applied. */
export type ProviderSettings = z.output<typeof ProviderSettingsSchema>;

/** Field names whose values are credentials: never logged, never in an error message. */
export const SECRET_FIELDS = ['apiKey', 'secretAccessKey', 'sessionToken', 'serviceAccountJson', 'accessKeyId'] as const;
