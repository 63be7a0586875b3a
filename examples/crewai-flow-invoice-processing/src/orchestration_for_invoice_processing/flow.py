"""Flow steps and state. Graph: one node per task; a task starts when every task in its context has finished (tasks without context start at once, in parallel)."""

from __future__ import annotations

from crewai.flow.flow import Flow, listen, start
from pydantic import BaseModel, Field

from .agents import run_task

# The tasks whose outputs make up the final answer.
FINAL_TASKS = ["writing_task"]


class OrchestrationForInvoiceProcessingState(BaseModel):
    """Typed flow state shared by every step."""

    inputs: dict[str, str] = Field(default_factory=dict)
    outputs: dict[str, str] = Field(default_factory=dict)
    completed: list[str] = Field(default_factory=list)
    answer: str = ""


class OrchestrationForInvoiceProcessingFlow(Flow[OrchestrationForInvoiceProcessingState]):
    """Graph: one node per task; a task starts when every task in its context has finished (tasks without context start at once, in parallel)."""

    # Flows create a LanceDB memory by default; this project keeps no memory between runs.
    _skip_auto_memory: bool = True

    async def _run(self, task_id: str) -> str:
        output = await run_task(task_id, self.state.inputs, self.state.outputs)
        self.state.outputs[task_id] = output
        self.state.completed.append(task_id)
        return output

    @start()
    async def research_task_step(self) -> str:
        return await self._run("research_task")

    @listen(research_task_step)
    async def analysis_task_step(self) -> str:
        return await self._run("analysis_task")

    @listen(analysis_task_step)
    async def writing_task_step(self) -> str:
        return await self._run("writing_task")

    @listen(writing_task_step)
    def deliver(self) -> str:
        self.state.answer = "\n\n".join(self.state.outputs[task_id] for task_id in FINAL_TASKS)
        return self.state.answer
