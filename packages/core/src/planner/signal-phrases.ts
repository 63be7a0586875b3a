// Phrases in an idea that name a framework, cloud, provider or orchestration pattern.
// Matched as whole words (match-phrase.ts). Tool phrases live in the catalog (tools.ts).
import type { FrameworkId, HyperscalerId, PatternId, ProviderId } from '@agent-generator/contracts';

export const FRAMEWORK_PHRASES: Readonly<Record<FrameworkId, ReadonlyArray<string>>> = {
  crewai: ['crewai', 'crew ai'],
  'crewai-flow': ['crewai flow', 'crewai flows', 'crew ai flow', 'crew ai flows'],
  langgraph: ['langgraph', 'lang graph'],
  // "ReAct" is a pattern word; a person names the plain-loop framework only by this phrase.
  react: ['plain react loop'],
  'watsonx-orchestrate': ['watsonx orchestrate', 'watson orchestrate', 'wxo'],
  autogen: ['autogen', 'auto gen'],
  strands: ['strands', 'strands agents', 'strands sdk'],
  llamaindex: ['llamaindex', 'llama index'],
};

export const HYPERSCALER_PHRASES: Readonly<Record<HyperscalerId, ReadonlyArray<string>>> = {
  azure: ['azure', 'microsoft azure', 'azure openai', 'azure ai foundry'],
  aws: ['aws', 'amazon web services', 'bedrock', 'amazon bedrock', 'agentcore'],
  gcp: ['gcp', 'google cloud', 'google cloud platform', 'vertex', 'vertex ai'],
  ibm: ['ibm', 'ibm cloud', 'watsonx', 'watsonx ai'],
  on_prem: ['on-prem', 'on-premise', 'on-premises', 'local', 'locally', 'offline', 'ollama', 'ollabridge', 'self-hosted', 'air-gapped', 'my laptop'],
};

export const PROVIDER_PHRASES: Readonly<Record<ProviderId, ReadonlyArray<string>>> = {
  openai: ['openai', 'open ai', 'chatgpt'],
  'azure-openai': ['azure openai'],
  anthropic: ['anthropic', 'claude'],
  bedrock: ['bedrock', 'amazon bedrock'],
  vertex: ['vertex ai', 'gemini'],
  watsonx: ['watsonx ai', 'granite'],
  ollama: ['ollama'],
  ollabridge: ['ollabridge'],
  'openai-compatible': ['openai-compatible', 'openai compatible', 'vllm'],
};

export const PATTERN_PHRASES: Readonly<Record<PatternId, ReadonlyArray<string>>> = {
  supervisor: [
    'supervisor', 'supervisors', 'supervise', 'supervises', 'manager', 'managers', 'delegate', 'delegates', 'delegating',
    'delegation', 'orchestrator', 'orchestrators', 'coordinator', 'hierarchical',
  ],
  react: ['react', 'reason and act', 'reason-act', 'agent loop', 'tool loop', 'reasoning loop'],
  graph: ['state machine', 'graph', 'graphs', 'branch', 'branches', 'branching', 'workflow with steps', 'conditional steps'],
  'group-chat': [
    'iterate', 'iterates', 'iterating', 'debate', 'debates', 'debating', 'critique', 'critiques', 'critiquing', 'brainstorm',
    'brainstorms', 'brainstorming', 'discuss', 'discusses', 'discussion', 'group chat', 'round robin',
  ],
  sequential: ['pipeline', 'pipelines', 'step by step', 'then', 'assembly line', 'one after another', 'sequential', 'sequentially', 'in sequence'],
};

/**
 * When several patterns are mentioned, the most specific wins: naming a supervisor or a loop
 * says more than "then", which almost every description of steps contains.
 */
export const PATTERN_PRIORITY: ReadonlyArray<PatternId> = ['supervisor', 'react', 'graph', 'group-chat', 'sequential'];
