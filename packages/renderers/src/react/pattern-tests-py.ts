// The pattern-specific tests of tests/test_react.py: one ReAct loop, or one loop per task in order.
import type { ProjectSpec } from '@agent-generator/contracts';
import { pyString } from '../shared/escape';

function pyList(values: ReadonlyArray<string>): string {
  return `[${values.map(pyString).join(', ')}]`;
}

function pyTuple(values: ReadonlyArray<string>): string {
  const items = values.map(pyString);
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

const FAKE_ANSWER = 'FINAL_ANSWER.split("Final Answer:", 1)[1].strip()';

export function reactPatternTestsPy(spec: ProjectSpec): string {
  const tools = spec.tools.map((tool) => tool.id);
  if (tools.length === 0) {
    return `def test_the_agent_answers_in_one_step_without_tools(fake_llm: FakeLLM) -> None:
    result = execute(INPUTS)
    assert len(fake_llm.requests) == 1 and "tools" not in fake_llm.requests[0]
    assert result.answer == ${FAKE_ANSWER}
`;
  }
  const teamCheck = spec.agents.length > 1 ? '\n    assert "You also take on these roles" in first["messages"][0]["content"]' : '';
  return `TOOL_IDS = ${pyList(tools)}


def test_the_agent_reasons_acts_and_observes(fake_llm: FakeLLM, tool_spy: list[dict[str, Any]]) -> None:
    result = execute(INPUTS)
    first, second = fake_llm.requests
    assert first["tools"] == [tool_schema(tool_id) for tool_id in TOOL_IDS]
    assert not any(message["role"] == "tool" for message in first["messages"])
    assert second["messages"][-2]["tool_calls"][0]["id"] == second["messages"][-1]["tool_call_id"]${teamCheck}
    assert result.answer == ${FAKE_ANSWER}
    assert_tool_round_trip(fake_llm, tool_spy)


def test_the_loop_stops_at_the_step_limit(fake_llm: FakeLLM, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGENT_MAX_STEPS", "3")
    tool = TOOL_IDS[0]
    fake_llm.script = lambda body: {"tool_calls": [{"name": tool, "arguments": DEFAULT_ARGUMENTS[tool]}]}
    result = execute(INPUTS)
    assert len(fake_llm.requests) == 3
    assert user_texts(fake_llm.requests[-1])[-1] == FINAL_STEP_NOTE
    assert len(fake_llm.tool_messages()) == 2
    assert result.answer == NO_ANSWER


def test_a_failed_tool_call_is_observed_and_the_loop_goes_on(fake_llm: FakeLLM) -> None:
    fake_llm.script = [{"tool_calls": [{"name": "no_such_tool", "arguments": {}}]}]
    result = execute(INPUTS)
    observations = [str(message["content"]) for message in fake_llm.tool_messages()]
    assert observations[0].startswith("error: there is no tool 'no_such_tool'")
    assert len(fake_llm.requests) == 3
    assert result.answer == ${FAKE_ANSWER}
`;
}

export function sequentialPatternTestsPy(spec: ProjectSpec): string {
  const last = spec.tasks[spec.tasks.length - 1]?.id ?? '';
  const agentTools = spec.tasks.map((task) => `    ${pyString(task.id)}: ${pyList(spec.agents.find((agent) => agent.id === task.agent)?.tools ?? [])},`);
  const usesTools = spec.tasks.some((task) => (spec.agents.find((agent) => agent.id === task.agent)?.tools.length ?? 0) > 0);
  return `ORDER = ${pyList(spec.tasks.map((task) => task.id))}
CONTEXT: dict[str, tuple[str, ...]] = {
${spec.tasks.map((task) => `    ${pyString(task.id)}: ${task.context.length === 0 ? '()' : pyTuple(task.context)},`).join('\n')}
}
# The tools each task's loop may offer: its agent's.
TASK_TOOLS: dict[str, list[str]] = {
${agentTools.join('\n')}
}


def task_of(body: dict[str, Any]) -> str:
    match = re.search(r"Task (\\w+):", user_texts(body)[0])
    return match.group(1) if match else "unknown"


def answer_as_task(body: dict[str, Any]) -> dict[str, Any] | None:
    """The autopilot calls a tool first; then each task answers "output of <task id>"."""
    return None if needs_tool(body) else {"content": f"Final Answer: output of {task_of(body)}"}


def test_each_task_runs_its_own_loop_in_spec_order(fake_llm: FakeLLM, tool_spy: list[dict[str, Any]]) -> None:
    fake_llm.script = answer_as_task
    result = execute(INPUTS)
    assert result.trace == ORDER
    assert [task_of(body) for body in fake_llm.requests if not any(m["role"] == "tool" for m in body["messages"])] == ORDER
    prompts = {task_of(body): user_texts(body)[0] for body in fake_llm.requests}
    for task_id, context in CONTEXT.items():
        for other in CONTEXT:
            shown = f"Output of task {other}:\\noutput of {other}" in prompts[task_id]
            assert shown == (other in context), (task_id, other)
    for body in fake_llm.requests:
        assert [tool["function"]["name"] for tool in body.get("tools") or []] == TASK_TOOLS[task_of(body)]
    assert result.answer == ${pyString(`output of ${last}`)}${usesTools ? '\n    assert_tool_round_trip(fake_llm, tool_spy)' : ''}
`;
}
