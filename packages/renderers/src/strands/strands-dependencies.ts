// The PyPI requirements of a Strands project: strands-agents with the `openai` extra (the
// OpenAI-compatible path is always there) plus the extra of the spec provider's model class.
import type { ProviderId } from '@agent-generator/contracts';

const STRANDS_RANGE = '>=1.62,<2';

// Extras per provider: Bedrock needs none (boto3 is a core dependency); Azure OpenAI and
// OllaBridge use the OpenAI model class; watsonx goes through LiteLLM.
const PROVIDER_EXTRAS: Record<ProviderId, ReadonlyArray<string>> = {
  openai: [],
  'azure-openai': [],
  anthropic: ['anthropic'],
  bedrock: [],
  vertex: ['gemini'],
  watsonx: ['litellm'],
  ollama: ['ollama'],
  ollabridge: [],
  'openai-compatible': [],
};

export function strandsDependencies(provider: ProviderId): string[] {
  const extras = ['openai', ...PROVIDER_EXTRAS[provider]].sort();
  return [`strands-agents[${extras.join(',')}]${STRANDS_RANGE}`];
}
