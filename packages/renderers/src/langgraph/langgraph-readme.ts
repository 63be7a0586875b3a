// The LangGraph-specific README parts: how the graph works for the chosen pattern, and the file layout.
import type { PatternId, ProjectSpec } from '@agent-generator/contracts';
import { chatModelClass, chatOpenAiProviders } from './llm-py';

const PATTERN_TEXT: Record<PatternId, string> = {
  sequential:
    '**Pattern: sequential.** `graph.py` builds a `StateGraph` with one node per task, chained in spec order. Each node runs its agent\'s tool loop on the task and receives the outputs of the task\'s `context` tasks; the state keeps every output.',
  graph:
    '**Pattern: graph.** `graph.py` builds a `StateGraph` with one node per task and an edge from each of the task\'s `context` tasks. Tasks that share a dependency run in parallel; a task with several dependencies waits for all of them. The state keeps every output; the result is the output of the tasks nothing depends on.',
  supervisor:
    '**Pattern: supervisor.** `graph.py` builds a `StateGraph` with a supervisor node and one worker node per agent; an agent allowed to delegate (`allowDelegation`) is the supervisor itself and lends it its persona. The supervisor calls a `delegate_to_<agent>` tool; LangGraph `Send`s the call to that worker, whose answer returns to the supervisor as the tool result. The supervisor finishes by answering without a tool call, and is made to answer after `AGENT_MAX_STEPS` turns.',
  react:
    '**Pattern: ReAct.** The graph *is* one agent loop: a `reason` node (the model with every tool bound) and an `act` node (LangGraph\'s `ToolNode`), repeated until the model answers without a tool call or `AGENT_MAX_STEPS` model calls have run. The first agent leads; the other agents\' roles are folded into its system prompt and the tasks become its plan.',
  'group-chat':
    '**Pattern: group chat** (built from LangGraph primitives). The agents speak in turn, round robin, each seeing the plan and the whole conversation. The chat ends when a message contains `TERMINATE` or after `AGENT_MAX_STEPS` turns; the result is the last message.',
};

// Which graph runs become steps in live events, per pattern.
const STEP_TEXT: Record<PatternId, string> = {
  sequential: 'each task node (a task step) and of the agent loop inside it (an agent step)',
  graph: 'each task node (a task step) and of the agent loop inside it (an agent step)',
  supervisor: 'the supervisor node (an agent step per turn) and of each worker\'s agent loop (an agent step)',
  react: 'the graph itself, which is the lead agent\'s loop (one agent step)',
  'group-chat': 'each speaker\'s agent loop (an agent step per turn)',
};

// events.py keeps one stack of open steps per run, so parallel branches share it.
const PARALLEL_NOTE = ' (while parallel branches run, that is the step started last, which may belong to another branch; text deltas always name their own step)';

export function langgraphOverview(spec: ProjectSpec): string {
  const { provider } = spec.model;
  const modelClass = chatModelClass(provider);
  const viaOpenAi = chatOpenAiProviders(provider).map((name) => `\`${name}\``).join(', ');
  const native = modelClass === 'ChatOpenAI' ? '' : `\`${modelClass}\` for \`${provider}\`, and `;
  return `${PATTERN_TEXT[spec.pattern]}

Every agent works in its own small LangGraph loop (\`agent_loop.py\`): the model reasons, LangGraph's \`ToolNode\` runs the tools it calls, and the results go back to the model, at most \`AGENT_MAX_STEPS\` model calls per loop. The tools are LangChain \`StructuredTool\`s wrapping the plain functions in \`tools/\`.

**Model.** \`llm.py\` builds the chat model from the settings: ${native}\`ChatOpenAI\` on the chat-completions API for ${viaOpenAi} (any OpenAI-compatible server: \`MODEL_PROVIDER=openai-compatible\` with \`OPENAI_BASE_URL\`). Another provider needs its LangChain integration package and a branch in \`llm.py\`.

**Live events** (\`run --events\`, see Events below) come from LangGraph's own hooks: \`event_hooks.py\` is a LangChain callback handler passed in the graph's \`config={"callbacks": [...]}\`. \`on_chain_start\`/\`on_chain_end\` of ${STEP_TEXT[spec.pattern]} give \`step-start\`/\`step-end\`; with events on the model streams, and \`on_llm_new_token\` gives \`text-delta\`; \`on_llm_end\` gives \`usage\` from the answer's \`usage_metadata\`; the tool wrapper in \`tools/\` gives \`tool-call-start\`/\`tool-call-end\`, attributed to the innermost open step${spec.pattern === 'graph' ? PARALLEL_NOTE : ''}.

**LangGraph Studio.** \`langgraph.json\` points the LangGraph CLI at the compiled graph: \`pip install "langgraph-cli[inmem]"\`, then \`langgraph dev\` serves it locally with the settings from \`.env\`.`;
}

export function langgraphLayout(packageName: string): ReadonlyArray<{ readonly path: string; readonly purpose: string }> {
  const source = `src/${packageName}`;
  return [
    { path: 'langgraph.json', purpose: 'LangGraph CLI and Studio configuration (`langgraph dev`)' },
    { path: `${source}/main.py`, purpose: '`run(inputs)`: runs the graph once and returns the result' },
    { path: `${source}/graph.py`, purpose: 'the `StateGraph`: state, nodes and edges of the pattern' },
    { path: `${source}/agent_loop.py`, purpose: 'one agent\'s reason → act → observe loop with a step limit' },
    { path: `${source}/agents.py`, purpose: 'the agents: role, goal, backstory, tools' },
    { path: `${source}/tasks.py`, purpose: 'the tasks and the prompts built from them' },
    { path: `${source}/agent_tools.py`, purpose: 'the tools wrapped as LangChain tools' },
    { path: `${source}/event_hooks.py`, purpose: 'the LangChain callback handler that reports live events' },
    { path: `${source}/llm.py`, purpose: 'the LangChain chat model for the configured provider' },
    { path: 'tests/test_langgraph.py', purpose: 'runs the graph against the fake model and checks the pattern' },
  ];
}
