// Tests of the thread reducer with event sequences as the engine emits them, including repeats,
// events out of order, approvals, usage and failures.
import type { RunEvent } from '@agent-generator/contracts';
import { describe, expect, it } from 'vitest';
import { elapsedMs, emptyThread, foldEvents, recentToolCalls, runModels, runsOf, threadReducer, totalUsage } from './thread-reducer';

type Body = RunEvent extends infer Event ? (Event extends RunEvent ? Omit<Event, 'runId' | 'seq' | 'at'> : never) : never;

function log(runId: string, bodies: ReadonlyArray<Body>, startSecond = 0): RunEvent[] {
  return bodies.map((body, seq) => ({ ...body, runId, seq, at: new Date(Date.UTC(2026, 0, 1, 0, 0, startSecond + seq)).toISOString() }) as RunEvent);
}

const toolRun = log('run-1', [
  { type: 'run-start', project: 'digest', framework: 'crewai', pattern: 'sequential', input: 'What is 6*7?' },
  { type: 'step-start', stepId: 's1', kind: 'agent', agent: 'Researcher' },
  { type: 'text-delta', stepId: 's1', delta: 'Let me ' },
  { type: 'text-delta', stepId: 's1', delta: 'compute.' },
  { type: 'usage', inputTokens: 12, outputTokens: 4, costUsd: 0.001, model: 'gpt-test' },
  { type: 'tool-call-start', callId: 'c1', tool: 'calculator', arguments: { expression: '6*7' }, stepId: 's1' },
  { type: 'tool-call-end', callId: 'c1', tool: 'calculator', result: '42', isError: false, durationMs: 3.5 },
  { type: 'text-delta', stepId: 's1', delta: 'It is 42.' },
  { type: 'usage', inputTokens: 20, outputTokens: 5, costUsd: 0.002, model: 'gpt-test' },
  { type: 'step-end', stepId: 's1', output: 'It is 42.' },
  { type: 'run-end', status: 'succeeded', output: 'It is 42.' },
]);

