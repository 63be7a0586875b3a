// The CrewAI requirement of a generated project: the core package plus the extra that brings the
// SDK of the spec's model provider (docs.crewai.com/concepts/llms). 1.15.2 is the first release whose
// events reach per-run stream sinks, which crewai_events.py uses for live events.
import type { ProviderId } from '@agent-generator/contracts';

export const CREWAI_RANGE = '>=1.15.2,<2';

// OpenAI-compatible endpoints use CrewAI's built-in OpenAI client; no extra needed.
const PROVIDER_EXTRAS: Record<ProviderId, string | null> = {
  openai: null,
  'openai-compatible': null,
  ollama: null,
  ollabridge: null,
  anthropic: 'anthropic',
  'azure-openai': 'azure-ai-inference',
  bedrock: 'bedrock',
  vertex: 'google-genai',
  // watsonx has no native CrewAI client; CrewAI reaches it through LiteLLM.
  watsonx: 'litellm',
};

/** Runtime requirements for a CrewAI project whose spec uses `provider`. */
export function crewaiDependencies(provider: ProviderId): string[] {
  const extra = PROVIDER_EXTRAS[provider];
  return [extra === null ? `crewai${CREWAI_RANGE}` : `crewai[${extra}]${CREWAI_RANGE}`, 'pyyaml>=6,<7'];
}
