// Tests of the spec editor's pure edits: every result still passes the ProjectSpec schema.
import { ProjectSpecSchema } from '@agent-generator/contracts';
import { describe, expect, it } from 'vitest';
import { moveTask, toggleAgentTool, toolsInUse, updateAgent, updateTask } from './spec-edits';
import { testSpec } from './test-spec';

const valid = (spec: unknown) => expect(ProjectSpecSchema.safeParse(spec).success).toBe(true);

describe('spec edits', () => {
  it('changes one agent and leaves the others', () => {
    const next = updateAgent(testSpec, { agentId: 'writer', patch: { role: 'Editor' } });
    expect(next.agents.map((agent) => agent.role)).toEqual(['Researcher', 'Editor']);
    valid(next);
  });

  it('reassigns a task', () => {
    const next = updateTask(testSpec, { taskId: 'outline', patch: { agent: 'researcher' } });
    expect(next.tasks[1]?.agent).toBe('researcher');
    valid(next);
  });

  it('moving a task drops context links that would point forward', () => {
    const next = moveTask(testSpec, { taskId: 'research', delta: 1 });
    expect(next.tasks.map((task) => task.id)).toEqual(['outline', 'research', 'write']);
    expect(next.tasks[0]?.context).toEqual([]);
    expect(next.tasks[2]?.context).toEqual(['research', 'outline']);
    valid(next);
  });

  it('does not move past either end', () => {
    expect(moveTask(testSpec, { taskId: 'research', delta: -1 })).toBe(testSpec);
    expect(moveTask(testSpec, { taskId: 'write', delta: 1 })).toBe(testSpec);
  });

  it('adds a tool to an agent and to the spec, and removes an unused one from both', () => {
    const added = toggleAgentTool(testSpec, { agentId: 'writer', tool: 'file_write' });
    expect(added.agents[1]?.tools).toEqual(['file_write']);
    expect(added.tools.map((tool) => tool.id)).toEqual(['web_search', 'file_write']);
    valid(added);
    const removed = toggleAgentTool(added, { agentId: 'researcher', tool: 'web_search' });
    expect(removed.tools.map((tool) => tool.id)).toEqual(['file_write']);
    expect(toolsInUse(removed)).toEqual(['file_write']);
    valid(removed);
  });
});
