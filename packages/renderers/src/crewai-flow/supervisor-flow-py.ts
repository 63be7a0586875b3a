// src/<pkg>/flow.py for the supervisor adapter: a router asks the supervisor which ready task runs
// next, routes to that task's step, and is triggered again when the step finishes.
import type { ProjectSpec } from '@agent-generator/contracts';
import { pyString } from '../shared/escape';
import { pyList } from '../crewai/python-literals';
import { flowClassHead, flowNames, flowStatePy, stepName } from './flow-state-py';
import { finalTasks } from './task-flow-py';

const DOC = 'Supervisor (adapter): a router step asks the supervisor which ready task runs next and routes to it; after each task the router decides again, until every task has run.';

export function supervisorFlowPy(spec: ProjectSpec, packageName: string): string {
  const { flow, state } = flowNames(packageName);
  const triggers = ['"begin"', ...spec.tasks.map((task) => pyString(stepName(task.id)))];
  const steps = spec.tasks.map(
    (task) => `    @listen(${pyString(`task:${task.id}`)})
    async def ${stepName(task.id)}(self) -> str:
        return await self._run(${pyString(task.id)})`,
  );
  return `"""Flow steps and state. ${DOC}"""

from __future__ import annotations

from crewai.flow.flow import Flow, listen, or_, router, start
from pydantic import BaseModel, Field

from .agents import run_task
from .supervisor import choose_next, ready_tasks

# The tasks whose outputs make up the final answer.
FINAL_TASKS = ${pyList(finalTasks(spec, 'graph'))}


${flowStatePy(state, '\n    decisions: list[str] = Field(default_factory=list)')}


${flowClassHead({ flowClass: flow, stateClass: state, doc: DOC })}

    @start()
    def begin(self) -> None:
        """The supervisor receives the request."""

    @router(or_(${triggers.join(', ')}))
    async def supervise(self) -> str:
        ready = ready_tasks(self.state.completed)
        if not ready:
            return "FINISH"
        choice = await choose_next(ready, self.state.inputs, self.state.completed)
        self.state.decisions.append(choice)
        return f"task:{choice}"

${steps.join('\n\n')}

    @listen("FINISH")
    def deliver(self) -> str:
        self.state.answer = "\\n\\n".join(self.state.outputs[task_id] for task_id in FINAL_TASKS)
        return self.state.answer
`;
}
