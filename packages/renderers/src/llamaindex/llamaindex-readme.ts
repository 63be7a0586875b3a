// The LlamaIndex-specific README parts: how the pattern maps onto LlamaIndex, and the file layout.
import type { PatternId, ProjectSpec, ProviderId } from '@agent-generator/contracts';
import { packageName } from '../shared/escape';
import { llamaindexDependencies } from './llamaindex-dependencies';
import { supervisorName } from './team-py';

const PATTERN_TEXT: Record<Exclude<PatternId, 'group-chat'>, string> = {
  sequential:
    'The tasks run as a LlamaIndex `Workflow` with one step per task, in the order of the spec. Each step runs its task with the task\'s `FunctionAgent`, sends its output on in an event and records it in the shared workflow state, so every task receives the outputs of the tasks in its context.',
  graph:
    'The tasks run as a LlamaIndex `Workflow` whose steps follow the context of each task: a task starts as soon as the events of all tasks it builds on have arrived (`ctx.collect_events`), tasks without context start at once, and a `finish` step joins the last tasks. Every output is also kept in the shared workflow state.',
  react:
    'Each agent is a LlamaIndex `ReActAgent`: it reasons in text (Thought → Action → Observation) and calls its tools until it can answer. The tasks run in spec order in a small `Workflow`, each with its agent, and each receives the outputs of the tasks in its context. `AGENT_MAX_STEPS` caps the loop; at the cap the agent writes its best answer.',
  supervisor:
    'The agents form a LlamaIndex `AgentWorkflow`. Its root agent, `{supervisor}`, plans the work and hands each task to the agent that owns it with the `handoff` tool; the worker uses its tools and hands the result back. `AGENT_MAX_STEPS` limits each agent, so the team gets that many turns per member.',
};

const EVENTS_TEXT = {
  workflow: 'each Workflow step opens a `task` step with its agent\'s `agent` step inside (`run_task`).',
  team: 'the `AgentWorkflow`\'s event stream is read while it runs; each `AgentInput` names the agent about to call the model, so every turn of the supervisor or a worker is one `agent` step (`relay_turns`).',
} as const;

function providerNote(provider: ProviderId): string {
  const integration = llamaindexDependencies(provider).find((name) => name.startsWith('llama-index-llms-') && !name.startsWith('llama-index-llms-openai-like'));
  if (provider === 'openai') return 'OpenAI itself also goes through `OpenAILike` (built on `llama-index-llms-openai`), so any current model id works.';
  if (!integration) return `The spec's provider (\`${provider}\`) is one of them.`;
  return `The spec's provider (\`${provider}\`) uses its own LlamaIndex integration, \`${integration.split(/[<>=]/)[0] ?? integration}\`.`;
}

export function llamaindexOverview(spec: ProjectSpec): string {
  if (spec.pattern === 'group-chat') throw new Error('LlamaIndex projects do not support the group-chat pattern');
  const pattern = PATTERN_TEXT[spec.pattern].replace('{supervisor}', supervisorName(spec));
  return `## How it works

${pattern}

Tools are the shared functions in \`src/${packageName(spec.slug)}/tools/\`, wrapped as LlamaIndex \`FunctionTool\`s. The model comes from \`settings.py\` (\`MODEL_PROVIDER\`, \`MODEL_ID\`): OpenAI-compatible servers (OpenAI, OllaBridge, vLLM, LM Studio, Ollama's \`/v1\`…) go through \`OpenAILike\` with tool calling switched on. ${providerNote(spec.model.provider)} To use another provider, install its \`llama-index-llms-…\` package and add a branch to \`llm.py\`.

Live events (\`run --events\`) come from LlamaIndex's own hooks, in \`hooks.py\`: ${EVENTS_TEXT[spec.pattern === 'supervisor' ? 'team' : 'workflow']} Text deltas come from the instrumentation dispatcher's \`LLMChatInProgressEvent\` (the agents stream), and one \`usage\` event per model call from \`LLMChatEndEvent\`, with the token counts of the response's raw usage (OpenAI-compatible servers are asked for them with \`stream_options.include_usage\`). Tool calls are reported by the tool wrapper, in the step of the agent that is working${spec.pattern === 'graph' ? ' (while parallel branches run at once, the agent step that started last)' : ''}.

The tests in \`tests/test_llamaindex.py\` run the real LlamaIndex agents against an in-process fake model server, so they need no network or API key.`;
}

export function llamaindexLayout(spec: ProjectSpec): ReadonlyArray<{ readonly path: string; readonly purpose: string }> {
  const source = `src/${packageName(spec.slug)}`;
  const orchestration =
    spec.pattern === 'supervisor'
      ? { path: `${source}/team.py`, purpose: 'the `AgentWorkflow`: supervisor and workers with hand-offs' }
      : { path: `${source}/workflow.py`, purpose: 'the `Workflow`: one step per task, outputs in events and shared state' };
  return [
    { path: `${source}/main.py`, purpose: '`run(inputs)`: builds the model and agents and runs them once' },
    { path: `${source}/llm.py`, purpose: 'the LlamaIndex model for the configured provider' },
    { path: `${source}/prompts.py`, purpose: "the spec's agents and tasks, and the prompts built from them" },
    { path: `${source}/agents.py`, purpose: `one ${spec.pattern === 'react' ? '`ReActAgent`' : '`FunctionAgent`'} per agent with its tools` },
    orchestration,
    { path: `${source}/hooks.py`, purpose: 'live events from LlamaIndex hooks: steps, streamed text, usage' },
    { path: 'tests/test_llamaindex.py', purpose: 'runs the agents against the fake model and checks the pattern' },
  ];
}
