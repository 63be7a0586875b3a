// Step 3's editor: agents and tasks edited in place, tools added or removed per agent, blocked tools say why.
import type { ProjectSpec, ToolEntry, ToolId } from '@agent-generator/contracts';
import { Button } from './button';
import { SelectField, TextArea, TextField } from './field';
import { moveTask, toggleAgentTool, updateAgent, updateTask } from './spec-edits';

export interface SpecEditorProps {
  readonly spec: ProjectSpec;
  readonly tools: ReadonlyArray<ToolEntry>;
  /** Why a tool cannot be added with the current selection; absent for tools that fit. */
  readonly toolBlocks: Readonly<Partial<Record<ToolId, string>>>;
  readonly onChange: (spec: ProjectSpec) => void;
}

function AgentCard({ props, agentId }: { readonly props: SpecEditorProps; readonly agentId: string }) {
  const { spec, onChange } = props;
  const agent = spec.agents.find((candidate) => candidate.id === agentId);
  if (!agent) return null;
  return (
    <article className="ag-editor__agent ag-stack" aria-label={`Agent ${agent.role}`}>
      <div className="ag-editor__grid">
        <TextField label="Role" value={agent.role} onChange={(event) => onChange(updateAgent(spec, { agentId, patch: { role: event.target.value } }))} />
        <TextField label="Goal" value={agent.goal} onChange={(event) => onChange(updateAgent(spec, { agentId, patch: { goal: event.target.value } }))} />
      </div>
      <TextArea label="Backstory" rows={2} value={agent.backstory} onChange={(event) => onChange(updateAgent(spec, { agentId, patch: { backstory: event.target.value } }))} />
      <div role="group" aria-label={`Tools of ${agent.role}`} className="ag-row">
        {props.tools.map((tool) => {
          const active = agent.tools.includes(tool.id);
          const blocked = props.toolBlocks[tool.id];
          const unavailable = blocked !== undefined && !active;
          return (
            <button
              key={tool.id}
              type="button"
              className={unavailable ? 'ag-chip ag-chip--blocked' : 'ag-chip'}
              aria-pressed={active}
              aria-disabled={unavailable || undefined}
              title={unavailable ? blocked : tool.description}
              onClick={() => !unavailable && onChange(toggleAgentTool(spec, { agentId, tool: tool.id }))}
            >
              {active ? '✓ ' : '+ '}
              {tool.label}
              {unavailable && <span className="ag-visually-hidden"> (unavailable: {blocked})</span>}
            </button>
          );
        })}
      </div>
    </article>
  );
}

function TaskCard({ props, index }: { readonly props: SpecEditorProps; readonly index: number }) {
  const { spec, onChange } = props;
  const task = spec.tasks[index];
  if (!task) return null;
  const taskId = task.id;
  return (
    <article className="ag-editor__agent ag-stack" aria-label={`Task ${index + 1}`}>
      <div className="ag-row">
        <strong style={{ flex: 1 }}>Task {index + 1}</strong>
        <Button size="small" disabled={index === 0} onClick={() => onChange(moveTask(spec, { taskId, delta: -1 }))} aria-label={`Move task ${index + 1} up`}>
          ↑
        </Button>
        <Button size="small" disabled={index === spec.tasks.length - 1} onClick={() => onChange(moveTask(spec, { taskId, delta: 1 }))} aria-label={`Move task ${index + 1} down`}>
          ↓
        </Button>
      </div>
      <TextArea label="What to do" rows={2} value={task.description} onChange={(event) => onChange(updateTask(spec, { taskId, patch: { description: event.target.value } }))} />
      <div className="ag-editor__grid">
        <TextField label="Expected output" value={task.expectedOutput} onChange={(event) => onChange(updateTask(spec, { taskId, patch: { expectedOutput: event.target.value } }))} />
        <SelectField label="Assigned to" value={task.agent} onChange={(event) => onChange(updateTask(spec, { taskId, patch: { agent: event.target.value } }))}>
          {spec.agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.role}
            </option>
          ))}
        </SelectField>
      </div>
    </article>
  );
}

export function SpecEditor(props: SpecEditorProps) {
  return (
    <div className="ag-stack">
      <h2>Agents</h2>
      {props.spec.agents.map((agent) => (
        <AgentCard key={agent.id} props={props} agentId={agent.id} />
      ))}
      <h2>Tasks, in order</h2>
      {props.spec.tasks.map((task, index) => (
        <TaskCard key={task.id} props={props} index={index} />
      ))}
    </div>
  );
}
