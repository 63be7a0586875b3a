// The "Serve" and "Events" sections of a generated project's README: the HTTP endpoints of
// `python -m <pkg> serve` and the live RunEvent lines of `run --events`.
import type { ProjectContext } from './python/project-context';

export function serveSection(context: ProjectContext): string {
  const { packageName, spec } = context;
  const first = spec.inputs[0]?.name ?? 'input';
  return `## Serve

\`\`\`bash
python -m ${packageName} serve --port 8000          # 127.0.0.1 by default; --host 0.0.0.0 in a container
\`\`\`

| Endpoint | What it is |
| --- | --- |
| \`GET /health\` | \`{"status": "ok"}\` |
| \`GET /v1/models\` | this project as the model \`${spec.slug}\` |
| \`POST /v1/chat/completions\` | OpenAI-compatible chat completions, JSON or streamed (\`"stream": true\`) |
| \`GET /.well-known/agent-card.json\` | the A2A v1.0 agent card, one skill per task |
| \`POST /a2a\` | A2A JSON-RPC: \`SendMessage\`, \`SendStreamingMessage\`, \`GetTask\`, \`ListTasks\`, \`CancelTask\` |
| \`POST /mcp\` | MCP over streamable HTTP: one tool, \`${spec.slug}\`, that runs the agents |

Each request runs the agents once. The text of the last user message (OpenAI), the text parts
(A2A) or the \`${first}\` argument (MCP) becomes \`${first}\`; other inputs come from the request's
\`metadata\` (OpenAI), a data part (A2A) or the tool arguments (MCP), else their defaults. Streamed
chat completions send what the agents stream while they work as \`reasoning_content\` deltas, then
the answer as \`content\` deltas.

\`\`\`python
from openai import OpenAI

client = OpenAI(base_url="http://127.0.0.1:8000/v1", api_key="unused")
print(client.chat.completions.create(model="${spec.slug}", messages=[{"role": "user", "content": "your text here"}]).choices[0].message.content)
\`\`\`

| Variable | Default | Meaning |
| --- | --- | --- |
| \`AGENT_API_KEY\` | empty | when set, every endpoint but \`/health\` and the agent card needs \`Authorization: Bearer <key>\` |
| \`AGENT_PUBLIC_URL\` | from the \`Host\` header | the URL the agent card announces, e.g. behind a proxy |
| \`AGENT_ALLOWED_ORIGINS\` | empty | comma-separated web origins, besides loopback pages, that browsers may call from; others get 403 |

In Docker: \`docker run --rm -p 8000:8000 --env-file .env ${spec.slug} serve --host 0.0.0.0\`.`;
}

export function eventsSection(context: ProjectContext): string {
  return `## Events

\`\`\`bash
python -m ${context.packageName} run --events "your text here"      # or AGENT_EVENTS=jsonl
\`\`\`

With events switched on, the run writes one JSON object per line to stdout (the answer then goes to
stderr), or appends them to the file named by \`AGENT_EVENTS_FILE\`. These are agent-generator's
RunEvent lines: \`run-start\`, \`step-start\`, \`text-delta\`, \`tool-call-start\` / \`tool-call-end\`
(arguments, result, duration), \`usage\`, \`step-end\`, then \`run-end\` or \`run-error\`; each carries
\`runId\`, \`seq\` (0, 1, 2, … without gaps) and \`at\`. Every tool call is reported by the wrapper in
\`tools/__init__.py\`; steps, text and usage come from the framework's own hooks. Events are off by
default and then cost nothing. \`serve\` also writes them when \`AGENT_EVENTS=jsonl\`.`;
}
