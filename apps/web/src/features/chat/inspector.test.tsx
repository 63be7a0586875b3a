// @vitest-environment happy-dom
// The inspector's line for the last run's tools (shown, naming the tools that were off, only when some
// were) and its choice of what runs: the spec on the engine or the generated project's own code.
import type { ProjectDetail } from '@agent-generator/client';
import { planProject } from '@agent-generator/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Inspector } from './inspector';
import { emptyThread } from './thread-reducer';

afterEach(cleanup);

describe('Inspector: the last run’s tools', () => {
  const { spec } = planProject('Write articles about sea animals', {});
  const project = { project: { name: 'Octopus team' }, latest: { spec, version: 1 } } as unknown as ProjectDetail;
  const props = { project, thread: emptyThread, mode: 'safe', sessionMode: undefined, onMode: vi.fn(), runtime: 'spec', sessionRuntime: undefined, onRuntime: vi.fn(), onTrace: vi.fn(), onExport: vi.fn() } as const;

  it('shows "Tools" for the last run when some were off', () => {
    render(<Inspector {...props} lastRunTools="calculator (web_search off)" />);
    expect(screen.getByText("Last run's tools")).toBeTruthy();
    expect(screen.getByTestId('run-tools').textContent).toBe('calculator (web_search off)');
  });

  it('shows nothing when every tool was on', () => {
    render(<Inspector {...props} lastRunTools={undefined} />);
    expect(screen.queryByTestId('run-tools')).toBeNull();
  });
});

describe('Inspector: what runs', () => {
  const { spec } = planProject('Write articles about sea animals', {});
  const project = { project: { name: 'Octopus team' }, latest: { spec, version: 1 } } as unknown as ProjectDetail;
  const base = { project, thread: emptyThread, mode: 'safe', sessionMode: undefined, onMode: vi.fn(), onTrace: vi.fn(), onExport: vi.fn() } as const;

  it('switches to the project code, says what that means, and that the next message runs so', () => {
    const onRuntime = vi.fn();
    const { rerender } = render(<Inspector {...base} runtime="spec" sessionRuntime="spec" onRuntime={onRuntime} />);
    expect(screen.queryByText('The next message runs this way.')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Project code' }));
    expect(onRuntime).toHaveBeenCalledWith('project');
    rerender(<Inspector {...base} runtime="project" sessionRuntime="spec" onRuntime={onRuntime} />);
    expect(screen.getByText(/generated project runs itself/)).toBeTruthy();
    expect(screen.getByText('The next message runs this way.')).toBeTruthy();
  });
});
