// The pattern-specific tests of tests/test_langgraph.py: what each orchestration pattern promises.
import type { PatternId, ProjectSpec } from '@agent-generator/contracts';
import { pyString } from '../shared/escape';
import { pyList } from './python-literals';
import { supervisorTeam } from './supervisor-team';
import { graphTests, roundTrip, sequentialTests, usesTools } from './task-tests-py';

/** A pattern's tests plus the names they import beyond the common header. */
export interface PatternTests {
  /** Standard-library modules (`import re`). */
  readonly modules: ReadonlyArray<string>;
  /** Names from tests/fake_llm.py besides FakeLLM. */
  readonly fakeLlmNames: ReadonlyArray<string>;
  /** `from <pkg>.<module> import <name>` lines. */
  readonly projectImports: ReadonlyArray<string>;
  readonly body: string;
}

const NONE = { modules: [], fakeLlmNames: [], projectImports: [] };

function supervisorTests(spec: ProjectSpec): string {
  const team = supervisorTeam(spec);
  const workers = team.workers.map((agent) => agent.id);
  const trace = [team.node, ...workers.flatMap((worker) => [worker, team.node])];
  // The delegating spec agent's persona leads the supervisor's prompt.
  const managerCheck = team.manager ? '\n    assert str(fake_llm.requests[0]["messages"][0]["content"]).startswith("You are ")' : '';
  return `WORKERS = ${pyList(workers)}


def offers_delegation(body: dict[str, Any]) -> bool:
    return any(str(tool["function"]["name"]).startswith(workflow.DELEGATE) for tool in body.get("tools") or [])


def supervisor_script(plan: list[str]) -> Callable[[dict[str, Any]], dict[str, Any] | None]:
    """The supervisor delegates to each worker of \`plan\` in turn, then reports; workers use the autopilot."""

    def reply(body: dict[str, Any]) -> dict[str, Any] | None:
        if not offers_delegation(body):
            return None
        done = sum(1 for message in body["messages"] if message.get("role") == "tool")
        if done < len(plan):
            worker = plan[done]
            return {"tool_calls": [{"name": workflow.DELEGATE + worker, "arguments": {"instruction": f"step {done + 1} for {worker}"}}]}
        return {"content": "Final Answer: the supervisor's report"}

    return reply


def test_the_supervisor_delegates_to_each_worker_in_turn(fake_llm: FakeLLM, tool_spy: list[dict[str, Any]]) -> None:
    fake_llm.script = supervisor_script(WORKERS)
    state = execute(INPUTS)
    assert state["trace"] == ${pyList(trace)}${managerCheck}
    worker_prompts = [last_user_text(body) for body in fake_llm.requests if not offers_delegation(body)]
    for number, worker in enumerate(WORKERS, start=1):
        assert any(prompt.startswith(f"step {number} for {worker}") for prompt in worker_prompts), worker
    final_request = [body for body in fake_llm.requests if offers_delegation(body)][-1]
    results = [message for message in final_request["messages"] if message.get("role") == "tool"]
    assert len(results) == len(WORKERS) and all(message["content"] for message in results)
    assert workflow.final_output(state) == "the supervisor's report"${roundTrip(usesTools(spec, workers))}


def test_the_supervisor_stops_delegating_at_the_step_limit(fake_llm: FakeLLM, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGENT_MAX_STEPS", "2")
    fake_llm.script = supervisor_script([WORKERS[0]] * 10)
    state = execute(INPUTS)
    assert state["trace"].count(workflow.SUPERVISOR) == 3
    assert state["trace"].count(WORKERS[0]) == 2
    final_request = [body for body in fake_llm.requests if offers_delegation(body)][-1]
    assert last_user_text(final_request) == workflow.FINISH_NOTE
`;
}

