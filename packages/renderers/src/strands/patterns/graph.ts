// Strands graph pattern: the multi-agent Graph with one node per task and edges from `context`.
import type { StrandsPattern } from '../strands-pattern';
import { graphHelpersPy } from './graph-helpers-py';

const team = `${graphHelpersPy('Graph pattern: a Strands Graph with one node per task and an edge from each context task.')}

def build_graph(context: TeamContext) -> Graph:
    """Edges follow the tasks' context; tasks without context are entry points and start together."""
    builder = GraphBuilder()
    add_task_nodes(builder, context)
    for task in TASKS:
        condition = after_all(frozenset(task.context))
        for dependency in task.context:
            builder.add_edge(dependency, task.id, condition=condition)
    builder.set_max_node_executions(len(TASKS))
    return builder.build()


def run_team(context: TeamContext) -> TeamResult:
    """Runs the graph; the answer is the output of every task no other task builds on, in spec order."""
    result = build_graph(context)(request_text(context.inputs))
    steps = finished(result)
    used = {dependency for task in TASKS for dependency in task.context}
    outputs = [(task.id, node_output(result, task.id)) for task in TASKS if task.id not in used]
    if len(outputs) == 1:
        return TeamResult(output=outputs[0][1], steps=steps)
    return TeamResult(output="\\n\\n".join(f"## {task_id}\\n\\n{text}" for task_id, text in outputs), steps=steps)
`;

const tests = String.raw`
def test_graph_runs_every_task_after_its_context(fake_llm, tool_log) -> None:
    result = run_agents(INPUTS)
    assert sorted(result.steps) == sorted(task.id for task in TASKS)
    for task in TASKS:
        for dependency in task.context:
            assert result.steps.index(dependency) < result.steps.index(task.id), task.id
    assert_real_tool_results(fake_llm, tool_log)


def test_each_node_receives_the_outputs_of_its_context(fake_llm) -> None:
    run_agents(INPUTS)
    for task in TASKS:
        received = user_text(first_request_with_system(fake_llm, task_instruction(task, INPUTS)))
        for dependency in task.context:
            assert f"From {dependency}:" in received, (task.id, dependency)
        if not task.context:
            assert "Inputs from previous nodes" not in received, task.id

def test_events_show_each_task_after_its_context_holding_its_agent(fake_llm) -> None:
    _, seen = run_with_events(INPUTS)
    at = {(event["type"], event["stepId"]): index for index, event in enumerate(seen) if event["type"] in ("step-start", "step-end")}
    task_steps = {event["task"]: event["stepId"] for event in step_starts(seen, "task")}
    agent_steps = {event["task"]: event for event in step_starts(seen, "agent")}
    assert sorted(task_steps) == sorted(agent_steps) == sorted(task.id for task in TASKS)
    for task in TASKS:
        outer, inner = task_steps[task.id], agent_steps[task.id]["stepId"]
        assert agent_steps[task.id]["agent"] == task.agent
        assert at["step-start", outer] < at["step-start", inner] < at["step-end", inner] < at["step-end", outer], task.id
        for dependency in task.context:
            assert at["step-end", task_steps[dependency]] < at["step-start", outer], (dependency, task.id)
`;

export const graphPattern: StrandsPattern = {
  team,
  tests,
  testImports: { prompts: ['TASKS', 'task_instruction'] },
  overview: `**Pattern: graph.** \`team.py\` builds a Strands multi-agent \`Graph\` with \`GraphBuilder\`: one agent node per task (named after the task, playing its agent) and an edge from every task in a task's \`context\` to it. Tasks without context are entry points and start together; a task starts once all of its context tasks have finished (an all-of edge condition; plain Strands edges fire on the first finished source). The graph's shared state keeps every node's result, and each node receives the original request plus its context tasks' outputs. The answer is the output of the tasks no other task builds on.`,
};
