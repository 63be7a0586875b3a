// AutoGen supervisor pattern: a SelectorGroupChat in which a supervisor delegates each task.
import type { AutogenPattern } from '../autogen-pattern';

const team = String.raw`"""Supervisor pattern: a SelectorGroupChat in which a supervisor hands each task to a worker."""

from __future__ import annotations

from collections.abc import Sequence

from autogen_agentchat.conditions import MaxMessageTermination, TextMentionTermination
from autogen_agentchat.messages import BaseAgentEvent, BaseChatMessage
from autogen_agentchat.teams import SelectorGroupChat

from . import events
from .agents import TeamContext, assistant, new_assistant, participant_name
from .prompts import AGENTS, TASKS, describe, persona, plan

# Capitalised, so it cannot clash with a spec agent id (those are lowercase).
SUPERVISOR = "Supervisor"

SELECTOR_PROMPT = """You route the supervisor's instructions to the team.
Team members:
{roles}

Conversation so far:
{history}

The supervisor's last message says which worker acts next. Answer with exactly one name from {participants} and nothing else."""


def supervisor_message(inputs: dict[str, str]) -> str:
    """The supervisor's system message: the workers, the tasks in order and when to stop."""
    workers = "\n".join(f"- {participant_name(agent.id)}: {describe(agent, inputs)}" for agent in AGENTS.values())
    return (
        "You are the supervisor of this team. You do not do the tasks yourself: each time you speak, "
        "name the one worker who acts next and tell them which task to do and what they need from "
        "earlier answers. When every task is done, reply with the final answer followed by TERMINATE.\n\n"
        f"Workers:\n{workers}\n\nTasks, in order:\n{plan(inputs)}"
    )


def build_team(context: TeamContext) -> SelectorGroupChat:
    """The supervisor speaks first and after every worker; the model picks the worker it named.

    The run ends when the supervisor says TERMINATE, or after enough messages for every task to be
    delegated once (two per task, plus the request and the supervisor's final answer).
    """
    supervisor = new_assistant(
        context,
        SUPERVISOR,
        agent_id=SUPERVISOR,
        system_message=supervisor_message(context.inputs),
        description="Plans the work, delegates each task to a worker and writes the final answer.",
    )
    workers = [
        assistant(context, name=agent.id, agent_id=agent.id, system_message=persona(agent, context.inputs))
        for agent in AGENTS.values()
    ]
    worker_names = [worker.name for worker in workers]

    def next_speaker(thread: Sequence[BaseAgentEvent | BaseChatMessage]) -> str | None:
        """The supervisor after anyone else; None lets the model choose the worker the supervisor named."""
        return None if thread and thread[-1].source == SUPERVISOR else SUPERVISOR

    def candidates(_thread: Sequence[BaseAgentEvent | BaseChatMessage]) -> list[str]:
        return worker_names

    termination = TextMentionTermination("TERMINATE", sources=[SUPERVISOR]) | MaxMessageTermination(2 * len(TASKS) + 2)
    return SelectorGroupChat(
        [supervisor, *workers],
        model_client=context.client,
        termination_condition=termination,
        selector_prompt=SELECTOR_PROMPT,
        selector_func=next_speaker,
        candidate_func=candidates,
        allow_repeated_speaker=True,
        model_client_streaming=events.enabled(),  # with events on every model call streams (see model.py)
    )
`;

const tests = String.raw`
SELECTOR_MARKER = "Answer with exactly one name from"
WORKERS = [participant_name(agent_id) for agent_id in AGENTS]


def select_in_turn(fake_llm: FakeLLM) -> list[str]:
    """Scripts the selector to pick worker i for task i (round the workers); returns the picks."""
    picks = [WORKERS[index % len(WORKERS)] for index in range(len(TASKS))]
    queue = list(picks)

    def script(body: dict[str, Any]) -> dict[str, Any] | None:
        if SELECTOR_MARKER in last_text(body):
            return {"content": queue.pop(0)}
        return None

    fake_llm.script = script
    return picks


def test_supervisor_delegates_every_task_then_answers(fake_llm, tool_log) -> None:
    picks = select_in_turn(fake_llm)
    result = asyncio.run(run_team(INPUTS))
    expected = [name for pick in picks for name in (SUPERVISOR, pick)] + [SUPERVISOR]
    assert speakers(result) == expected
    assert_real_tool_results(fake_llm, tool_log)


def test_supervisor_ends_the_run_with_terminate(fake_llm) -> None:
    supervisor_turns = 0

    def script(body: dict[str, Any]) -> dict[str, Any] | None:
        nonlocal supervisor_turns
        if SELECTOR_MARKER in last_text(body):
            return {"content": WORKERS[0]}
        if system_text(body) == supervisor_message(INPUTS):
            supervisor_turns += 1
            if supervisor_turns == 2:
                return {"content": "The work is done. TERMINATE"}
        return None

    fake_llm.script = script
    result = asyncio.run(run_team(INPUTS))
    assert speakers(result) == [SUPERVISOR, WORKERS[0], SUPERVISOR]
    assert result.stop_reason and "TERMINATE" in result.stop_reason
    assert final_output(result) == "The work is done."


def test_events_show_the_supervisor_and_each_worker_taking_turns(fake_llm) -> None:
    spec_ids = {participant_name(agent_id): agent_id for agent_id in AGENTS}
    picks = select_in_turn(fake_llm)
    _, seen = run_with_events(INPUTS)
    assert agents_started(seen) == [name for pick in picks for name in (SUPERVISOR, spec_ids[pick])] + [SUPERVISOR]
    assert set(parents(seen).values()) == {None}
    assert_tools_ran_in_their_agents_steps(seen)
`;

export const supervisorPattern: AutogenPattern = {
  team,
  tests,
  testImports: { agents: ['participant_name'], main: ['final_output'], prompts: ['TASKS'], team: ['SUPERVISOR', 'supervisor_message'] },
  overview: `**Pattern: supervisor.** \`team.py\` builds a \`SelectorGroupChat\` of a \`Supervisor\` agent and one \`AssistantAgent\` per spec agent. The supervisor speaks first and after every worker (a \`selector_func\`); it names the worker who acts next and the task to do, and the selector model picks that worker (a \`candidate_func\` limits the choice to workers). The run ends when the supervisor writes \`TERMINATE\`, or after two messages per task plus its final answer.`,
};
