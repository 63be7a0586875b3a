"""Flow steps and state. Supervisor (adapter): a router step asks the supervisor which ready task runs next and routes to it; after each task the router decides again, until every task has run."""

from __future__ import annotations

from crewai.flow.flow import Flow, listen, or_, router, start
from pydantic import BaseModel, Field

from .agents import run_task
from .supervisor import choose_next, ready_tasks

# The tasks whose outputs make up the final answer.
FINAL_TASKS = ["write_digest"]


class PaperDigestState(BaseModel):
    """Typed flow state shared by every step."""

    inputs: dict[str, str] = Field(default_factory=dict)
    outputs: dict[str, str] = Field(default_factory=dict)
    completed: list[str] = Field(default_factory=list)
    answer: str = ""
    decisions: list[str] = Field(default_factory=list)


class PaperDigestFlow(Flow[PaperDigestState]):
    """Supervisor (adapter): a router step asks the supervisor which ready task runs next and routes to it; after each task the router decides again, until every task has run."""

    # Flows create a LanceDB memory by default; this project keeps no memory between runs.
    _skip_auto_memory: bool = True

    async def _run(self, task_id: str) -> str:
        output = await run_task(task_id, self.state.inputs, self.state.outputs)
        self.state.outputs[task_id] = output
        self.state.completed.append(task_id)
        return output

    @start()
    def begin(self) -> None:
        """The supervisor receives the request."""

    @router(or_("begin", "find_papers_step", "analyse_papers_step", "write_digest_step"))
    async def supervise(self) -> str:
        ready = ready_tasks(self.state.completed)
        if not ready:
            return "FINISH"
        choice = await choose_next(ready, self.state.inputs, self.state.completed)
        self.state.decisions.append(choice)
        return f"task:{choice}"

    @listen("task:find_papers")
    async def find_papers_step(self) -> str:
        return await self._run("find_papers")

    @listen("task:analyse_papers")
    async def analyse_papers_step(self) -> str:
        return await self._run("analyse_papers")

    @listen("task:write_digest")
    async def write_digest_step(self) -> str:
        return await self._run("write_digest")

    @listen("FINISH")
    def deliver(self) -> str:
        self.state.answer = "\n\n".join(self.state.outputs[task_id] for task_id in FINAL_TASKS)
        return self.state.answer
