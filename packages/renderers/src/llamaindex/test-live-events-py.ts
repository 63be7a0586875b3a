// The live-event tests of tests/test_llamaindex.py: a real run with events on against the FakeLLM,
// checking the steps the pattern promises, one usage event per model call, the streamed text and
// the step each tool call is attributed to.
import type { PatternId } from '@agent-generator/contracts';

const HELPERS = `

def run_with_events() -> tuple[str, list[dict[str, Any]]]:
    """A real run with live events on, recorded in a list."""
    seen: list[dict[str, Any]] = []
    result = events.traced_run(run, dict(INPUTS), [seen.append])
    return result, seen


def balanced_steps(seen: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Every step starts once and ends once, after its start; the step-start events by id, in order."""
    starts: dict[str, dict[str, Any]] = {}
    ended: set[str] = set()
    for event in seen:
        if event["type"] == "step-start":
            assert event["stepId"] not in starts, f"step {event['stepId']} started twice"
            starts[event["stepId"]] = event
        elif event["type"] == "step-end":
            assert event["stepId"] in starts and event["stepId"] not in ended, event
            ended.add(event["stepId"])
    assert ended == set(starts), "a step was never ended"
    return starts


def position(seen: list[dict[str, Any]], kind: str, step_id: str) -> int:
    return next(index for index, event in enumerate(seen) if event["type"] == kind and event.get("stepId") == step_id)


def agent_turns(seen: list[dict[str, Any]]) -> list[str]:
    return [event["agent"] for event in seen if event["type"] == "step-start" and event["kind"] == "agent"]


def check_usage_and_text(seen: list[dict[str, Any]], fake_llm: FakeLLM, ordered: bool = True) -> None:
    """One usage event with real token counts per model call; the streamed text is the model's text."""
    usage = [event for event in seen if event["type"] == "usage"]
    assert len(usage) == len(fake_llm.requests), "one usage event per model call"
    assert all(event["inputTokens"] > 0 and event["outputTokens"] > 0 and event.get("model") == "fake-model" for event in usage)
    streamed = "".join(event["delta"] for event in seen if event["type"] == "text-delta")
    answered = "".join(reply["content"] or "" for reply in fake_llm.replies)
    if ordered:
        assert streamed == answered
    else:
        assert sorted(streamed) == sorted(answered)
    assert all(event.get("stepId") for event in seen if event["type"] == "text-delta")


def tool_calls_in_agent_steps(seen: list[dict[str, Any]]) -> int:
    """Each tool call names an agent step that is working; when only one is, its agent owns the tool."""
    working: dict[str, str] = {}
    calls = 0
    for event in seen:
        if event["type"] == "step-start" and event["kind"] == "agent":
            working[event["stepId"]] = event["agent"]
        elif event["type"] == "step-end":
            working.pop(event["stepId"], None)
        elif event["type"] == "tool-call-start":
            calls += 1
            assert event.get("stepId") in working, event
            if len(working) == 1:
                assert event["tool"] in AGENTS[working[event["stepId"]]].tools, event
    return calls
`;

const TASK_STEPS = `

def task_steps(seen: list[dict[str, Any]]) -> dict[str, str]:
    """Each task runs in a task step holding one agent step of the task's agent; step ids by task, in start order."""
    starts = balanced_steps(seen)
    tasks = {event["task"]: step_id for step_id, event in starts.items() if event["kind"] == "task"}
    for step_id, event in starts.items():
        if event["kind"] == "agent":
            outer = tasks[event["task"]]
            assert event["agent"] == TASKS[event["task"]].agent == starts[outer]["agent"]
            assert position(seen, "step-start", outer) < position(seen, "step-start", step_id)
            assert position(seen, "step-end", step_id) < position(seen, "step-end", outer)
    return tasks
`;

function toolCheck(withTools: boolean): string {
  return withTools ? '    assert tool_calls_in_agent_steps(seen) > 0, "no tool call was reported"' : '    tool_calls_in_agent_steps(seen)';
}

function workflowEventTest(pattern: 'sequential' | 'graph' | 'react', withTools: boolean): string {
  const script = pattern === 'react' && withTools ? '    fake_llm.script = acting_script([])\n' : '';
  const order =
    pattern === 'graph'
      ? `    assert sorted(started) == sorted(TASKS)
    for task_id, task in TASKS.items():
        for dependency in task.context:
            assert position(seen, "step-end", started[dependency]) < position(seen, "step-start", started[task_id])
    assert sorted(agent_turns(seen)) == sorted(task.agent for task in TASKS.values())`
      : `    assert list(started) == list(TASKS)
    assert agent_turns(seen) == [task.agent for task in TASKS.values()]`;
  return `${TASK_STEPS}

def test_live_events_show_each_task_with_its_agent(fake_llm: FakeLLM) -> None:
${script}    result, seen = run_with_events()
    started = task_steps(seen)
${order}
    check_usage_and_text(seen, fake_llm, ordered=${pattern === 'graph' ? 'False' : 'True'})
${toolCheck(withTools)}
    assert seen[-1]["type"] == "run-end" and seen[-1]["output"] == result`;
}

function teamEventTest(withTools: boolean): string {
  return `

def test_live_events_show_every_turn_of_the_team(fake_llm: FakeLLM) -> None:
    handed: list[str] = []
    fake_llm.script = lambda body: team_script(body, handed)
    result, seen = run_with_events()
    starts = balanced_steps(seen)
    expected = [SUPERVISOR]
    for agent_id in WORK_ORDER:
        expected += [agent_id, SUPERVISOR]
    assert agent_turns(seen) == expected == turns(fake_llm.requests)
    ids = list(starts)
    for before, after in zip(ids, ids[1:]):
        assert position(seen, "step-end", before) < position(seen, "step-start", after), "turns overlap"
    check_usage_and_text(seen, fake_llm)
${toolCheck(withTools)}
    assert seen[-1]["type"] == "run-end" and seen[-1]["output"] == result == FINAL`;
}

export function liveEventTests(pattern: Exclude<PatternId, 'group-chat'>, withTools: boolean): ReadonlyArray<string> {
  return [HELPERS, pattern === 'supervisor' ? teamEventTest(withTools) : workflowEventTest(pattern, withTools)];
}
