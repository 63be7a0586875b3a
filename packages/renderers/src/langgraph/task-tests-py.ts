// The tests of tests/test_langgraph.py for the task patterns (sequential, graph): order of tasks,
// context outputs and, for graph, the edges.
import type { ProjectSpec } from '@agent-generator/contracts';
import { pyString } from '../shared/escape';
import { pyList, pyTuple } from './python-literals';
import { sinkTasks } from './task-graph-py';

/** True when one of these agents has a tool, so a tool round trip must happen. */
export function usesTools(spec: ProjectSpec, agentIds: ReadonlyArray<string>): boolean {
  return spec.agents.some((agent) => agentIds.includes(agent.id) && agent.tools.length > 0);
}

export function roundTrip(used: boolean): string {
  return used ? '\n    assert_tool_round_trip(fake_llm, tool_spy)' : '';
}

function contextTable(spec: ProjectSpec): string {
  return `{\n${spec.tasks.map((task) => `    ${pyString(task.id)}: ${pyTuple(task.context)},`).join('\n')}\n}`;
}

const TASK_HELPERS = `

def first_user_text(body: dict[str, Any]) -> str:
    users = [message for message in body["messages"] if message.get("role") == "user"]
    return str(users[0].get("content")) if users else ""


def answer_as_task(body: dict[str, Any]) -> dict[str, Any] | None:
    """The autopilot calls a tool first; then each task answers "output of <task id>"."""
    if needs_tool(body):
        return None
    match = re.search(r"Task (\\w+):", first_user_text(body))
    return {"content": f"Final Answer: output of {match.group(1) if match else 'unknown'}"}


def prompts_by_task(fake_llm: FakeLLM) -> dict[str, str]:
    """The prompt each task's agent received first, by task id."""
    prompts: dict[str, str] = {}
    for body in fake_llm.requests:
        match = re.search(r"Task (\\w+):", first_user_text(body))
        if match:
            prompts.setdefault(match.group(1), first_user_text(body))
    return prompts


def assert_context_only(prompts: dict[str, str]) -> None:
    """Each task saw the outputs of exactly its context tasks."""
    for task_id, context in CONTEXT.items():
        for other in CONTEXT:
            shown = f"Output of task {other}:\\noutput of {other}" in prompts[task_id]
            assert shown == (other in context), (task_id, other)
`;

export function sequentialTests(spec: ProjectSpec): string {
  const agents = spec.tasks.map((task) => task.agent);
  const last = spec.tasks[spec.tasks.length - 1]?.id ?? '';
  return `ORDER = ${pyList(spec.tasks.map((task) => task.id))}
CONTEXT: dict[str, tuple[str, ...]] = ${contextTable(spec)}
${TASK_HELPERS}

def test_tasks_run_in_spec_order_with_their_context(fake_llm: FakeLLM, tool_spy: list[dict[str, Any]]) -> None:
    fake_llm.script = answer_as_task
    state = execute(INPUTS)
    assert state["trace"] == ORDER
    assert_context_only(prompts_by_task(fake_llm))
    assert workflow.final_output(state) == ${pyString(`output of ${last}`)}${roundTrip(usesTools(spec, agents))}
`;
}

export function graphTests(spec: ProjectSpec): string {
  const agents = spec.tasks.map((task) => task.agent);
  const result = sinkTasks(spec).map((task) => `output of ${task.id}`).join('\n\n');
  return `CONTEXT: dict[str, tuple[str, ...]] = ${contextTable(spec)}
${TASK_HELPERS}

def test_tasks_run_after_their_dependencies_with_their_outputs(fake_llm: FakeLLM, tool_spy: list[dict[str, Any]]) -> None:
    fake_llm.script = answer_as_task
    state = execute(INPUTS)
    trace = state["trace"]
    assert sorted(trace) == sorted(CONTEXT)
    for task_id, context in CONTEXT.items():
        for dependency in context:
            assert trace.index(dependency) < trace.index(task_id), (dependency, task_id)
    assert_context_only(prompts_by_task(fake_llm))
    assert workflow.final_output(state) == ${pyString(result)}${roundTrip(usesTools(spec, agents))}


def test_edges_follow_the_context_of_each_task() -> None:
    edges = {(edge.source, edge.target) for edge in workflow.build_graph(load_settings()).get_graph().edges}
    for task_id, context in CONTEXT.items():
        for source in context or ("__start__",):
            assert (source, task_id) in edges, (source, task_id)
    for task_id in workflow.RESULT_TASKS:
        assert (task_id, "__end__") in edges
`;
}

