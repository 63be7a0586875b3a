// src/<pkg>/react.py of a CrewAI Flow ReAct project: the lead agent's loop over the whole plan.
import type { ProjectSpec } from '@agent-generator/contracts';
import { REACT_TASK } from '../crewai/crew-plan';
import { pyString } from '../shared/escape';

export function reactLeadId(spec: ProjectSpec): string {
  return spec.tasks[0]?.agent ?? spec.agents[0]?.id ?? '';
}

export function reactPy(spec: ProjectSpec): string {
  return `"""ReAct: the lead agent works through the plan in a reason -> act -> observe loop, acting with
its tools or by delegating a step to a coworker, for at most AGENT_MAX_STEPS steps."""

from __future__ import annotations

from crewai import Crew, Process, Task

from .agents import AGENTS, TASKS, build_agent, fill

# The agent of the first task leads; every other agent is a coworker it may delegate to.
LEAD = ${pyString(reactLeadId(spec))}
# The name of the loop's one task (live events report it as the task).
OBJECTIVE = ${pyString(REACT_TASK)}


def objective(inputs: dict[str, str]) -> str:
    """The spec's tasks as the steps of one plan, each with its owner and expected output."""
    steps = [
        f"{number}. {fill(task['description'], inputs)} (owner: {fill(AGENTS[task['agent']]['role'], inputs)}; "
        f"expected: {fill(task['expected_output'], inputs)})"
        for number, task in enumerate(TASKS.values(), start=1)
    ]
    listed = "\\n".join(f"- {name}: {value}" for name, value in inputs.items())
    act = "calling a tool or delegating to the coworker who owns a step" if len(AGENTS) > 1 else "calling a tool"
    return (
        f"Work through this plan in a reason-act-observe loop: think about the next step, act by {act},"
        " read the result, and repeat until every step is done. Then give the final answer.\\n\\n"
        + "\\n".join(steps)
        + f"\\n\\nInputs:\\n{listed}"
    )


async def run_react(inputs: dict[str, str]) -> str:
    """Runs the loop as a one-task crew, so CrewAI's delegation tools reach the coworkers."""
    coworkers = [build_agent(agent_id, inputs) for agent_id in AGENTS if agent_id != LEAD]
    lead = build_agent(LEAD, inputs, allow_delegation=bool(coworkers))
    last = list(TASKS.values())[-1]
    task = Task(name=OBJECTIVE, description=objective(inputs), expected_output=fill(last["expected_output"], inputs), agent=lead)
    crew = Crew(agents=[lead, *coworkers], tasks=[task], process=Process.sequential, verbose=False)
    result = await crew.kickoff_async()
    return result.raw
`;
}
