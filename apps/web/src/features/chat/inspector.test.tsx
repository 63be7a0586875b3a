// @vitest-environment happy-dom
// The inspector's line for the last run's tools: shown, naming the tools that were off, only when some were.
import type { ProjectDetail } from '@agent-generator/client';
import { planProject } from '@agent-generator/core';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Inspector } from './inspector';
import { emptyThread } from './thread-reducer';

afterEach(cleanup);

describe('Inspector: the last run’s tools', () => {
  const { spec } = planProject('Write articles about sea animals', {});
  const project = { project: { name: 'Octopus team' }, latest: { spec, version: 1 } } as unknown as ProjectDetail;
  const props = { project, thread: emptyThread, mode: 'safe', sessionMode: undefined, onMode: vi.fn(), onTrace: vi.fn(), onExport: vi.fn() } as const;

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
