// src/<pkg>/main.py: runs the agents for the react pattern (one loop) or the sequential adapter
// (one loop per task, in spec order).
import type { ProjectSpec } from '@agent-generator/contracts';
import { pyString } from '../shared/escape';

type ReactPattern = 'react' | 'sequential';

// The sequential adapter's task runner also needs the client and settings types and events.py.
const HEADER = (packageName: string, summary: string, sequential: boolean) => `"""${summary}
"""

from __future__ import annotations

from dataclasses import dataclass, field
${sequential ? '\nfrom openai import OpenAI\n' : ''}
${sequential ? `from ${packageName} import events\n` : ''}from ${packageName}.agent import react
from ${packageName}.client import build_client
from ${packageName}.settings import ${sequential ? 'Settings, load_settings' : 'load_settings'}
`;

const RUN = `

@dataclass
class Run:
    """A finished run: the answer, each task's output, and the order the loops ran in."""

    answer: str
    outputs: dict[str, str] = field(default_factory=dict)
    trace: list[str] = field(default_factory=list)


def run(inputs: dict[str, str]) -> str:
    return execute(inputs).answer
`;

function reactMain(spec: ProjectSpec, packageName: string): string {
  const lead = pyString(spec.agents[0]?.id ?? '');
  return `${HEADER(packageName, `One ReAct agent works through the whole plan.

The first agent leads; the other agents' roles are folded into its system prompt, it may use every
tool of the project, and the tasks become the steps of its plan.`, false)}from ${packageName}.team import AGENTS, fill, plan_text, system_prompt
from ${packageName}.tools import TOOLS

LEAD = AGENTS[${lead}]
${RUN}

def team_note(inputs: dict[str, str]) -> str:
    others = [agent for agent in AGENTS.values() if agent.id != LEAD.id]
    if not others:
        return ""
    roles = "\\n".join(f"- {fill(agent.role, inputs)}: {fill(agent.goal, inputs)}" for agent in others)
    return "You also take on these roles:\\n" + roles


def execute(inputs: dict[str, str]) -> Run:
    settings = load_settings()
    prompt = plan_text(inputs) + "\\n\\nWork through the plan in order, using tools when they help, then give the final result."
    outcome = react(
        build_client(settings),
        settings,
        agent=LEAD.id,
        system=system_prompt(LEAD, inputs, team_note(inputs)),
        prompt=prompt,
        tool_ids=list(TOOLS),
    )
    return Run(answer=outcome.answer, outputs={LEAD.id: outcome.answer}, trace=[LEAD.id])
`;
}

function sequentialMain(spec: ProjectSpec, packageName: string): string {
  return `${HEADER(packageName, `Each task runs its agent's own ReAct loop, in spec order, given its context tasks' outputs.

The final answer is the output of the last task.`, true)}from ${packageName}.team import AGENTS, TASKS, Task, system_prompt, task_prompt
${RUN}

def run_task(client: OpenAI, settings: Settings, task: Task, context: tuple[dict[str, str], dict[str, str]]) -> str:
    """Runs the task's agent loop on the task; with live events on, a task step around its agent step."""
    inputs, outputs = context
    agent = AGENTS[task.agent]
    step = f"task:{task.id}"
    events.step_start(step, "task", agent=agent.id, task=task.id)
    answer: str | None = None
    try:
        answer = react(
            client,
            settings,
            agent=agent.id,
            system=system_prompt(agent, inputs),
            prompt=task_prompt(task, inputs, outputs),
            tool_ids=agent.tools,
            step_id=f"{step}/agent:{agent.id}",
        ).answer
        return answer
    finally:
        events.step_end(step, answer)


def execute(inputs: dict[str, str]) -> Run:
    settings = load_settings()
    client = build_client(settings)
    result = Run(answer="")
    for task in TASKS:
        result.outputs[task.id] = run_task(client, settings, task, (inputs, result.outputs))
        result.trace.append(task.id)
    result.answer = result.outputs[TASKS[-1].id]
    return result
`;
}

export function mainPy(spec: ProjectSpec, options: { packageName: string; pattern: ReactPattern }): string {
  return options.pattern === 'react' ? reactMain(spec, options.packageName) : sequentialMain(spec, options.packageName);
}