describe('threadReducer', () => {
  it('builds the message, text blocks around the tool card, usage totals and times from the events', () => {
    const state = foldEvents(toolRun);
    const [run] = runsOf(state);
    expect(run?.input).toBe('What is 6*7?');
    expect(run?.phase).toBe('succeeded');
    expect(run?.items).toEqual([
      { kind: 'text', id: 'run-1:2', stepId: 's1', agent: 'Researcher', text: 'Let me compute.' },
      { kind: 'tool', callId: 'c1', tool: 'calculator', arguments: { expression: '6*7' }, stepId: 's1', startedAt: '2026-01-01T00:00:05.000Z', result: '42', isError: false, durationMs: 3.5 },
      { kind: 'text', id: 'run-1:7', stepId: 's1', agent: 'Researcher', text: 'It is 42.' },
    ]);
    expect(totalUsage(state)).toEqual({ inputTokens: 32, outputTokens: 9, costUsd: 0.003, unpriced: 0, model: 'gpt-test' });
    expect(run && elapsedMs(run, 0)).toBe(10_000);
  });

  it('ignores a repeated seq and an event older than the last one folded', () => {
    const events = toolRun.slice(0, 4);
    const once = foldEvents(events);
    const twice = foldEvents([...events, events[2] as RunEvent, events[3] as RunEvent, events[0] as RunEvent]);
    expect(twice).toEqual(once);
    expect(runsOf(twice)[0]?.items).toEqual([{ kind: 'text', id: 'run-1:2', stepId: 's1', agent: 'Researcher', text: 'Let me compute.' }]);
  });

  it('holds events that come ahead of a gap and folds them in order once it closes', () => {
    const [e0, e1, e2, e3, e4] = toolRun;
    let state = foldEvents([e0, e1, e3, e4] as RunEvent[]);
    expect(runsOf(state)[0]?.items).toEqual([]);
    expect(runsOf(state)[0]?.lastSeq).toBe(1);
    state = threadReducer(state, e2 as RunEvent);
    expect(runsOf(state)[0]?.lastSeq).toBe(4);
    expect(runsOf(state)[0]?.items[0]).toMatchObject({ kind: 'text', text: 'Let me compute.' });
    expect(foldEvents(toolRun.slice().reverse())).toEqual(foldEvents(toolRun));
  });

  it('shows an Ask-mode approval as pending, then as the answer given', () => {
    const events = log('run-2', [
      { type: 'run-start', project: 'p', framework: 'crewai', pattern: 'react', input: 'write it' },
      { type: 'tool-call-start', callId: 'c9', tool: 'file_write', arguments: { path: 'a.txt' } },
      { type: 'approval-request', callId: 'c9', tool: 'file_write', arguments: { path: 'a.txt' } },
    ]);
    const pending = foldEvents(events);
    expect(recentToolCalls(pending, 5)[0]?.approval).toBe('pending');
    const answered = threadReducer(pending, { type: 'approval-response', runId: 'run-2', seq: 3, at: '2026-01-01T00:00:03.000Z', callId: 'c9', approved: false });
    expect(recentToolCalls(answered, 5)[0]).toMatchObject({ callId: 'c9', approval: 'refused', arguments: { path: 'a.txt' } });
  });

  it('keeps runs apart, counts unpriced model calls and records a run-error', () => {
    const failed = log('run-3', [
      { type: 'run-start', project: 'p', framework: 'crewai', pattern: 'react', input: 'hi' },
      { type: 'usage', inputTokens: 5, outputTokens: 1 },
      { type: 'run-error', code: 'no_model', message: 'No model is configured. Add one in Settings → Providers.' },
    ]);
    const state = foldEvents([...toolRun, ...failed]);
    expect(state.order).toEqual(['run-1', 'run-3']);
    expect(state.runs['run-3']).toMatchObject({ phase: 'failed', error: { code: 'no_model' }, input: 'hi' });
    expect(totalUsage(state)).toMatchObject({ inputTokens: 37, outputTokens: 10, unpriced: 1 });
  });

  it("keeps run-start's notices and names each text block's model from its step-start", () => {
    const notices = ["The project's model ollama/llama3.1:8b is not pulled on ollama (run \"ollama pull llama3.1:8b\"); ollama/qwen2.5:0.5b runs instead."];
    const events = log('run-4', [
      { type: 'run-start', project: 'p', framework: 'crewai', pattern: 'sequential', input: 'go', notices },
      { type: 'step-start', stepId: 's1', kind: 'task', agent: 'researcher', task: 'research', model: 'ollama/qwen2.5:0.5b' },
      { type: 'text-delta', stepId: 's1', delta: 'Facts.' },
      { type: 'step-end', stepId: 's1', output: 'Facts.' },
      { type: 'step-start', stepId: 's2', kind: 'task', agent: 'writer', task: 'write', model: 'openai/gpt-4o-mini' },
      { type: 'text-delta', stepId: 's2', delta: 'Article.' },
      { type: 'step-start', stepId: 's3', kind: 'task', agent: 'editor', task: 'edit', model: 'ollama/qwen2.5:0.5b' },
    ]);
    const run = runsOf(foldEvents(events))[0];
    expect(run?.notices).toEqual(notices);
    expect(run?.items.map((item) => (item.kind === 'text' ? `${item.agent ?? ''}@${item.model ?? ''}` : ''))).toEqual(['researcher@ollama/qwen2.5:0.5b', 'writer@openai/gpt-4o-mini']);
    expect(run && runModels(run)).toEqual(['ollama/qwen2.5:0.5b', 'openai/gpt-4o-mini']);
    expect(runsOf(foldEvents(toolRun))[0]?.notices).toEqual([]);
  });

  it("keeps the tools run-start says the run's spec offered, and none for runs from before it said so", () => {
    const events = log('run-5', [{ type: 'run-start', project: 'p', framework: 'crewai', pattern: 'sequential', input: 'go', tools: ['calculator', 'web_search'] }]);
    expect(runsOf(foldEvents(events))[0]?.specTools).toEqual(['calculator', 'web_search']);
    expect(runsOf(foldEvents(toolRun))[0]?.specTools).toBeUndefined();
  });

  it('counts elapsed time up to now while the run has not ended', () => {
    const state = foldEvents(toolRun.slice(0, 3));
    const run = runsOf(state)[0];
    expect(run?.phase).toBe('running');
    expect(run && elapsedMs(run, Date.UTC(2026, 0, 1, 0, 0, 7))).toBe(7000);
    expect(emptyThread.order).toEqual([]);
  });
});
