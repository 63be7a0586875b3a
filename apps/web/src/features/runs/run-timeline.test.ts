// Tests of the run timeline: steps with nested tool calls and approvals, durations from event times, and the run's end.
import type { RunEvent } from '@agent-generator/contracts';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from './run-timeline';

const t = (second: number) => `2026-01-01T00:00:${String(second).padStart(2, '0')}.000Z`;
const events: RunEvent[] = [
  { type: 'run-start', runId: 'r', seq: 0, at: t(0), project: 'p', framework: 'crewai', pattern: 'sequential', input: 'go' },
  { type: 'step-start', runId: 'r', seq: 1, at: t(1), stepId: 's1', kind: 'task', agent: 'Writer', task: 'draft' },
  { type: 'tool-call-start', runId: 'r', seq: 2, at: t(2), callId: 'c1', tool: 'file_write', arguments: { path: 'a' }, stepId: 's1' },
  { type: 'approval-request', runId: 'r', seq: 3, at: t(2), callId: 'c1', tool: 'file_write', arguments: { path: 'a' } },
  { type: 'approval-response', runId: 'r', seq: 4, at: t(5), callId: 'c1', approved: false },
  { type: 'tool-call-end', runId: 'r', seq: 5, at: t(5), callId: 'c1', tool: 'file_write', result: 'refused', isError: true, durationMs: 3000 },
  { type: 'text-delta', runId: 'r', seq: 6, at: t(6), delta: 'ok' },
  { type: 'step-end', runId: 'r', seq: 7, at: t(7), stepId: 's1', output: 'ok' },
  { type: 'run-end', runId: 'r', seq: 8, at: t(8), status: 'cancelled' },
];

describe('buildTimeline', () => {
  it('lists the run, its step, the tool call and the approval with durations and outcomes', () => {
    const timeline = buildTimeline(events);
    expect(timeline.map((entry) => [entry.label, entry.status, entry.durationMs, entry.depth])).toEqual([
      ['Run started (crewai · sequential)', 'warn', 8000, 0],
      ['Task · Writer · draft', 'ok', 6000, 0],
      ['Tool file_write', 'err', 3000, 1],
      ['Refused file_write', 'err', 3000, 1],
      ['Run cancelled', 'warn', undefined, 0],
    ]);
  });

  it("lists run-start's model notices under the run and names each step's model", () => {
    const notice = "The project's model ollama/llama3.1:8b is not pulled on ollama (run \"ollama pull llama3.1:8b\"); ollama/qwen2.5:0.5b runs instead.";
    const timeline = buildTimeline([
      { type: 'run-start', runId: 'r', seq: 0, at: t(0), project: 'p', framework: 'crewai', pattern: 'sequential', input: 'go', notices: [notice] },
      { type: 'step-start', runId: 'r', seq: 1, at: t(1), stepId: 's1', kind: 'task', agent: 'researcher', task: 'research', model: 'ollama/qwen2.5:0.5b' },
      { type: 'step-start', runId: 'r', seq: 2, at: t(2), stepId: 's2', kind: 'task', agent: 'writer', task: 'write' },
    ]);
    expect(timeline.map((entry) => [entry.kind, entry.label, entry.detail, entry.model, entry.depth])).toEqual([
      ['run', 'Run started (crewai · sequential)', 'go', undefined, 0],
      ['notice', 'Model', notice, undefined, 1],
      ['step', 'Task · researcher · research', undefined, 'ollama/qwen2.5:0.5b', 0],
      ['step', 'Task · writer · write', undefined, undefined, 0],
    ]);
  });

  it('leaves what has not ended yet as running', () => {
    const timeline = buildTimeline(events.slice(0, 3));
    expect(timeline.map((entry) => entry.status)).toEqual(['running', 'running', 'running']);
  });
});
