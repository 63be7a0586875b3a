"""The tasks as a LlamaIndex Workflow: one step per task in spec order; each step hands its output on with an event.

Every step runs its task with the task's agent and records the output in the shared state
(ctx.store "outputs"), so each task sees the outputs of the tasks it builds on.
"""

from __future__ import annotations

from llama_index.core.agent.workflow import BaseWorkflowAgent
from llama_index.core.workflow import Context, Event, StartEvent, StopEvent, Workflow, step

from .hooks import run_task
from .prompts import TASKS, task_prompt


class FindPapersDone(Event):
    """Task find_papers is done."""

    output: str


class AnalysePapersDone(Event):
    """Task analyse_papers is done."""

    output: str


class PaperDigestWorkflow(Workflow):
    """Runs every task with its agent; outputs travel in events and in the shared state."""

    def __init__(self, agents: dict[str, BaseWorkflowAgent], inputs: dict[str, str], max_steps: int) -> None:
        super().__init__(timeout=None)
        self.agents = agents
        self.inputs = inputs
        self.max_steps = max_steps

    async def perform(self, ctx: Context, task_id: str) -> str:
        """Runs one task with its agent (hooks.run_task), given the outputs so far, and records its output."""
        outputs = await ctx.store.get("outputs", default={})
        agent = self.agents[TASKS[task_id].agent]
        output = await run_task(task_id, agent, task_prompt(task_id, self.inputs, outputs), self.max_steps)
        async with ctx.store.edit_state() as state:
            state["outputs"] = {**state.get("outputs", {}), task_id: output}
        return output

    @step
    async def task_find_papers(self, ctx: Context, ev: StartEvent) -> FindPapersDone:
        return FindPapersDone(output=await self.perform(ctx, "find_papers"))

    @step
    async def task_analyse_papers(self, ctx: Context, ev: FindPapersDone) -> AnalysePapersDone:
        return AnalysePapersDone(output=await self.perform(ctx, "analyse_papers"))

    @step
    async def task_write_digest(self, ctx: Context, ev: AnalysePapersDone) -> StopEvent:
        return StopEvent(result=await self.perform(ctx, "write_digest"))
