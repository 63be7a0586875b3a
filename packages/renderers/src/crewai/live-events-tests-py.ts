// The live-events part of a generated CrewAI or CrewAI Flow test module: a real run with --events
// against the FakeLLM, checked for steps, usage from the model's responses and streamed text.
import { pyString } from '../shared/escape';

/** Imports the live-events tests need besides the shared test preamble. */
export function liveEventsImports(packageName: string): string[] {
  return ['import json', 'import fake_llm as fake_server', `from ${packageName}.__main__ import main`, 'from test_events import check_protocol'];
}

/** Helpers: run with events, the agent steps with what encloses them, the checks every pattern shares. */
export const LIVE_EVENTS_HELPERS = `

def run_with_events(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[dict[str, Any]]:
    """A real \`run --events\`: its RunEvent lines, checked against the protocol."""
    path = tmp_path / "events.jsonl"
    monkeypatch.setenv("AGENT_EVENTS_FILE", str(path))
    assert main(["run", "--events", *[f"--input={name}={value}" for name, value in INPUTS.items()]]) == 0
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    check_protocol(lines)
    assert lines[-1]["status"] == "succeeded"
    return lines


def agent_steps(lines: list[dict[str, Any]]) -> list[tuple[str, list[str], list[str]]]:
    """Each agent step in start order: (agent, tasks of the open task steps, agents of the open agent steps)."""
    open_steps: list[dict[str, Any]] = []
    found: list[tuple[str, list[str], list[str]]] = []
    for event in lines:
        if event["type"] == "step-start":
            if event["kind"] == "agent":
                tasks = [step["task"] for step in open_steps if step["kind"] == "task"]
                found.append((event["agent"], tasks, [step["agent"] for step in open_steps if step["kind"] == "agent"]))
            open_steps.append(event)
        elif event["type"] == "step-end":
            open_steps = [step for step in open_steps if step["stepId"] != event["stepId"]]
    return found


def assert_usage_text_and_tool_steps(lines: list[dict[str, Any]], fake_llm: FakeLLM) -> None:
    """One usage event per model call with the tokens the model reported, the streamed text in the
    step of the agent that asked for it, and every tool call inside an agent's step."""
    usage = [event for event in lines if event["type"] == "usage"]
    reported = [fake_server._usage(body, reply) for body, reply in zip(fake_llm.requests, fake_llm.replies)]
    assert len(usage) == len(fake_llm.requests) > 0
    assert all(event["inputTokens"] + event["outputTokens"] > 0 and event["model"] == fake_llm.model for event in usage)
    assert sum(event["inputTokens"] for event in usage) == sum(tokens["prompt_tokens"] for tokens in reported)
    assert sum(event["outputTokens"] for event in usage) == sum(tokens["completion_tokens"] for tokens in reported)

    agent_step_ids = {event["stepId"] for event in lines if event["type"] == "step-start" and event["kind"] == "agent"}
    streamed: dict[str, str] = {}
    for event in lines:
        if event["type"] == "text-delta":
            assert event["stepId"] in agent_step_ids, event
            streamed[event["stepId"]] = streamed.get(event["stepId"], "") + event["delta"]
    texts = [reply["content"] for reply in fake_llm.replies if reply["content"]]
    assert texts, "the model sent no text"
    for text in texts:
        assert any(text in joined for joined in streamed.values()), f"{text!r} never arrived as text-delta"

    open_steps: set[str] = set()
    for event in lines:
        if event["type"] == "step-start":
            open_steps.add(event["stepId"])
        elif event["type"] == "step-end":
            open_steps.discard(event["stepId"])
        elif event["type"] == "tool-call-start":
            assert event.get("stepId") in open_steps & agent_step_ids, event
`;

/** An agent as the YAML names it (member) and as live events name it (the spec id). */
export interface EventAgent {
  readonly member: string;
  readonly id: string;
}

/** The ReAct adapter: the lead's step, and a coworker's step inside it when the lead delegates. */
export function reactEventsTest(options: { lead: EventAgent; coworker: EventAgent | undefined; task: string }): string {
  const { lead, coworker, task } = options;
  const delegation = coworker === undefined
    ? ''
    : `

    def script(body: dict[str, Any]) -> dict[str, Any] | None:
        delegate = next((tool["name"] for tool in offered_tools(body) if "delegate" in tool["name"]), None)
        if agent_of(body) == ${pyString(lead.member)} and delegate and tool_pending(body, offered_tools(body)):
            arguments = {"task": "Do the first step of the plan", "context": "", "coworker": fill(AGENTS[${pyString(coworker.member)}]["role"])}
            return {"tool_calls": [{"name": delegate, "arguments": arguments}]}
        return None if wants_tool(body) else final(answer(agent_of(body) or "unknown"))

    fake_llm.script = script`;
  const leadStep = `(${pyString(lead.id)}, [objective], [])`;
  const expected = coworker === undefined ? `[${leadStep}]` : `[${leadStep}, (${pyString(coworker.id)}, [objective], [${pyString(lead.id)}])]`;
  return `

def test_live_events_follow_the_lead_agent(fake_llm: FakeLLM, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The lead's step inside the loop's task step${coworker === undefined ? '' : ", and the coworker's step inside the lead's"}."""
    objective = ${pyString(task)}${delegation}
    lines = run_with_events(monkeypatch, tmp_path)
    assert agent_steps(lines) == ${expected}
    assert_usage_text_and_tool_steps(lines, fake_llm)
`;
}

/** Sequential crew: one task step after another, each holding its agent's step. */
export function sequentialEventsTest(steps: ReadonlyArray<readonly [string, string]>): string {
  const expected = steps.map(([agent, task]) => `(${pyString(agent)}, [${pyString(task)}], [])`).join(', ');
  return `

def test_live_events_show_each_task_and_its_agent_in_order(fake_llm: FakeLLM, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake_llm.script = answer_each_task
    lines = run_with_events(monkeypatch, tmp_path)
    assert agent_steps(lines) == [${expected}]
    assert_usage_text_and_tool_steps(lines, fake_llm)
`;
}

/** Hierarchical crew: per task the manager's step, and inside it the step of the worker it delegated to. */
export function supervisorEventsTest(options: { manager: string; steps: ReadonlyArray<readonly [string, string]> }): string {
  const expected = options.steps
    .map(([worker, task]) => `(MANAGER, [${pyString(task)}], []), (${pyString(worker)}, [${pyString(task)}], [MANAGER])`)
    .join(', ');
  return `

def test_live_events_nest_each_worker_inside_the_manager(fake_llm: FakeLLM, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    MANAGER = ${pyString(options.manager)}
    fake_llm.script = manage
    lines = run_with_events(monkeypatch, tmp_path)
    assert agent_steps(lines) == [${expected}]
    assert_usage_text_and_tool_steps(lines, fake_llm)
`;
}
