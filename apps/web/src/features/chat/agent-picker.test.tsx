// @vitest-environment happy-dom
// Tests of the ⌘P agent picker: search, arrow keys and Enter pick an agent; Escape closes without one.
import type { Project } from '@agent-generator/client';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AgentPicker } from './agent-picker';

afterEach(cleanup);

const project = (id: string, name: string): Project => ({ id, ownerId: 'u', name, slug: id, framework: 'crewai', pattern: 'sequential', idea: '', latestVersion: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
const projects = [project('p1', 'Research digest'), project('p2', 'Invoice checker'), project('p3', 'Research assistant')];

describe('AgentPicker', () => {
  it('filters by name and picks the highlighted agent with the arrow keys and Enter', () => {
    const onPick = vi.fn();
    const onClose = vi.fn();
    render(<AgentPicker projects={projects} onPick={onPick} onClose={onClose} />);
    const search = screen.getByRole('combobox', { name: 'Search agents' });
    fireEvent.change(search, { target: { value: 'research' } });
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['Research digestcrewai · sequential', 'Research assistantcrewai · sequential']);
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(screen.getAllByRole('option')[1]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(screen.getAllByRole('option')[0]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(search, { key: 'ArrowUp' });
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith('p3');
    expect(onClose).toHaveBeenCalled();
  });

  it('says when nothing matches and closes on Escape without picking', () => {
    const onPick = vi.fn();
    const onClose = vi.fn();
    render(<AgentPicker projects={projects} onPick={onPick} onClose={onClose} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Search agents' }), { target: { value: 'zebra' } });
    expect(screen.getByText('No agent matches “zebra”.')).toBeTruthy();
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
    expect(onPick).not.toHaveBeenCalled();
  });
});
