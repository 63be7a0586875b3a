// The AutoGen part of a generated README: upstream status, how the pattern runs, the model
// providers, and the framework files in the layout table.
import type { ProjectSpec, ProviderId } from '@agent-generator/contracts';
import { packageName } from '../shared/escape';
import type { AutogenPattern } from './autogen-pattern';

// How model.py reaches each provider; "adapter" providers go through an OpenAI-compatible endpoint.
const PROVIDER_ROUTES: Record<ProviderId, string> = {
  openai: '`OpenAIChatCompletionClient` (`OPENAI_API_KEY`, `OPENAI_BASE_URL`).',
  'openai-compatible': '`OpenAIChatCompletionClient` pointed at `OPENAI_BASE_URL` (vLLM, LM Studio, LiteLLM proxy and the like).',
  ollabridge: '`OpenAIChatCompletionClient` pointed at `OLLABRIDGE_BASE_URL`.',
  ollama: "AutoGen's `OllamaChatCompletionClient` (`OLLAMA_BASE_URL`, without `/v1`).",
  'azure-openai': '`AzureOpenAIChatCompletionClient`; `MODEL_ID` is the deployment name (`AZURE_OPENAI_ENDPOINT`, `AZURE_OPENAI_API_KEY`, `AZURE_OPENAI_API_VERSION`).',
  anthropic: "AutoGen's `AnthropicChatCompletionClient` (`ANTHROPIC_API_KEY`).",
  vertex: "adapter: AutoGen has no Gemini client; `OpenAIChatCompletionClient` calls Google's OpenAI-compatible Gemini endpoint with `GOOGLE_API_KEY` (Vertex AI project credentials are not used).",
  bedrock: 'adapter: AutoGen has no Bedrock client. Serve the model behind an OpenAI-compatible gateway (for example a LiteLLM proxy or Bedrock Access Gateway), then set `MODEL_PROVIDER=openai-compatible` and `OPENAI_BASE_URL` to the gateway.',
  watsonx: 'adapter: AutoGen has no watsonx.ai client. Serve the model behind an OpenAI-compatible gateway (for example a LiteLLM proxy), then set `MODEL_PROVIDER=openai-compatible` and `OPENAI_BASE_URL` to the gateway.',
};

function providerSection(provider: ProviderId): string {
  const rows = (Object.keys(PROVIDER_ROUTES) as ProviderId[]).map((id) => `- \`${id}\`${id === provider ? ' (this project)' : ''}: ${PROVIDER_ROUTES[id]}`);
  return `## Models\n\n\`model.py\` builds one model client from \`settings.py\`, so changing \`MODEL_PROVIDER\` and \`MODEL_ID\` in \`.env\` moves the whole team to another provider:\n\n${rows.join('\n')}\n\nThe project installs the \`autogen-ext\` extras for the OpenAI-compatible client and for this project's provider; for another native client add its extra, e.g. \`pip install "autogen-ext[anthropic]"\`.`;
}

export function autogenReadme(spec: ProjectSpec, pattern: AutogenPattern): { overview: string; layout: ReadonlyArray<{ path: string; purpose: string }> } {
  const source = `src/${packageName(spec.slug)}`;
  const overview = `> **Upstream status:** AutoGen is in maintenance mode; Microsoft Agent Framework is its successor. This project uses the AutoGen AgentChat API (\`autogen-agentchat\` and \`autogen-ext\` 0.7), which still installs and runs, but new features land in Agent Framework.

## How it runs

${pattern.overview}

Each agent is an AutoGen \`AssistantAgent\`: its system message comes from the agent's role, goal and backstory, and its tools are \`FunctionTool\`s wrapping the plain functions in \`tools/\`. \`{name}\` placeholders of the inputs in the texts are filled in at run time. An agent may call tools up to \`AGENT_MAX_STEPS\` times per turn and reflects on the results before it answers. \`run(inputs)\` in \`main.py\` runs the async team with \`asyncio.run\` and returns the last answer (without the \`TERMINATE\` keyword).

Live events (\`run --events\`, see Events below) come from AutoGen's own streams in \`event_hooks.py\`: the agents become \`ObservedAssistant\`s with \`model_client_stream=True\`, each turn (one \`on_messages_stream\` call, the stream \`run_stream\` is made of) is an agent step, inside a task step for a participant that plays a task, and each \`ModelClientStreamingChunkEvent\` is a \`text-delta\`; every model call, the selector's included, reports \`usage\` from the \`LLMCallEvent\` / \`LLMStreamEndEvent\` token counts the model client logs on autogen_core's event logger. Tool calls report the agent step they ran in. With events off, agents are plain \`AssistantAgent\`s and nothing streams.

${providerSection(spec.model.provider)}`;
  const layout = [
    { path: `${source}/main.py`, purpose: '`run(inputs)`: builds the team, runs it and returns the answer' },
    { path: `${source}/team.py`, purpose: 'the AutoGen team for this pattern' },
    { path: `${source}/agents.py`, purpose: '`AssistantAgent` factory and the `FunctionTool` wrappers' },
    { path: `${source}/event_hooks.py`, purpose: 'the AutoGen stream and event-logger hooks behind the live events' },
    { path: `${source}/model.py`, purpose: 'the model client for the configured provider' },
    { path: `${source}/prompts.py`, purpose: 'the agents and tasks as data, and the texts built from them' },
    { path: 'tests/test_autogen.py', purpose: 'runs the team against the fake model: order, tool calls, answer, live events' },
  ];
  return { overview, layout };
}
