// The live-events tests of tests/test_langgraph.py: a real run with events on against the FakeLLM,
// checking the steps each pattern promises, streamed text, usage per model call and tool attribution.
import type { PatternId, ProjectSpec } from '@agent-generator/contracts';
import { pyString } from '../shared/escape';
import { pyList } from './python-literals';
import { supervisorTeam } from './supervisor-team';

const HELPERS = `
def run_with_events() -> list[dict[str, Any]]:
    """One run of main.run with live events on, collected in memory."""
    seen: list[dict[str, Any]] = []
    events.traced_run(run, INPUTS, [seen.append])
    assert seen[-1]["type"] == "run-end", seen[-1]
    return seen


def step_spans(seen: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each step's start event plus the indexes of its start and end; every step ends once, after it starts."""
    spans: dict[str, dict[str, Any]] = {}
    for index, event in enumerate(seen):
        if event["type"] == "step-start":
            assert event["stepId"] not in spans, event
            spans[event["stepId"]] = {**event, "start": index, "end": None}
        elif event["type"] == "step-end":
            assert spans[event["stepId"]]["end"] is None, event
            spans[event["stepId"]]["end"] = index
    assert spans and all(span["end"] is not None for span in spans.values())
    return spans


def streamed_text(seen: list[dict[str, Any]], step_id: str) -> str:
    return "".join(event["delta"] for event in seen if event["type"] == "text-delta" and event.get("stepId") == step_id)


def assert_model_calls_reported(fake_llm: FakeLLM, seen: list[dict[str, Any]]) -> None:
    """Every model call streamed, asked for usage and produced one usage event with real counts."""
    usages = [event for event in seen if event["type"] == "usage"]
    assert len(usages) == len(fake_llm.requests) > 0
    assert all(event["inputTokens"] > 0 and event["outputTokens"] > 0 and event["model"] == "fake-model" for event in usages)
    assert all(body.get("stream") is True and body.get("stream_options") == {"include_usage": True} for body in fake_llm.requests)


def assert_tool_calls_inside_steps(seen: list[dict[str, Any]], spans: dict[str, dict[str, Any]], own_agent: bool) -> None:
    """Each tool call names a step open at that moment; with own_agent, the agent step whose agent has the tool."""
    calls = [(index, event) for index, event in enumerate(seen) if event["type"] == "tool-call-start"]
    assert calls or not TOOLS
    for index, event in calls:
        span = spans[event["stepId"]]
        assert span["start"] < index < span["end"], event
        if own_agent:
            assert span["kind"] == "agent" and event["tool"] in AGENTS[span["agent"]].tools, (event, span)
`;

function taskAgents(spec: ProjectSpec): string {
  return `{${spec.tasks.map((task) => `${pyString(task.id)}: ${pyString(task.agent)}`).join(', ')}}`;
}

// One task step per task, in spec order, each holding its agent's step and that agent's streamed answer.
function sequentialTest(spec: ProjectSpec): string {
  return `TASK_AGENTS = ${taskAgents(spec)}


def test_live_events_show_each_task_and_its_agent_in_order(fake_llm: FakeLLM) -> None:
    fake_llm.script = answer_as_task
    seen = run_with_events()
    spans = step_spans(seen)
    tasks = [span for span in spans.values() if span["kind"] == "task"]
    agents = [span for span in spans.values() if span["kind"] == "agent"]
    assert [span["task"] for span in tasks] == ORDER
    assert [span["agent"] for span in agents] == [TASK_AGENTS[task_id] for task_id in ORDER]
    for task, agent in zip(tasks, agents):
        assert task["start"] < agent["start"] < agent["end"] < task["end"]
        assert task["agent"] == agent["agent"]
        assert streamed_text(seen, agent["stepId"]) == f"Final Answer: output of {task['task']}"
    assert all(earlier["end"] < later["start"] for earlier, later in zip(tasks, tasks[1:]))
    assert_model_calls_reported(fake_llm, seen)
    assert_tool_calls_inside_steps(seen, spans, own_agent=True)
`;
}

