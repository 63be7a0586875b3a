// The live-events tests of tests/test_react.py: a real run with events on against the FakeLLM,
// checking the agent (and task) steps, streamed text, usage per model call and tool attribution.
import type { ProjectSpec } from '@agent-generator/contracts';
import { pyString } from '../shared/escape';

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
    """Every model call streamed, asked for usage and produced one usage event with the server's counts."""
    usages = [event for event in seen if event["type"] == "usage"]
    assert len(usages) == len(fake_llm.requests) > 0
    assert all(event["inputTokens"] > 0 and event["outputTokens"] > 0 and event["model"] == "fake-model" for event in usages)
    assert all(body.get("stream") is True and body.get("stream_options") == {"include_usage": True} for body in fake_llm.requests)


def tool_calls_by_step(seen: list[dict[str, Any]], spans: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    """The tools called inside each step; every tool call names an agent step open at that moment."""
    calls: dict[str, list[str]] = {}
    for index, event in enumerate(seen):
        if event["type"] == "tool-call-start":
            span = spans[event["stepId"]]
            assert span["kind"] == "agent" and span["start"] < index < span["end"], event
            calls.setdefault(event["stepId"], []).append(event["tool"])
    return calls
`;

function reactTest(spec: ProjectSpec): string {
  return `LEAD_AGENT = ${pyString(spec.agents[0]?.id ?? '')}


def test_live_events_show_the_lead_agent_streaming_its_answer(fake_llm: FakeLLM) -> None:
    seen = run_with_events()
    spans = step_spans(seen)
    assert [(span["stepId"], span["kind"], span["agent"]) for span in spans.values()] == [(f"agent:{LEAD_AGENT}", "agent", LEAD_AGENT)]
    assert streamed_text(seen, f"agent:{LEAD_AGENT}") == FINAL_ANSWER
    assert_model_calls_reported(fake_llm, seen)
    calls = tool_calls_by_step(seen, spans)
    assert len(calls.get(f"agent:{LEAD_AGENT}", [])) == (1 if TOOLS else 0)
`;
}

function sequentialTest(spec: ProjectSpec): string {
  const agents = spec.tasks.map((task) => `${pyString(task.id)}: ${pyString(task.agent)}`);
  return `TASK_AGENTS = {${agents.join(', ')}}


def test_live_events_show_each_task_and_its_agent_in_order(fake_llm: FakeLLM) -> None:
    fake_llm.script = answer_as_task
    seen = run_with_events()
    spans = step_spans(seen)
    tasks = [span for span in spans.values() if span["kind"] == "task"]
    agents = [span for span in spans.values() if span["kind"] == "agent"]
    assert [span["task"] for span in tasks] == ORDER
    assert [span["agent"] for span in agents] == [TASK_AGENTS[task_id] for task_id in ORDER]
    calls = tool_calls_by_step(seen, spans)
    for task, agent in zip(tasks, agents):
        assert task["start"] < agent["start"] < agent["end"] < task["end"]
        assert streamed_text(seen, agent["stepId"]) == f"Final Answer: output of {task['task']}"
        # The autopilot calls one of the agent's own tools, once, before answering.
        called = calls.get(agent["stepId"], [])
        assert len(called) == (1 if TASK_TOOLS[task["task"]] else 0) and set(called) <= set(TASK_TOOLS[task["task"]])
    assert all(earlier["end"] < later["start"] for earlier, later in zip(tasks, tasks[1:]))
    assert_model_calls_reported(fake_llm, seen)
`;
}

/** The events tests for the pattern, plus the tests/fake_llm.py names they need. */
export function eventsTestsPy(spec: ProjectSpec, pattern: 'react' | 'sequential'): { readonly fakeLlmNames: ReadonlyArray<string>; readonly body: string } {
  return pattern === 'react'
    ? { fakeLlmNames: ['FINAL_ANSWER'], body: `${HELPERS}\n\n${reactTest(spec)}` }
    : { fakeLlmNames: [], body: `${HELPERS}\n\n${sequentialTest(spec)}` };
}