function reactTests(spec: ProjectSpec): string {
  const tools = spec.tools.map((tool) => tool.id);
  const teamCheck = spec.agents.length > 1 ? '\n    assert "You also take on these roles" in first["messages"][0]["content"]' : '';
  if (tools.length === 0) {
    return `def test_the_agent_answers_in_one_step_without_tools(fake_llm: FakeLLM) -> None:
    state = execute(INPUTS)
    assert len(fake_llm.requests) == 1 and not fake_llm.requests[0].get("tools")
    assert workflow.final_output(state) == FINAL_ANSWER.split("Final Answer:", 1)[1].strip()
`;
  }
  return `TOOL_IDS = ${pyList(tools)}


def test_the_agent_reasons_acts_and_observes(fake_llm: FakeLLM, tool_spy: list[dict[str, Any]]) -> None:
    state = execute(INPUTS)
    first, second = fake_llm.requests
    assert sorted(tool["function"]["name"] for tool in first["tools"]) == sorted(TOOL_IDS)
    assert not any(message["role"] == "tool" for message in first["messages"])
    assert second["messages"][-1]["role"] == "tool"${teamCheck}
    assert state["steps"] == 2
    assert workflow.final_output(state) == FINAL_ANSWER.split("Final Answer:", 1)[1].strip()
    assert_tool_round_trip(fake_llm, tool_spy)


def test_the_loop_stops_at_the_step_limit(fake_llm: FakeLLM, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGENT_MAX_STEPS", "3")
    tool = TOOL_IDS[0]
    fake_llm.script = lambda body: {"tool_calls": [{"name": tool, "arguments": DEFAULT_ARGUMENTS[tool]}]}
    state = execute(INPUTS)
    assert len(fake_llm.requests) == 3
    assert last_user_text(fake_llm.requests[-1]) == FINAL_STEP_NOTE
    assert len(fake_llm.tool_messages()) == 2
    assert "step limit" in workflow.final_output(state)
`;
}

function groupChatTests(spec: ProjectSpec): string {
  const speakers = spec.agents.map((agent) => agent.id);
  const turns = [0, 1, 2, 3].map((index) => speakers[index % speakers.length] ?? '');
  const first = speakers[0] ?? '';
  return `SPEAKERS = ${pyList(speakers)}


def test_agents_take_turns_until_the_turn_limit(fake_llm: FakeLLM, tool_spy: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGENT_MAX_STEPS", "4")
    state = execute(INPUTS)
    assert state["trace"] == ${pyList(turns)}
    assert [turn["speaker"] for turn in state["transcript"]] == state["trace"]${roundTrip(usesTools(spec, speakers))}


def test_the_chat_ends_when_a_message_says_terminate(fake_llm: FakeLLM) -> None:
    said: list[str] = []

    def reply(body: dict[str, Any]) -> dict[str, Any] | None:
        if needs_tool(body):
            return None
        said.append(last_user_text(body))
        return {"content": f"Final Answer: message {len(said)}" + (" TERMINATE" if len(said) == 2 else "")}

    fake_llm.script = reply
    state = execute(INPUTS)
    assert state["trace"] == ${pyList(turns.slice(0, 2))}
    assert ${pyString(`[${first}] message 1`)} in said[1]
    assert workflow.final_output(state) == "message 2"
`;
}

export function patternTestsPy(spec: ProjectSpec, options: { packageName: string; pattern: PatternId }): PatternTests {
  const { packageName, pattern } = options;
  switch (pattern) {
    case 'sequential': return { ...NONE, modules: ['re'], body: sequentialTests(spec) };
    case 'graph': return { ...NONE, modules: ['re'], body: graphTests(spec) };
    case 'supervisor': return { ...NONE, body: supervisorTests(spec) };
    case 'react':
      return {
        modules: [],
        fakeLlmNames: spec.tools.length > 0 ? ['DEFAULT_ARGUMENTS', 'FINAL_ANSWER'] : ['FINAL_ANSWER'],
        projectImports: spec.tools.length > 0 ? [`from ${packageName}.agent_loop import FINAL_STEP_NOTE`] : [],
        body: reactTests(spec),
      };
    case 'group-chat': return { ...NONE, body: groupChatTests(spec) };
  }
}
