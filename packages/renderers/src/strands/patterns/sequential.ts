// Strands sequential pattern: the multi-agent Graph as a chain, one node per task in spec order.
import type { StrandsPattern } from '../strands-pattern';
import { graphHelpersPy } from './graph-helpers-py';

const team = `${graphHelpersPy('Sequential pattern: a Strands Graph that runs the tasks one after another, in spec order.')}

def build_graph(context: TeamContext) -> Graph:
    """A chain: each task waits for the task before it and for its context tasks, and receives their outputs."""
    builder = GraphBuilder()
    add_task_nodes(builder, context)
    for previous, task in zip(TASKS, TASKS[1:]):
        sources = tuple(dict.fromkeys((previous.id, *task.context)))
        condition = after_all(frozenset(sources))
        for source in sources:
            builder.add_edge(source, task.id, condition=condition)
    builder.set_entry_point(TASKS[0].id)
    builder.set_max_node_executions(len(TASKS))
    return builder.build()


def run_team(context: TeamContext) -> TeamResult:
    """Runs the chain; the answer is the last task's output."""
    result = build_graph(context)(request_text(context.inputs))
    steps = finished(result)
    return TeamResult(output=node_output(result, TASKS[-1].id), steps=steps)
`;

const tests = String.raw`
def test_tasks_run_in_spec_order(fake_llm, tool_log) -> None:
    result = run_agents(INPUTS)
    assert result.steps == tuple(task.id for task in TASKS)
    assert_real_tool_results(fake_llm, tool_log)


def test_each_task_receives_the_previous_and_context_outputs(fake_llm) -> None:
    run_agents(INPUTS)
    for previous, task in zip(TASKS, TASKS[1:]):
        body = first_request_with_system(fake_llm, task_instruction(task, INPUTS))
        received = user_text(body)
        for source in {previous.id, *task.context}:
            assert f"From {source}:" in received, (task.id, source)


def test_events_show_each_task_holding_its_agent_in_spec_order(fake_llm) -> None:
    _, seen = run_with_events(INPUTS)
    starts = [(event["kind"], event.get("task"), event["agent"]) for event in seen if event["type"] == "step-start"]
    assert starts == [step for task in TASKS for step in (("task", task.id, task.agent), ("agent", task.id, task.agent))]
    task_steps = {event["task"]: event["stepId"] for event in step_starts(seen, "task")}
    enclosing = parents(seen)
    assert all(enclosing[event["stepId"]] == task_steps[event["task"]] for event in step_starts(seen, "agent"))
    assert_tools_ran_in_their_agents_steps(seen)
`;

export const sequentialPattern: StrandsPattern = {
  team,
  tests,
  testImports: { prompts: ['TASKS', 'task_instruction'] },
  overview: `**Pattern: sequential.** \`team.py\` builds a Strands multi-agent \`Graph\` (\`GraphBuilder\`) shaped as a chain: one agent node per task, named after the task and playing the task's agent, with an edge from each task to the next and from every task in its \`context\`. A task starts only when all of those sources have finished (an all-of edge condition; plain Strands edges fire on the first finished source), and Strands hands it their outputs along with the original request. The answer is the last task's output.`,
};
