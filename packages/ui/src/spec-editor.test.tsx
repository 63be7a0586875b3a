// @vitest-environment happy-dom
// Tests of the spec editor: in-place edits reach onChange, blocked tools say why and stay off.
import type { ProjectSpec, ToolEntry } from '@agent-generator/contracts';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SpecEditor } from './spec-editor';
import { testSpec } from './test-spec';

const tools: ToolEntry[] = [
  { id: 'web_search', label: 'Web search', description: 'Search the web', env: [], phrases: [], sideEffects: false },
  { id: 'email_send', label: 'Send email', description: 'Send an email', env: [], phrases: [], sideEffects: true },
  { id: 'file_write', label: 'Write file', description: 'Write a file', env: [], phrases: [], sideEffects: true },
];

afterEach(cleanup);

function setup(toolBlocks: Partial<Record<ToolEntry['id'], string>> = {}) {
  const onChange = vi.fn<(spec: ProjectSpec) => void>();
  render(<SpecEditor spec={testSpec} tools={tools} toolBlocks={toolBlocks} onChange={onChange} />);
  return onChange;
}

describe('SpecEditor', () => {
  it('edits an agent role in place', () => {
    const onChange = setup();
    const writer = screen.getByRole('article', { name: 'Agent Writer' });
    fireEvent.change(within(writer).getByLabelText('Role'), { target: { value: 'Editor' } });
    expect(onChange.mock.calls[0]?.[0].agents[1]?.role).toBe('Editor');
  });

  it('reorders tasks and reassigns them', () => {
    const onChange = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Move task 2 down' }));
    expect(onChange.mock.calls[0]?.[0].tasks.map((task) => task.id)).toEqual(['research', 'write', 'outline']);
    const first = screen.getByRole('article', { name: 'Task 1' });
    fireEvent.change(within(first).getByLabelText('Assigned to'), { target: { value: 'writer' } });
    expect(onChange.mock.calls[1]?.[0].tasks[0]?.agent).toBe('writer');
  });

  it('adds a tool to one agent', () => {
    const onChange = setup();
    const writer = screen.getByRole('group', { name: 'Tools of Writer' });
    fireEvent.click(within(writer).getByRole('button', { name: /Write file/ }));
    const next = onChange.mock.calls[0]?.[0];
    expect(next?.agents[1]?.tools).toEqual(['file_write']);
    expect(next?.tools.map((tool) => tool.id)).toContain('file_write');
  });

  it('dims a blocked tool with its reason and does not add it', () => {
    const onChange = setup({ email_send: 'Email needs a framework with side-effect tools.' });
    const writer = screen.getByRole('group', { name: 'Tools of Writer' });
    const blocked = within(writer).getByRole('button', { name: /Send email/ });
    expect(blocked.getAttribute('aria-disabled')).toBe('true');
    expect(blocked.getAttribute('title')).toBe('Email needs a framework with side-effect tools.');
    fireEvent.click(blocked);
    expect(onChange).not.toHaveBeenCalled();
  });
});
