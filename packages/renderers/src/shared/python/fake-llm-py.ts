// tests/fake_llm.py: an in-process OpenAI-compatible server (stdlib only) that generated tests run
// agents against: JSON and SSE chat completions, tool calls, usage, a scripted or autopilot reply.
import type { ProjectContext } from './project-context';
import { fakeLlmAutopilotPy } from './fake-llm-autopilot-py';
import { fakeLlmServerPy } from './fake-llm-server-py';

export function fakeLlmPy(context: ProjectContext): string {
  const specTools = context.tools.map((tool) => `"${tool.id}"`);
  return `"""FakeLLM: an in-process OpenAI-compatible chat-completions server for offline tests.

Speaks enough of the protocol for the openai SDK and the agent frameworks built on it:
GET /v1/models, POST /v1/chat/completions (JSON and SSE streaming, tool calls, usage) and
POST /v1/embeddings, also without the /v1 prefix. Stdlib only.

A reply is {"content": str} or {"tool_calls": [{"name": str, "arguments": dict}]} (or both).
\`script\` is a list of replies consumed in order, or a callable (request_body) -> reply; a callable
may return None to let the autopilot answer. When there is no script, or it is exhausted, the
autopilot answers: if the request offers tools and none of the offered tools has been answered by
a \`tool\` message since the last user message, it calls ONE offered tool (a tool of this project
first) with sensible arguments; a request with a json_schema response_format gets JSON built from
the schema; otherwise it gives a ReAct-style final answer.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = dict[str, Any]
Script = list[Reply] | Callable[[dict[str, Any]], Reply | None] | None

# This project's tools, preferred when a request offers several.
SPEC_TOOLS: tuple[str, ...] = (${specTools.join(', ')}${specTools.length === 1 ? ',' : ''})
FINAL_ANSWER = "Thought: I now know the final answer\\nFinal Answer: The fake model has finished the task."
CREATED = 1_700_000_000
${fakeLlmAutopilotPy()}
${fakeLlmServerPy()}`;
}
