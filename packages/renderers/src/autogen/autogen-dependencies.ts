// The PyPI requirements of an AutoGen project: AgentChat plus the autogen-ext extras for the
// OpenAI-compatible client (always) and the spec provider's native client, where AutoGen has one.
import type { ProviderId } from '@agent-generator/contracts';

const AUTOGEN_RANGE = '>=0.7.5,<0.8';

// autogen-ext extras per provider; the `openai` extra also covers Azure OpenAI and every provider
// reached through an OpenAI-compatible endpoint (Gemini, gateways for Bedrock and watsonx).
const PROVIDER_EXTRAS: Record<ProviderId, ReadonlyArray<string>> = {
  openai: [],
  'azure-openai': [],
  anthropic: ['anthropic'],
  bedrock: [],
  vertex: [],
  watsonx: [],
  ollama: ['ollama'],
  ollabridge: [],
  'openai-compatible': [],
};

export function autogenDependencies(provider: ProviderId): string[] {
  const extras = ['openai', ...PROVIDER_EXTRAS[provider]].sort();
  return [`autogen-agentchat${AUTOGEN_RANGE}`, `autogen-ext[${extras.join(',')}]${AUTOGEN_RANGE}`];
}
