"""Flow steps and state. Sequential: each task starts when the one before it has finished and receives the outputs of its context tasks."""

from __future__ import annotations

from crewai.flow.flow import Flow, listen, start
from pydantic import BaseModel, Field

from .agents import run_task

# The tasks whose outputs make up the final answer.
FINAL_TASKS = ["write_digest"]


class PaperDigestState(BaseModel):
    """Typed flow state shared by every step."""

    inputs: dict[str, str] = Field(default_factory=dict)
    outputs: dict[str, str] = Field(default_factory=dict)
    completed: list[str] = Field(default_factory=list)
    answer: str = ""


class PaperDigestFlow(Flow[PaperDigestState]):
    """Sequential: each task starts when the one before it has finished and receives the outputs of its context tasks."""

    # Flows create a LanceDB memory by default; this project keeps no memory between runs.
    _skip_auto_memory: bool = True

    async def _run(self, task_id: str) -> str:
        output = await run_task(task_id, self.state.inputs, self.state.outputs)
        self.state.outputs[task_id] = output
        self.state.completed.append(task_id)
        return output

    @start()
    async def find_papers_step(self) -> str:
        return await self._run("find_papers")

    @listen(find_papers_step)
    async def analyse_papers_step(self) -> str:
        return await self._run("analyse_papers")

    @listen(analyse_papers_step)
    async def write_digest_step(self) -> str:
        return await self._run("write_digest")

    @listen(write_digest_step)
    def deliver(self) -> str:
        self.state.answer = "\n\n".join(self.state.outputs[task_id] for task_id in FINAL_TASKS)
        return self.state.answer
