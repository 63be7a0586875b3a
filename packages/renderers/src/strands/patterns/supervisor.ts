// Strands supervisor pattern: "agents as tools", a supervisor agent whose tools are the workers.
import type { StrandsPattern } from '../strands-pattern';

const team = String.raw`"""Supervisor pattern: a supervisor agent whose tools are the worker agents ("agents as tools")."""

from __future__ import annotations

from strands import Agent

from .agents import TeamContext, TeamResult, build_agent, loop_options, tool_calls
from .prompts import AGENTS, TASKS, describe, persona, plan, request_text


def supervisor_prompt(inputs: dict[str, str]) -> str:
    """The supervisor's system prompt: its workers (tools), the tasks in order and how to finish."""
    workers = "\n".join(f"- {agent.id}: {describe(agent, inputs)}" for agent in AGENTS.values())
    return (
        "You are the supervisor of this team. You do not do the tasks yourself: for each task, call the "
        "worker tool that fits it, with the task and everything the worker needs from earlier answers. "
        "When every task is done, write the final answer from the workers' results.\n\n"
        f"Workers (tools):\n{workers}\n\nTasks, in order:\n{plan(inputs)}"
    )


def build_supervisor(context: TeamContext) -> Agent:
    """Each worker is an Agent with its own tools, offered to the supervisor as a tool of the same name.

    A worker starts from a clean conversation on every call; the supervisor may make at least one
    call per task (AGENT_MAX_STEPS or the number of tasks, whichever is larger).
    """
    workers = [
        build_agent(context, name=agent.id, agent_id=agent.id, system_prompt=persona(agent, context.inputs)).as_tool(
            name=agent.id, description=describe(agent, context.inputs)
        )
        for agent in AGENTS.values()
    ]
    return Agent(
        model=context.model,
        system_prompt=supervisor_prompt(context.inputs),
        tools=workers,
        name="supervisor",
        description="Delegates each task to a worker and writes the final answer.",
        **loop_options(context, "supervisor", max_steps=max(context.settings.max_steps, len(TASKS))),
    )


def run_team(context: TeamContext) -> TeamResult:
    """Runs the supervisor; the steps are the workers it called, in order."""
    supervisor = build_supervisor(context)
    answer = str(supervisor(request_text(context.inputs))).strip()
    return TeamResult(output=answer, steps=tuple(tool_calls(supervisor)))
`;

const tests = String.raw`
def is_supervisor_request(body: dict[str, Any]) -> bool:
    return set(offered_tools(body)) == set(AGENTS)


def delegate_in_turn(fake_llm: FakeLLM) -> list[tuple[str, Any]]:
    """Scripts the supervisor to hand task i to worker i (round the workers), then answer: (worker, task)."""
    workers = list(AGENTS)
    picks = [(workers[index % len(workers)], task) for index, task in enumerate(TASKS)]
    queue = list(picks)

    def script(body: dict[str, Any]) -> dict[str, Any] | None:
        if is_supervisor_request(body) and queue:
            worker, task = queue.pop(0)
            return {"tool_calls": [{"name": worker, "arguments": {"input": task_instruction(task, INPUTS)}}]}
        return None

    fake_llm.script = script
    return picks


def test_supervisor_delegates_every_task_to_a_worker_then_answers(fake_llm, tool_log) -> None:
    picks = delegate_in_turn(fake_llm)
    result = run_agents(INPUTS)
    assert result.steps == tuple(worker for worker, _ in picks)
    assert result.output == FINAL_ANSWER.strip()
    # each worker got its task, and its answer went back to the supervisor as a tool result
    for worker, task in picks:
        received = [user_text(body) for body in fake_llm.requests if system_text(body) == persona(AGENTS[worker], INPUTS)]
        assert any(task_instruction(task, INPUTS) in text for text in received), (worker, task.id)
    final = fake_llm.requests[-1]
    assert is_supervisor_request(final)
    delegated = [message for message in final["messages"] if message.get("role") == "tool"]
    assert len(delegated) == len(picks)
    assert_real_tool_results(fake_llm, tool_log)


def test_events_show_the_supervisor_step_holding_each_worker_step(fake_llm) -> None:
    picks = delegate_in_turn(fake_llm)
    _, seen = run_with_events(INPUTS)
    assert agents_started(seen) == ["supervisor", *(worker for worker, _ in picks)]
    supervisor, *workers = step_starts(seen, "agent")
    enclosing = parents(seen)
    assert all(enclosing[worker["stepId"]] == supervisor["stepId"] for worker in workers)
    assert_tools_ran_in_their_agents_steps(seen)
`;

export const supervisorPattern: StrandsPattern = {
  team,
  tests,
  testImports: { fake_llm: ['FINAL_ANSWER'], prompts: ['TASKS', 'persona', 'task_instruction'] },
  overview: `**Pattern: supervisor.** \`team.py\` uses Strands' "agents as tools": every spec agent becomes an \`Agent\` with its own tools, offered to a supervisor \`Agent\` as a tool of the same name (\`Agent.as_tool\`). The supervisor knows the task list; for each task it calls the worker that fits, passing the task and what the worker needs from earlier answers, reads the worker's answer as the tool result and finally writes the answer. Workers start from a clean conversation on every call.`,
};
