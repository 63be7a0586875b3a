// Python for the generated tests of AutoGen and Strands projects: a real run with live events on,
// helpers that read its steps, and the test every pattern shares (steps balanced and unique, text
// and tool calls inside agent steps, one usage event with real token counts per model call).

/** What the helpers and the shared test import (see python-imports.ts). */
export const LIVE_EVENTS_TEST_IMPORTS = { '': ['events'], main: ['run'], prompts: ['AGENTS'] } as const;

/** Helper functions placed among a test module's helpers. */
export const LIVE_EVENTS_HELPERS = String.raw`

def run_with_events(inputs: dict[str, str]) -> tuple[str, list[dict[str, Any]]]:
    """A real run with live events on, as "run --events" makes it: the answer and every event in order."""
    seen: list[dict[str, Any]] = []
    output = events.traced_run(run, inputs, [seen.append])
    return output, seen


def step_starts(seen: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [event for event in seen if event["type"] == "step-start" and event["kind"] == kind]


def agents_started(seen: list[dict[str, Any]]) -> list[str]:
    """The spec agent of every agent step, in the order the steps started."""
    return [event["agent"] for event in step_starts(seen, "agent")]


def tool_steps(seen: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(tool, agent of the step the call reported) for every tool call, in order."""
    agents = {event["stepId"]: event["agent"] for event in step_starts(seen, "agent")}
    return [(event["tool"], agents[event["stepId"]]) for event in seen if event["type"] == "tool-call-start"]


def assert_tools_ran_in_their_agents_steps(seen: list[dict[str, Any]]) -> None:
    """Each tool call reported the step of an agent that has the tool, and agents with tools called some."""
    calls = tool_steps(seen)
    assert all(tool in AGENTS[agent].tools for tool, agent in calls), calls
    assert bool(calls) == any(AGENTS[agent].tools for agent in agents_started(seen) if agent in AGENTS)


def parents(seen: list[dict[str, Any]]) -> dict[str, str | None]:
    """For a run whose steps nest strictly (no parallel branches): each step's enclosing step."""
    stack: list[str] = []
    found: dict[str, str | None] = {}
    for event in seen:
        if event["type"] == "step-start":
            found[event["stepId"]] = stack[-1] if stack else None
            stack.append(event["stepId"])
        elif event["type"] == "step-end":
            assert stack and stack.pop() == event["stepId"], f"{event['stepId']} ended out of order"
    return found
`;

/** The test every pattern shares; `hooks` names the framework hooks for the test's name. */
export function liveEventsTest(hooks: string): string {
  return String.raw`

def test_live_events_come_from_the_${hooks}_hooks(fake_llm) -> None:
    output, seen = run_with_events(INPUTS)
    assert (seen[0]["type"], seen[-1]["type"], seen[-1]["output"]) == ("run-start", "run-end", output)
    open_steps: dict[str, dict[str, Any]] = {}
    ended: dict[str, dict[str, Any]] = {}
    for event in seen:
        if event["type"] == "step-start":
            assert event["stepId"] not in open_steps and event["stepId"] not in ended, event
            open_steps[event["stepId"]] = event
        elif event["type"] == "step-end":
            assert event["stepId"] in open_steps, event
            ended[event["stepId"]] = {**open_steps.pop(event["stepId"]), "output": event.get("output")}
        elif event["type"] in ("tool-call-start", "text-delta"):
            # a tool call or streamed text belongs to the agent step that is working on it
            assert open_steps.get(event.get("stepId"), {}).get("kind") == "agent", event
    assert not open_steps and step_starts(seen, "agent")
    # every model call reported its real token counts
    usage = [event for event in seen if event["type"] == "usage"]
    assert len(usage) == len(fake_llm.requests)
    assert all(event["inputTokens"] > 0 and event["outputTokens"] > 0 and event["model"] == "fake-model" for event in usage)
    # the text an agent step streamed is the answer it ended with
    for step_id, step in ended.items():
        if step["kind"] == "agent":
            streamed = "".join(event["delta"] for event in seen if event["type"] == "text-delta" and event["stepId"] == step_id)
            assert streamed.strip() == (step["output"] or "").strip() != "", step_id
`;
}
