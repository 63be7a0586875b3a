// @vitest-environment happy-dom
// Tests of the command palette: filtering, keyboard choice, disabled commands and closing.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommandPalette } from './command-palette';
import { filterCommands, type PaletteEntry } from './filter-commands';

const commands: PaletteEntry[] = [
  { id: 'project.new', label: 'New project', group: 'Create', shortcut: 'alt+n', enabled: true },
  { id: 'go.projects', label: 'Go to projects', group: 'Navigate', enabled: true },
  { id: 'go.history', label: 'Go to history', group: 'Navigate', enabled: false },
  { id: 'theme.toggle', label: 'Toggle dark theme', group: 'Appearance', enabled: true },
];

afterEach(cleanup);

describe('filterCommands', () => {
  it('matches word prefixes in any order and ranks label prefixes first', () => {
    expect(filterCommands(commands, 'proj').map((entry) => entry.id)).toEqual(['project.new', 'go.projects']);
    expect(filterCommands(commands, 'to').map((entry) => entry.id)).toEqual(['theme.toggle', 'go.projects', 'go.history']);
    expect(filterCommands(commands, 'dark tog').map((entry) => entry.id)).toEqual(['theme.toggle']);
    expect(filterCommands(commands, 'navigate').map((entry) => entry.id)).toEqual(['go.projects', 'go.history']);
    expect(filterCommands(commands, 'zzz')).toEqual([]);
  });
});

describe('CommandPalette', () => {
  it('runs the highlighted command on Enter after filtering and moving with the arrows', () => {
    const onRun = vi.fn();
    const onClose = vi.fn();
    render(<CommandPalette commands={commands} onRun={onRun} onClose={onClose} />);
    const input = screen.getByRole('combobox', { name: 'Search commands' });
    fireEvent.change(input, { target: { value: 'go' } });
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['Go to projectsNavigate', 'Go to historynot available here']);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onRun).toHaveBeenCalledWith('go.projects');
    expect(onClose).toHaveBeenCalled();
  });

  it('does not run a disabled command', () => {
    const onRun = vi.fn();
    render(<CommandPalette commands={commands} onRun={onRun} onClose={() => undefined} />);
    fireEvent.click(screen.getByText('Go to history'));
    expect(onRun).not.toHaveBeenCalled();
  });

  it('closes on Escape', () => {
    const onClose = vi.fn();
    render(<CommandPalette commands={commands} onRun={() => undefined} onClose={onClose} />);
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });
});
