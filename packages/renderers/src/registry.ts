// Every renderer, listed once. Adding a framework means adding one line here (and to the catalog).
import type { FrameworkId, Renderer } from '@agent-generator/contracts';
import { autogenRenderer } from './autogen/autogen.renderer';
import { crewaiFlowRenderer } from './crewai-flow/crewai-flow.renderer';
import { crewaiRenderer } from './crewai/crewai.renderer';
import { langgraphRenderer } from './langgraph/langgraph.renderer';
import { llamaindexRenderer } from './llamaindex/llamaindex.renderer';
import { reactRenderer } from './react/react.renderer';
import { strandsRenderer } from './strands/strands.renderer';
import { watsonxOrchestrateRenderer } from './watsonx-orchestrate/watsonx-orchestrate.renderer';

export const renderers = {
  crewai: crewaiRenderer,
  'crewai-flow': crewaiFlowRenderer,
  langgraph: langgraphRenderer,
  react: reactRenderer,
  'watsonx-orchestrate': watsonxOrchestrateRenderer,
  autogen: autogenRenderer,
  strands: strandsRenderer,
  llamaindex: llamaindexRenderer,
} as const satisfies Record<FrameworkId, Renderer>;