// Parallel branches may interleave, so the test checks dependencies and containment, not one order.
function graphTest(spec: ProjectSpec): string {
  return `TASK_AGENTS = ${taskAgents(spec)}


def test_live_events_show_each_task_after_its_dependencies(fake_llm: FakeLLM) -> None:
    fake_llm.script = answer_as_task
    seen = run_with_events()
    spans = step_spans(seen)
    tasks = {span["task"]: span for span in spans.values() if span["kind"] == "task"}
    agents = [span for span in spans.values() if span["kind"] == "agent"]
    assert sorted(tasks) == sorted(CONTEXT) and len(agents) == len(tasks)
    for task_id, context in CONTEXT.items():
        task = tasks[task_id]
        assert all(tasks[dependency]["end"] < task["start"] for dependency in context), task_id
        inside = [span for span in agents if task["start"] < span["start"] and span["end"] < task["end"]]
        answered = [span for span in inside if streamed_text(seen, span["stepId"]) == f"Final Answer: output of {task_id}"]
        assert [span["agent"] for span in answered] == [TASK_AGENTS[task_id]], task_id
    assert_model_calls_reported(fake_llm, seen)
    # Parallel branches share the run's step stack, so a tool call is only known to fall inside a step.
    assert_tool_calls_inside_steps(seen, spans, own_agent=False)
`;
}

function supervisorTest(spec: ProjectSpec): string {
  const team = supervisorTeam(spec);
  return `SUPERVISOR_AGENT = ${pyString(team.manager?.id ?? team.node)}


def test_live_events_show_each_supervisor_turn_and_delegation(fake_llm: FakeLLM) -> None:
    fake_llm.script = supervisor_script(WORKERS)
    seen = run_with_events()
    spans = list(step_spans(seen).values())
    assert all(span["kind"] == "agent" for span in spans)
    assert [span["agent"] for span in spans] == [SUPERVISOR_AGENT, *[name for worker in WORKERS for name in (worker, SUPERVISOR_AGENT)]]
    assert all(earlier["end"] < later["start"] for earlier, later in zip(spans, spans[1:]))
    assert streamed_text(seen, spans[-1]["stepId"]) == "Final Answer: the supervisor's report"
    assert_model_calls_reported(fake_llm, seen)
    assert_tool_calls_inside_steps(seen, {span["stepId"]: span for span in spans}, own_agent=True)
`;
}

function reactTest(spec: ProjectSpec): string {
  return `LEAD_AGENT = ${pyString(spec.agents[0]?.id ?? '')}


def test_live_events_show_the_lead_agent_streaming_its_answer(fake_llm: FakeLLM) -> None:
    seen = run_with_events()
    spans = step_spans(seen)
    [step] = spans.values()
    assert (step["kind"], step["agent"]) == ("agent", LEAD_AGENT)
    assert streamed_text(seen, step["stepId"]) == FINAL_ANSWER
    assert_model_calls_reported(fake_llm, seen)
    assert_tool_calls_inside_steps(seen, spans, own_agent=False)
`;
}

function groupChatTest(spec: ProjectSpec): string {
  const speakers = spec.agents.map((agent) => agent.id);
  const turns = [0, 1, 2, 3].map((index) => speakers[index % speakers.length] ?? '');
  return `def test_live_events_show_each_turn_of_the_chat(fake_llm: FakeLLM, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGENT_MAX_STEPS", "4")
    seen = run_with_events()
    spans = list(step_spans(seen).values())
    assert [(span["kind"], span["agent"]) for span in spans] == [("agent", speaker) for speaker in ${pyList(turns)}]
    assert all(earlier["end"] < later["start"] for earlier, later in zip(spans, spans[1:]))
    assert all(streamed_text(seen, span["stepId"]) == FINAL_ANSWER for span in spans)
    assert_model_calls_reported(fake_llm, seen)
    assert_tool_calls_inside_steps(seen, {span["stepId"]: span for span in spans}, own_agent=True)
`;
}

/** The events tests for the spec's pattern, plus the tests/fake_llm.py names they need. */
export function eventsTestsPy(spec: ProjectSpec, pattern: PatternId): { readonly fakeLlmNames: ReadonlyArray<string>; readonly body: string } {
  switch (pattern) {
    case 'sequential': return { fakeLlmNames: [], body: `${HELPERS}\n\n${sequentialTest(spec)}` };
    case 'graph': return { fakeLlmNames: [], body: `${HELPERS}\n\n${graphTest(spec)}` };
    case 'supervisor': return { fakeLlmNames: [], body: `${HELPERS}\n\n${supervisorTest(spec)}` };
    case 'react': return { fakeLlmNames: ['FINAL_ANSWER'], body: `${HELPERS}\n\n${reactTest(spec)}` };
    case 'group-chat': return { fakeLlmNames: ['FINAL_ANSWER'], body: `${HELPERS}\n\n${groupChatTest(spec)}` };
  }
}
