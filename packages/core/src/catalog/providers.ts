// Model providers and the environment variables a generated project reads for each.
import type { ProviderEntry } from '@agent-generator/contracts';

export const providers: ReadonlyArray<ProviderEntry> = [
  {
    id: 'openai',
    label: 'OpenAI',
    group: 'cloud',
    hyperscalers: [],
    env: [
      { name: 'OPENAI_API_KEY', secret: true, example: 'sk-...' },
      { name: 'OPENAI_BASE_URL', secret: false, example: 'https://api.openai.com/v1' },
    ],
    docsUrl: 'https://platform.openai.com/docs/api-reference/chat',
  },
  {
    id: 'azure-openai',
    label: 'Azure OpenAI',
    group: 'cloud',
    hyperscalers: ['azure'],
    env: [
      { name: 'AZURE_OPENAI_API_KEY', secret: true, example: '' },
      { name: 'AZURE_OPENAI_ENDPOINT', secret: false, example: 'https://YOUR-RESOURCE.openai.azure.com' },
      { name: 'AZURE_OPENAI_API_VERSION', secret: false, example: '2024-10-21' },
    ],
    docsUrl: 'https://learn.microsoft.com/azure/ai-services/openai/reference',
  },
  {
    id: 'anthropic',
    label: 'Anthropic',
    group: 'cloud',
    hyperscalers: [],
    env: [{ name: 'ANTHROPIC_API_KEY', secret: true, example: 'sk-ant-...' }],
    docsUrl: 'https://docs.anthropic.com/en/api/messages',
  },
  {
    id: 'bedrock',
    label: 'AWS Bedrock',
    group: 'cloud',
    hyperscalers: ['aws'],
    env: [
      { name: 'AWS_REGION', secret: false, example: 'us-east-1' },
      { name: 'AWS_ACCESS_KEY_ID', secret: true, example: '' },
      { name: 'AWS_SECRET_ACCESS_KEY', secret: true, example: '' },
    ],
    docsUrl: 'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html',
  },
  {
    id: 'vertex',
    label: 'Google Vertex AI / Gemini',
    group: 'cloud',
    hyperscalers: ['gcp'],
    env: [
      { name: 'GOOGLE_API_KEY', secret: true, example: '' },
      { name: 'GOOGLE_CLOUD_PROJECT', secret: false, example: 'my-project' },
      { name: 'GOOGLE_CLOUD_LOCATION', secret: false, example: 'us-central1' },
    ],
    docsUrl: 'https://cloud.google.com/vertex-ai/generative-ai/docs/model-reference/inference',
  },
  {
    id: 'watsonx',
    label: 'IBM watsonx.ai',
    group: 'enterprise',
    hyperscalers: ['ibm'],
    env: [
      { name: 'WATSONX_APIKEY', secret: true, example: '' },
      { name: 'WATSONX_URL', secret: false, example: 'https://us-south.ml.cloud.ibm.com' },
      { name: 'WATSONX_PROJECT_ID', secret: false, example: '' },
    ],
    docsUrl: 'https://cloud.ibm.com/apidocs/watsonx-ai',
  },
  {
    id: 'ollama',
    label: 'Ollama',
    group: 'local',
    hyperscalers: ['on_prem'],
    env: [{ name: 'OLLAMA_BASE_URL', secret: false, example: 'http://127.0.0.1:11434' }],
    docsUrl: 'https://github.com/ollama/ollama/blob/main/docs/openai.md',
  },
  {
    id: 'ollabridge',
    label: 'OllaBridge',
    group: 'local',
    hyperscalers: ['on_prem'],
    env: [
      { name: 'OLLABRIDGE_BASE_URL', secret: false, example: 'http://127.0.0.1:11435/v1' },
      { name: 'OLLABRIDGE_API_KEY', secret: true, example: '' },
    ],
    docsUrl: 'https://github.com/ruslanmv/ollabridge',
  },
  {
    id: 'openai-compatible',
    label: 'OpenAI-compatible endpoint',
    group: 'local',
    hyperscalers: ['on_prem'],
    env: [
      { name: 'OPENAI_BASE_URL', secret: false, example: 'http://127.0.0.1:8000/v1' },
      { name: 'OPENAI_API_KEY', secret: true, example: 'not-needed' },
    ],
    docsUrl: 'https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html',
  },
];
