// Pinned PyPI requirements of a LlamaIndex project: the core, the OpenAI-compatible client every
// project needs for tests and local servers, and the spec provider's own LlamaIndex integration.
import type { ProviderId } from '@agent-generator/contracts';

const BASE = ['llama-index-core>=0.14,<0.15', 'llama-index-llms-openai-like>=0.8,<0.9'];

const PROVIDER_PACKAGES: Record<ProviderId, ReadonlyArray<string>> = {
  openai: ['llama-index-llms-openai>=0.8,<0.9'],
  'openai-compatible': [],
  ollabridge: [],
  ollama: ['llama-index-llms-ollama>=0.11,<0.12'],
  'azure-openai': ['llama-index-llms-azure-openai>=0.6,<0.7'],
  anthropic: ['llama-index-llms-anthropic>=0.12,<0.13'],
  bedrock: ['llama-index-llms-bedrock-converse>=0.15,<0.16'],
  vertex: ['llama-index-llms-google-genai>=0.11,<0.12'],
  watsonx: ['llama-index-llms-ibm>=0.8,<0.9'],
};

export function llamaindexDependencies(provider: ProviderId): ReadonlyArray<string> {
  return [...BASE, ...PROVIDER_PACKAGES[provider]];
}
