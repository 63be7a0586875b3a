// The state model and class header every generated flow.py shares.
import { pyClassName } from '../shared/escape';

export function flowNames(packageName: string): { flow: string; state: string } {
  const base = pyClassName(packageName);
  return { flow: `${base}Flow`, state: `${base}State` };
}

/** The typed (pydantic) state: inputs, each finished task's output, the finish order, the answer. */
export function flowStatePy(stateClass: string, extraFields = ''): string {
  return `class ${stateClass}(BaseModel):
    """Typed flow state shared by every step."""

    inputs: dict[str, str] = Field(default_factory=dict)
    outputs: dict[str, str] = Field(default_factory=dict)
    completed: list[str] = Field(default_factory=list)
    answer: str = ""${extraFields}`;
}

/** The flow class's opening: no auto-created memory, and the helper that runs one task. */
export function flowClassHead(options: { flowClass: string; stateClass: string; doc: string }): string {
  return `class ${options.flowClass}(Flow[${options.stateClass}]):
    """${options.doc}"""

    # Flows create a LanceDB memory by default; this project keeps no memory between runs.
    _skip_auto_memory: bool = True

    async def _run(self, task_id: str) -> str:
        output = await run_task(task_id, self.state.inputs, self.state.outputs)
        self.state.outputs[task_id] = output
        self.state.completed.append(task_id)
        return output`;
}

/** The name of the flow method that runs a task; the suffix keeps it clear of Flow's own names. */
export function stepName(taskId: string): string {
  return `${taskId}_step`;
}
