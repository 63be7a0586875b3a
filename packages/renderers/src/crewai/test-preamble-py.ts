// The top of a generated CrewAI test module: offline settings, the YAML config, the test inputs,
// and helpers that tell from a recorded model request which task and agent it belongs to.
import type { ProjectSpec } from '@agent-generator/contracts';
import { IMPLICIT_INPUT } from './placeholders';
import { pyStringDict } from './python-literals';

/** Inputs the generated tests run with: the spec's defaults, or a sample value per input. */
function testInputs(spec: ProjectSpec): Array<readonly [string, string]> {
  if (spec.inputs.length === 0) return [[IMPLICIT_INPUT, 'a sample request']];
  return spec.inputs.map((input) => [input.name, input.default ?? `sample ${input.name}`] as const);
}

export function testPreamblePy(options: { spec: ProjectSpec; packageName: string; title: string; imports?: ReadonlyArray<string> }): string {
  const { spec, packageName, title } = options;
  const extra = (options.imports ?? []).map((line) => `${line}  # noqa: E402\n`).join('');
  return `"""${title}"""

from __future__ import annotations

import os

# CrewAI may send telemetry or offer tracing; the tests stay offline. Set before crewai is imported.
os.environ.setdefault("CREWAI_DISABLE_TELEMETRY", "true")
os.environ.setdefault("OTEL_SDK_DISABLED", "true")
os.environ.setdefault("CREWAI_TRACING_ENABLED", "false")

import functools  # noqa: E402
import re  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
import yaml  # noqa: E402

from fake_llm import FakeLLM, offered_tools, pick_tool, tool_arguments, tool_pending  # noqa: E402
from ${packageName} import tools as project_tools  # noqa: E402
from ${packageName}.main import run  # noqa: E402
${extra}
CONFIG = Path(project_tools.__file__).resolve().parent.parent / "config"
AGENTS: dict[str, dict[str, str]] = yaml.safe_load((CONFIG / "agents.yaml").read_text(encoding="utf-8"))
TASKS: dict[str, dict[str, Any]] = yaml.safe_load((CONFIG / "tasks.yaml").read_text(encoding="utf-8"))
INPUTS: dict[str, str] = ${pyStringDict(testInputs(spec))}
PLACEHOLDER = re.compile(r"\\{([A-Za-z_][A-Za-z0-9_\\-]*)\\}")

# CrewAI's own code triggers its deprecation warnings; they say nothing about this project.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def fill(text: str) -> str:
    """A text as the agents see it: inputs filled in, any other {name} kept as written."""
    return PLACEHOLDER.sub(lambda match: INPUTS.get(match.group(1), match.group(0)), text)


def answer(name: str) -> str:
    """A recognisable answer for a task or agent."""
    return f"<<answer of {name}>>"


def final(text: str) -> dict[str, Any]:
    return {"content": f"Thought: I now know the final answer\\nFinal Answer: {text}"}


def conversation(body: dict[str, Any]) -> str:
    return "\\n".join(str(message.get("content") or "") for message in body.get("messages") or [])


def best_match(text: str, candidates: dict[str, str]) -> str | None:
    """The key whose value appears in the text (the longest, when several do)."""
    found = [(len(value), key) for key, value in candidates.items() if value and value in text]
    return max(found)[1] if found else None


def task_of(body: dict[str, Any]) -> str | None:
    """The task a request works on, recognised by its description."""
    return best_match(conversation(body), {task_id: fill(task["description"]) for task_id, task in TASKS.items()})


def agent_of(body: dict[str, Any]) -> str | None:
    """The agent that sent a request, recognised by the role in its system prompt."""
    system = "\\n".join(str(message.get("content") or "") for message in body.get("messages") or [] if message.get("role") == "system")
    return best_match(system, {agent_id: f"You are {fill(agent['role'])}" for agent_id, agent in AGENTS.items()})


def wants_tool(body: dict[str, Any]) -> bool:
    """True when the request offers tools and none has answered yet: the autopilot will call one."""
    tools = offered_tools(body)
    return bool(tools) and tool_pending(body, tools)


def act_every_time(body: dict[str, Any]) -> dict[str, Any] | None:
    """A model that never stops calling tools; only a forced final answer (no tools offered) ends it."""
    tools = offered_tools(body)
    if not tools:
        return None
    chosen = pick_tool(tools, None)
    return {"tool_calls": [{"name": chosen["name"], "arguments": tool_arguments(chosen)}]}


@pytest.fixture
def tool_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every call that reaches a real tool function, as (tool id, result); the tools still run."""
    calls: list[tuple[str, str]] = []

    def recording(tool_id: str, function: Callable[..., str]) -> Callable[..., str]:
        @functools.wraps(function)
        def record(*args: Any, **kwargs: Any) -> str:
            result = function(*args, **kwargs)
            calls.append((tool_id, result))
            return result

        return record

    for tool_id, function in list(project_tools.TOOLS.items()):
        monkeypatch.setitem(project_tools.TOOLS, tool_id, recording(tool_id, function))
    return calls


def assert_tool_results_reached_the_model(fake_llm: FakeLLM, tool_calls: list[tuple[str, str]]) -> None:
    assert tool_calls, "no tool call reached a tool function"
    sent = [str(message.get("content")) for message in fake_llm.tool_messages()]
    for tool_id, result in tool_calls:
        assert result in sent, f"the result of {tool_id} never went back to the model"
`;
}
