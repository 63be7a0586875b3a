"""The supervisor pattern as a LlamaIndex AgentWorkflow: the supervisor hands each task to a worker."""

from __future__ import annotations

from llama_index.core.agent.workflow import AgentWorkflow, FunctionAgent
from llama_index.core.llms import LLM

from .agents import build_agent
from .prompts import AGENTS, TASKS, describe_task, inputs_text, system_prompt

SUPERVISOR = "supervisor"


def supervisor_prompt(inputs: dict[str, str]) -> str:
    """The root agent's instructions: every task, in order, with the worker that does it."""
    tasks = "\n".join(
        f"{number}. {task_id} -> {task.agent}: {describe_task(task_id, inputs)}"
        for number, (task_id, task) in enumerate(TASKS.items(), start=1)
    )
    return (
        "You are the supervisor of a team of agents. You do no task yourself: hand each task to the\n"
        "agent named for it with the handoff tool, one task at a time and in this order, and wait for\n"
        "the agent to hand the work back before you hand off the next task.\n\n"
        f"Tasks:\n{tasks}\n\n"
        "When every task is done, answer with the final result, built from the agents' work."
    )


def worker_prompt(agent_id: str, inputs: dict[str, str]) -> str:
    """A worker's instructions: who it is, its tasks, and to hand the result back to the supervisor."""
    own = "\n".join(f"- {task_id}: {describe_task(task_id, inputs)}" for task_id, task in TASKS.items() if task.agent == agent_id)
    return (
        f"{system_prompt(agent_id, inputs)}\n\n"
        f"Your tasks:\n{own or '- whatever the supervisor asks of you'}\n\n"
        f"Do the task the supervisor handed you, then hand off back to {SUPERVISOR} with your result as the reason."
    )


def team_request(inputs: dict[str, str]) -> str:
    """The user message that starts a run."""
    return f"Run the team's tasks for these inputs:\n{inputs_text(inputs)}"


def build_team(llm: LLM, inputs: dict[str, str]) -> AgentWorkflow:
    """The supervisor and one worker per spec agent; the supervisor starts."""
    supervisor = FunctionAgent(
        name=SUPERVISOR,
        description="Plans the work and hands each task to the agent that does it.",
        system_prompt=supervisor_prompt(inputs),
        tools=[],
        llm=llm,
        can_handoff_to=list(AGENTS),
    )
    workers = [
        build_agent(agent_id, llm, inputs, prompt=worker_prompt(agent_id, inputs), can_handoff_to=[SUPERVISOR])
        for agent_id in AGENTS
    ]
    return AgentWorkflow(agents=[supervisor, *workers], root_agent=SUPERVISOR, timeout=None, early_stopping_method="generate")


def team_turns(max_steps: int) -> int:
    """AGENT_MAX_STEPS limits each agent; the whole team gets that many turns per member."""
    return max_steps * (len(AGENTS) + 1)
