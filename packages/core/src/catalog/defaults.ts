// Defaults the planner and wizard start from: the model and framework a cloud suggests.
import type { FrameworkId, HyperscalerId, ModelRef, PatternId, ProviderId } from '@agent-generator/contracts';
import { models } from './models';

export interface DefaultSelection {
  readonly framework: FrameworkId;
  readonly pattern: PatternId;
  readonly hyperscaler: HyperscalerId;
  readonly provider: ProviderId;
  readonly model: string;
}

/** What a person gets when the idea names nothing: a local CrewAI pipeline on Ollama. */
export const DEFAULT_SELECTION: DefaultSelection = {
  framework: 'crewai',
  pattern: 'sequential',
  hyperscaler: 'on_prem',
  provider: 'ollama',
  model: 'llama3.1:8b',
};

// Each cloud's first-party provider with a model that calls tools well and is priced mid-range.
const MODEL_BY_HYPERSCALER: Readonly<Record<HyperscalerId, ModelRef>> = {
  azure: { provider: 'azure-openai', id: 'gpt-4.1' },
  aws: { provider: 'bedrock', id: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0' },
  gcp: { provider: 'vertex', id: 'gemini-2.5-flash' },
  ibm: { provider: 'watsonx', id: 'ibm/granite-3-3-8b-instruct' },
  on_prem: { provider: DEFAULT_SELECTION.provider, id: DEFAULT_SELECTION.model },
};

// The vendor's own framework where one exists. AutoGen is archived upstream, so Azure gets
// LangGraph (first-party Azure OpenAI support) rather than Microsoft's retired framework.
const FRAMEWORK_BY_HYPERSCALER: Readonly<Record<HyperscalerId, FrameworkId>> = {
  azure: 'langgraph',
  aws: 'strands',
  gcp: 'langgraph',
  ibm: 'watsonx-orchestrate',
  on_prem: DEFAULT_SELECTION.framework,
};

export function defaultModelFor(hyperscaler: HyperscalerId): ModelRef {
  return { ...MODEL_BY_HYPERSCALER[hyperscaler] };
}

export function defaultFrameworkFor(hyperscaler: HyperscalerId): FrameworkId {
  return FRAMEWORK_BY_HYPERSCALER[hyperscaler];
}

/**
 * The provider's first catalog model. A provider with no catalog models (a self-hosted
 * OpenAI-compatible server) gets the default local model id, which such servers commonly serve.
 */
export function defaultModelOfProvider(provider: ProviderId): ModelRef {
  const first = models.find((model) => model.provider === provider);
  return { provider, id: first ? first.id : DEFAULT_SELECTION.model };
}
