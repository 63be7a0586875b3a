// The Strands part of a generated README: how the pattern runs, the model providers, and the
// framework files in the layout table.
import type { ProjectSpec, ProviderId } from '@agent-generator/contracts';
import { packageName } from '../shared/escape';
import type { StrandsPattern } from './strands-pattern';

// How model.py reaches each provider; "adapter" providers go through another provider's interface.
const PROVIDER_ROUTES: Record<ProviderId, string> = {
  openai: '`OpenAIModel` (`OPENAI_API_KEY`, `OPENAI_BASE_URL`).',
  'openai-compatible': '`OpenAIModel` pointed at `OPENAI_BASE_URL` (vLLM, LM Studio, LiteLLM proxy and the like).',
  ollabridge: 'adapter: `OpenAIModel` pointed at `OLLABRIDGE_BASE_URL`, which speaks the OpenAI protocol.',
  ollama: '`OllamaModel` (`OLLAMA_BASE_URL`, without `/v1`).',
  'azure-openai': "adapter: Strands has no Azure model class, so `OpenAIModel` calls Azure OpenAI's OpenAI-compatible v1 endpoint (`AZURE_OPENAI_ENDPOINT` + `/openai/v1/`, `AZURE_OPENAI_API_KEY`); `MODEL_ID` is the deployment name.",
  anthropic: '`AnthropicModel` (`ANTHROPIC_API_KEY`).',
  bedrock: '`BedrockModel` (`AWS_REGION` and the usual AWS credentials); the only provider that uses AWS.',
  vertex: '`GeminiModel`: `GOOGLE_API_KEY` for the Gemini API, or without it Vertex AI with `GOOGLE_CLOUD_PROJECT` and `GOOGLE_CLOUD_LOCATION`.',
  watsonx: "adapter: Strands has no watsonx class, so `LiteLLMModel` calls LiteLLM's watsonx provider (`watsonx/<MODEL_ID>`), which reads `WATSONX_URL`, `WATSONX_APIKEY` and `WATSONX_PROJECT_ID`.",
};

function providerSection(provider: ProviderId): string {
  const rows = (Object.keys(PROVIDER_ROUTES) as ProviderId[]).map((id) => `- \`${id}\`${id === provider ? ' (this project)' : ''}: ${PROVIDER_ROUTES[id]}`);
  return `## Models\n\n\`model.py\` builds one model from \`settings.py\` and hands it to every agent explicitly, so Strands never falls back to its Bedrock default and the OpenAI-compatible path never touches AWS. Changing \`MODEL_PROVIDER\` and \`MODEL_ID\` in \`.env\` moves every agent to another provider:\n\n${rows.join('\n')}\n\nThe project installs the \`strands-agents\` extras for \`OpenAIModel\` and for this project's provider; for another model class add its extra, e.g. \`pip install "strands-agents[anthropic]"\`.`;
}

export function strandsReadme(spec: ProjectSpec, pattern: StrandsPattern): { overview: string; layout: ReadonlyArray<{ path: string; purpose: string }> } {
  const source = `src/${packageName(spec.slug)}`;
  const overview = `## How it runs

${pattern.overview}

Each agent is a Strands \`Agent\`: its system prompt comes from the agent's role, goal and backstory, and its tools are the plain functions in \`tools/\` wrapped with Strands' \`@tool\` decorator. \`{name}\` placeholders of the inputs in the texts are filled in at run time. Every agent's tool loop is bounded by the \`StepLimit\` hook (\`AGENT_MAX_STEPS\` tool rounds per call). \`run(inputs)\` in \`main.py\` returns the answer; agents print nothing while they work.

Live events (\`run --events\`, see Events below) come from Strands' own hooks in \`event_hooks.py\`: each agent invocation (\`BeforeInvocationEvent\` … \`AfterInvocationEvent\`) is an agent step and, in a \`Graph\`, each node call (\`BeforeNodeCallEvent\` … \`AfterNodeCallEvent\`) a task step around it; the agent's \`callback_handler\` turns the streamed text into \`text-delta\` and the token usage in each model call's \`metadata\` event into \`usage\`; tool calls report the agent step they ran in. With events off, agents get neither the hooks nor a callback handler.

${providerSection(spec.model.provider)}`;
  const layout = [
    { path: `${source}/main.py`, purpose: '`run(inputs)`: builds the model and the team and returns the answer' },
    { path: `${source}/team.py`, purpose: 'the Strands agents for this pattern and how they run' },
    { path: `${source}/agents.py`, purpose: 'the `Agent` factory, the `@tool` wrappers and the step limit' },
    { path: `${source}/event_hooks.py`, purpose: 'the Strands hooks and callback handler behind the live events' },
    { path: `${source}/model.py`, purpose: 'the model for the configured provider' },
    { path: `${source}/prompts.py`, purpose: 'the agents and tasks as data, and the texts built from them' },
    { path: 'tests/test_strands.py', purpose: 'runs the agents against the fake model: order, tool calls, answer, live events, no AWS' },
  ];
  return { overview, layout };
}
