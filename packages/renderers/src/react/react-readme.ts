// The ReAct-specific README parts: how the loop works for the chosen pattern, providers, and the layout.
import type { ProjectSpec } from '@agent-generator/contracts';

const PATTERN_TEXT = {
  react:
    '**Pattern: ReAct.** One agent runs the loop: the first agent leads, the other agents\' roles are folded into its system prompt, it may call every tool of the project, and the tasks become the steps of its plan.',
  sequential:
    '**Pattern: sequential** (built from single ReAct loops). Each task runs its agent\'s own loop, in spec order, with that agent\'s tools; a task receives the outputs of its `context` tasks, and the last task\'s output is the answer.',
} as const;

// Which steps the loop reports in live events, per pattern.
const STEP_TEXT = {
  react: 'the agent\'s loop is one `step-start`/`step-end` (kind `agent`)',
  sequential: 'each task is a `step-start`/`step-end` of kind `task` holding its agent\'s loop as a step of kind `agent`',
} as const;

export function reactOverview(spec: ProjectSpec, pattern: 'react' | 'sequential'): string {
  return `${PATTERN_TEXT[pattern]}

**The loop** (\`agent.py\`) is plain Python on the official \`openai\` SDK with native tool calling: the model reasons and either answers or calls tools (Reason), each call runs the real function from \`tools/\` (Act), and the result goes back as a \`tool\` message (Observe). \`AGENT_MAX_STEPS\` bounds the model calls; the last one is told to answer without tools. Tool definitions are generated from the functions' signatures and docstrings (\`tool_schemas.py\`); a bad tool call becomes an \`error: ...\` observation, never a crash.

**Live events** (\`run --events\`, see Events below) come from the loop itself: ${STEP_TEXT[pattern]}; with events on each model call streams (the SDK's \`chat.completions.stream\`) and every text piece becomes a \`text-delta\`, the response's \`usage\` a \`usage\` event, and the tool wrapper in \`tools/\` gives \`tool-call-start\`/\`tool-call-end\` inside the calling agent's step.

**Providers** (\`client.py\`) are all reached over the OpenAI protocol; this project was generated for \`${spec.model.provider}\`:

| \`MODEL_PROVIDER\` | how |
| --- | --- |
| \`openai\`, \`openai-compatible\`, \`ollama\`, \`ollabridge\` | the server's chat-completions API at its base URL (vLLM, LM Studio, llama.cpp … via \`openai-compatible\` and \`OPENAI_BASE_URL\`) |
| \`azure-openai\` | the SDK's \`AzureOpenAI\` client; \`MODEL_ID\` is the deployment name |
| \`anthropic\` | Anthropic's OpenAI SDK compatibility endpoint with \`ANTHROPIC_API_KEY\` |
| \`vertex\` | Gemini's OpenAI-compatible endpoint with \`GOOGLE_API_KEY\`; for Vertex AI with Google credentials use \`openai-compatible\` with Vertex's OpenAI endpoint and an access token |
| \`bedrock\` | the SDK's Bedrock provider (Bedrock's OpenAI-compatible API) with your AWS credentials; needs \`pip install "openai[bedrock]"\` |
| \`watsonx\` | no OpenAI-compatible endpoint of its own: run an OpenAI-compatible gateway in front of watsonx.ai and use \`openai-compatible\` |`;
}

export function reactLayout(packageName: string): ReadonlyArray<{ readonly path: string; readonly purpose: string }> {
  const source = `src/${packageName}`;
  return [
    { path: `${source}/main.py`, purpose: '`run(inputs)`: runs the agents and returns the answer' },
    { path: `${source}/agent.py`, purpose: 'the Reason → Act → Observe loop with a step limit' },
    { path: `${source}/tool_schemas.py`, purpose: 'tool definitions from the functions\' signatures, and the tool runner' },
    { path: `${source}/team.py`, purpose: 'the agents and tasks, and the prompts built from them' },
    { path: `${source}/client.py`, purpose: 'the OpenAI SDK client for the configured provider' },
    { path: 'tests/test_react.py', purpose: 'runs the loop against the fake model and checks the pattern' },
  ];
}
