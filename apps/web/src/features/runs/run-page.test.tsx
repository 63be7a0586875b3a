// @vitest-environment happy-dom
// The run page's "Tools" line: named against the tools the run's own spec offered (from its run-start),
// not the project's latest spec; older runs fall back to the latest spec; tool names stay text.
import type { ProjectDetail, Run } from '@agent-generator/client';
import type { RunEvent } from '@agent-generator/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Routes } from '../../app/router';
import RunPage from './run-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const at = '2025-01-01T00:00:00.000Z';
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

function runRecord(tools: ReadonlyArray<string> | null): Run {
  return {
    id: 'r1',
    projectId: 'p1',
    sessionId: null,
    runtime: 'spec',
    permissionMode: 'safe',
    status: 'succeeded',
    input: 'go',
    output: 'done',
    error: null,
    totals: { inputTokens: 1, outputTokens: 1 },
    lastSeq: 1,
    cancelRequested: false,
    model: null,
    tools,
    createdBy: 'u1',
    createdAt: at,
    startedAt: at,
    endedAt: at,
  };
}

function events(startTools: ReadonlyArray<string> | undefined): RunEvent[] {
  const start: RunEvent = { type: 'run-start', runId: 'r1', seq: 0, at, project: 'p', framework: 'crewai', pattern: 'sequential', input: 'go', ...(startTools === undefined ? {} : { tools: [...startTools] }) };
  return [start, { type: 'run-end', runId: 'r1', seq: 1, at, status: 'succeeded', output: 'done' }];
}

/** The project as it is now: its latest spec's agents use calculator and http_request. */
const latest = { project: { id: 'p1', name: 'Agent' }, latest: { version: 2, spec: { agents: [{ id: 'a', tools: ['calculator', 'http_request'] }] } } } as unknown as ProjectDetail;

/** Serves the run, its stored events and the project the way the API does; records every path asked for. */
function serve(options: { readonly run: Run; readonly events: ReadonlyArray<RunEvent> }): string[] {
  const asked: string[] = [];
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const path = new URL(String(input), 'http://localhost').pathname;
    asked.push(path);
    if (path === '/api/runs/r1') return json(options.run);
    if (path === '/api/runs/r1/events') return json({ items: options.events.map((event) => ({ type: 'event', runId: 'r1', seq: event.seq, event })) });
    if (path === '/api/projects/p1') return json(latest);
    return json({ error: { code: 'not_found', message: 'no such route here' } }, 404);
  });
  return asked;
}

function renderRunPage(): void {
  window.history.replaceState(null, '', '/runs/r1');
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <Routes routes={[{ path: '/runs/:id', element: <RunPage /> }]} />
    </QueryClientProvider>,
  );
}

describe('RunPage: the tools that were off', () => {
  it("names them against the run's own spec even after the project's spec changed, without reading the project", async () => {
    const asked = serve({ run: runRecord(['calculator']), events: events(['calculator', 'web_search', 'file_write']) });
    renderRunPage();
    await waitFor(() => expect(screen.getByTestId('run-tools').textContent).toBe('calculator (web_search, file_write off)'));
    expect(asked).not.toContain('/api/projects/p1');
  });

  it('falls back to the latest spec for an older run whose run-start names no tools', async () => {
    const asked = serve({ run: runRecord(['calculator']), events: events(undefined) });
    renderRunPage();
    await waitFor(() => expect(screen.getByTestId('run-tools').textContent).toBe('calculator (http_request off)'));
    expect(asked).toContain('/api/projects/p1');
  });

  it('says nothing when the person left every tool on', async () => {
    serve({ run: runRecord(null), events: events(['calculator', 'web_search']) });
    renderRunPage();
    await screen.findByText('Timeline');
    await waitFor(() => expect(screen.queryByText('Loading events…')).toBeNull());
    expect(screen.queryByTestId('run-tools')).toBeNull();
  });

  it('renders hostile tool names as text', async () => {
    serve({ run: runRecord([HOSTILE]), events: events([HOSTILE, 'calculator']) });
    renderRunPage();
    await waitFor(() => expect(screen.getByTestId('run-tools').textContent).toBe(`${HOSTILE} (calculator off)`));
    expect(screen.getByTestId('run-tools').querySelector('img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
