"""The tasks as a LlamaIndex Workflow: one step per task, started by the events of the tasks in its context.

Every step runs its task with the task's agent and records the output in the shared state
(ctx.store "outputs"), so each task sees the outputs of the tasks it builds on.
"""

from __future__ import annotations

from llama_index.core.agent.workflow import BaseWorkflowAgent
from llama_index.core.workflow import Context, Event, StartEvent, StopEvent, Workflow, step

from .hooks import run_task
from .prompts import TASKS, task_prompt

FINAL_TASKS = ["write_digest", "side_note"]


class FindPapersDone(Event):
    """Task find_papers is done."""

    output: str


class CheckNumbersDone(Event):
    """Task check_numbers is done."""

    output: str


class SummariseDone(Event):
    """Task summarise is done."""

    output: str


class WriteDigestDone(Event):
    """Task write_digest is done."""

    output: str


class SideNoteDone(Event):
    """Task side_note is done."""

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
    async def task_check_numbers(self, ctx: Context, ev: FindPapersDone) -> CheckNumbersDone:
        return CheckNumbersDone(output=await self.perform(ctx, "check_numbers"))

    @step
    async def task_summarise(self, ctx: Context, ev: FindPapersDone) -> SummariseDone:
        return SummariseDone(output=await self.perform(ctx, "summarise"))

    @step
    async def task_write_digest(self, ctx: Context, ev: CheckNumbersDone | SummariseDone) -> WriteDigestDone | None:
        if ctx.collect_events(ev, [CheckNumbersDone, SummariseDone]) is None:
            return None
        return WriteDigestDone(output=await self.perform(ctx, "write_digest"))

    @step
    async def task_side_note(self, ctx: Context, ev: StartEvent) -> SideNoteDone:
        return SideNoteDone(output=await self.perform(ctx, "side_note"))

    @step
    async def finish(self, ctx: Context, ev: WriteDigestDone | SideNoteDone) -> StopEvent | None:
        """Ends the run once every final task is done; the result joins their outputs."""
        if ctx.collect_events(ev, [WriteDigestDone, SideNoteDone]) is None:
            return None
        outputs = await ctx.store.get("outputs", default={})
        return StopEvent(result="\n\n".join(f"## {task_id}\n\n{outputs[task_id]}" for task_id in FINAL_TASKS))
