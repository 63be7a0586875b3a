// AutoGen sequential pattern: a RoundRobinGroupChat with one participant per task, in task order.
import type { AutogenPattern } from '../autogen-pattern';

const team = String.raw`"""Sequential pattern: a RoundRobinGroupChat with one turn per task, in spec order."""

from __future__ import annotations

from autogen_agentchat.teams import RoundRobinGroupChat

from .agents import TeamContext, assistant
from .prompts import AGENTS, TASKS, persona, task_instruction


def build_team(context: TeamContext) -> RoundRobinGroupChat:
    """One participant per task, named after the task and playing the task's agent.

    Participants speak in task order and each sees the whole conversation, so every task receives
    the outputs of the tasks before it (its context among them); max_turns ends the run after the
    last task.
    """
    participants = [
        assistant(
            context,
            name=task.id,
            agent_id=task.agent,
            system_message=persona(AGENTS[task.agent], context.inputs) + "\n\n" + task_instruction(task, context.inputs),
            task_id=task.id,
        )
        for task in TASKS
    ]
    return RoundRobinGroupChat(participants, max_turns=len(TASKS))
`;

const tests = String.raw`
def test_tasks_run_in_spec_order(fake_llm, tool_log) -> None:
    result = asyncio.run(run_team(INPUTS))
    assert speakers(result) == [participant_name(task.id) for task in TASKS]
    assert result.stop_reason and "Maximum number of turns" in result.stop_reason
    assert_real_tool_results(fake_llm, tool_log)


def test_each_task_receives_every_earlier_output(fake_llm) -> None:
    asyncio.run(run_team(INPUTS))
    for index, task in enumerate(TASKS):
        body = first_request_with_system(fake_llm, task_instruction(task, INPUTS))
        authors = {message.get("name") for message in body["messages"]}
        assert {participant_name(earlier.id) for earlier in TASKS[:index]} <= authors, task.id


def test_events_show_each_task_holding_its_agent_in_spec_order(fake_llm) -> None:
    _, seen = run_with_events(INPUTS)
    starts = [(event["kind"], event.get("task"), event["agent"]) for event in seen if event["type"] == "step-start"]
    assert starts == [step for task in TASKS for step in (("task", task.id, task.agent), ("agent", task.id, task.agent))]
    task_steps = {event["task"]: event["stepId"] for event in step_starts(seen, "task")}
    enclosing = parents(seen)
    assert all(enclosing[event["stepId"]] == task_steps[event["task"]] for event in step_starts(seen, "agent"))
    assert_tools_ran_in_their_agents_steps(seen)
`;

export const sequentialPattern: AutogenPattern = {
  team,
  tests,
  testImports: { agents: ['participant_name'], prompts: ['TASKS', 'task_instruction'] },
  overview: `**Pattern: sequential.** \`team.py\` builds a \`RoundRobinGroupChat\` with one \`AssistantAgent\` per task, named after the task and playing the task's agent (its persona plus the task's instruction as system message). They speak once each, in task order (\`max_turns\` = number of tasks), and every participant sees the whole conversation, so each task receives the outputs of the tasks before it.`,
};
