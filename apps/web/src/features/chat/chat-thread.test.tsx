// @vitest-environment happy-dom
// Tests of the thread and the inspector: run-start's model notices as plain notes above the reply, each
// agent's model beside its name, the last run's models in the inspector, and hostile values left inert.
import type { ProjectDetail } from '@agent-generator/client';
import type { RunEvent } from '@agent-generator/contracts';
import { planProject } from '@agent-generator/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatThread } from './chat-thread';
import { Inspector } from './inspector';
import { foldEvents, type ThreadState } from './thread-reducer';

afterEach(cleanup);

type Body = RunEvent extends infer Event ? (Event extends RunEvent ? Omit<Event, 'runId' | 'seq' | 'at'> : never) : never;
const log = (bodies: ReadonlyArray<Body>): RunEvent[] => bodies.map((body, seq) => ({ ...body, runId: 'run-1', seq, at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString() }) as RunEvent);

const PULL = `The project's model ollama/llama3.1:8b is not pulled on ollama (run "ollama pull llama3.1:8b"); ollama/qwen2.5:0.5b runs instead.`;
const HOSTILE_NOTICE = '<img src=x onerror="window.hit=1"> [click](javascript:alert(1)) **bold**';
const HOSTILE_MODEL = 'evil/<img src=x onerror="window.hit=1">[m](javascript:alert(1))';

function twoAgentRun(options: { readonly notices: ReadonlyArray<string>; readonly writerModel: string }): ThreadState {
  return foldEvents(
    log([
      { type: 'run-start', project: 'p', framework: 'crewai', pattern: 'sequential', input: 'Write about octopuses', notices: [...options.notices] },
      { type: 'step-start', stepId: 's1', kind: 'task', agent: 'researcher', task: 'research', model: 'ollama/qwen2.5:0.5b' },
      { type: 'text-delta', stepId: 's1', delta: 'Octopuses have three hearts.' },
      { type: 'step-end', stepId: 's1', output: 'Octopuses have three hearts.' },
      { type: 'step-start', stepId: 's2', kind: 'task', agent: 'writer', task: 'write', model: options.writerModel },
      { type: 'text-delta', stepId: 's2', delta: 'An article.' },
      { type: 'step-end', stepId: 's2', output: 'An article.' },
      { type: 'run-end', status: 'succeeded', output: 'An article.' },
    ]),
  );
}

function renderThread(thread: ThreadState) {
  return render(<ChatThread thread={thread} agentName="Octopus team" agentRoles={new Map([['researcher', 'Researcher'], ['writer', 'Writer']])} pendingInput={undefined} onAnswer={vi.fn()} />);
}

describe('ChatThread', () => {
  it("shows run-start's notices as notes between the message and the reply, and each agent's model", () => {
    const { container } = renderThread(twoAgentRun({ notices: [PULL], writerModel: 'openai/gpt-4o-mini' }));
    expect(screen.getAllByRole('note').map((note) => note.textContent)).toEqual([PULL]);
    const parts = [...(container.querySelector('.ag-chat__run')?.children ?? [])].map((element) => element.getAttribute('role') ?? element.getAttribute('aria-label'));
    expect(parts).toEqual(['You says', 'note', 'Researcher says']);
    const reply = screen.getByRole('article', { name: 'Researcher says' });
    expect(reply.querySelector('.ag-message__meta')?.textContent).toBe('ollama/qwen2.5:0.5b');
    expect(within(reply).getByText('Writer').textContent).toBe('Writeropenai/gpt-4o-mini');
    expect(reply.querySelector('.ag-chat__model')?.textContent).toBe('openai/gpt-4o-mini');
  });

  it('shows no note for a run without notices', () => {
    renderThread(twoAgentRun({ notices: [], writerModel: 'openai/gpt-4o-mini' }));
    expect(screen.queryAllByRole('note')).toEqual([]);
  });

  it('renders a hostile notice and model id as inert text: no image, no link, no markup', () => {
    const { container } = renderThread(twoAgentRun({ notices: [HOSTILE_NOTICE], writerModel: HOSTILE_MODEL }));
    expect(screen.getByRole('note').textContent).toBe(HOSTILE_NOTICE);
    expect(container.querySelector('.ag-chat__model')?.textContent).toBe(HOSTILE_MODEL);
    expect(container.querySelectorAll('img, a, strong')).toHaveLength(0);
    expect((window as unknown as { hit?: number }).hit).toBeUndefined();
  });
});

describe('Inspector', () => {
  it('names the models the last run ran on, hostile ones as text', () => {
    const { spec } = planProject('Write articles about sea animals', {});
    const project = { project: { name: 'Octopus team' }, latest: { spec, version: 1 } } as unknown as ProjectDetail;
    const props = { project, mode: 'safe', sessionMode: undefined, onMode: vi.fn(), runtime: 'spec', sessionRuntime: undefined, onRuntime: vi.fn(), onTrace: vi.fn(), onExport: vi.fn() } as const;
    const { container, rerender } = render(<Inspector {...props} thread={twoAgentRun({ notices: [], writerModel: 'openai/gpt-4o-mini' })} />);
    expect(screen.getByTestId('ran-on').textContent).toBe('ollama/qwen2.5:0.5b, openai/gpt-4o-mini');
    rerender(<Inspector {...props} thread={twoAgentRun({ notices: [], writerModel: HOSTILE_MODEL })} />);
    expect(screen.getByTestId('ran-on').textContent).toBe(`ollama/qwen2.5:0.5b, ${HOSTILE_MODEL}`);
    expect(container.querySelectorAll('img')).toHaveLength(0);
  });
});
