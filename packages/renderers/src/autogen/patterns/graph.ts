// AutoGen graph pattern: a GraphFlow with one node per task and an edge from each context task.
import type { AutogenPattern } from '../autogen-pattern';

const team = String.raw`"""Graph pattern: a GraphFlow with one node per task and an edge from each context task."""

from __future__ import annotations

from autogen_agentchat.agents import AssistantAgent
from autogen_agentchat.teams import DiGraphBuilder, GraphFlow

from .agents import TeamContext, assistant
from .prompts import AGENTS, TASKS, persona, task_instruction


def build_team(context: TeamContext) -> GraphFlow:
    """Nodes are tasks (named after them, playing the task's agent); edges run from a task's context.

    A node starts once all of its context tasks are done; tasks without context start at once. Every
    node sees the conversation so far, the flow's shared state, so it has every earlier output.
    """
    builder = DiGraphBuilder()
    nodes: dict[str, AssistantAgent] = {}
    for task in TASKS:
        nodes[task.id] = assistant(
            context,
            name=task.id,
            agent_id=task.agent,
            system_message=persona(AGENTS[task.agent], context.inputs) + "\n\n" + task_instruction(task, context.inputs),
            task_id=task.id,
        )
        builder.add_node(nodes[task.id])
    for task in TASKS:
        for dependency in task.context:
            builder.add_edge(nodes[dependency], nodes[task.id])
    return GraphFlow(list(nodes.values()), graph=builder.build())
`;

const tests = String.raw`
def test_graph_runs_every_task_after_its_context(fake_llm, tool_log) -> None:
    result = asyncio.run(run_team(INPUTS))
    order = speakers(result)
    assert sorted(order) == sorted(participant_name(task.id) for task in TASKS)
    for task in TASKS:
        for dependency in task.context:
            assert order.index(participant_name(dependency)) < order.index(participant_name(task.id)), task.id
    assert_real_tool_results(fake_llm, tool_log)


def ancestors(task_id: str) -> set[str]:
    """Every task a task depends on, directly or through other tasks."""
    by_id = {task.id: task for task in TASKS}
    found: set[str] = set()
    pending = list(by_id[task_id].context)
    while pending:
        current = pending.pop()
        if current not in found:
            found.add(current)
            pending.extend(by_id[current].context)
    return found


def test_each_node_sees_every_earlier_output(fake_llm) -> None:
    asyncio.run(run_team(INPUTS))
    for task in TASKS:
        body = first_request_with_system(fake_llm, task_instruction(task, INPUTS))
        authors = {message.get("name") for message in body["messages"]}
        assert {participant_name(ancestor) for ancestor in ancestors(task.id)} <= authors, task.id

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

export const graphPattern: AutogenPattern = {
  team,
  tests,
  testImports: { agents: ['participant_name'], prompts: ['TASKS', 'task_instruction'] },
  overview: `**Pattern: graph.** \`team.py\` builds a \`GraphFlow\` with \`DiGraphBuilder\`: one \`AssistantAgent\` node per task (named after the task, playing its agent) and an edge from every task in a task's \`context\` to it. Tasks without context start at once; a task starts when all of its context tasks are done. Every node sees the conversation so far, the flow's shared state, so it has every earlier output.`,
};
