// Tests of the Markdown export: messages in order, tool calls with their data, failures and fences that survive backticks.
import type { RunEvent } from '@agent-generator/contracts';
import { describe, expect, it } from 'vitest';
import { threadMarkdown } from './thread-markdown';
import { foldEvents } from './thread-reducer';

const at = '2026-01-01T00:00:00.000Z';
const events: RunEvent[] = [
  { type: 'run-start', runId: 'r1', seq: 0, at, project: 'p', framework: 'crewai', pattern: 'react', input: 'Add 2 and 3', notices: ['The project\'s model ollama/llama3.1:8b is not pulled on ollama; ollama/qwen2.5:0.5b runs instead.'] },
  { type: 'step-start', runId: 'r1', seq: 1, at, stepId: 's', kind: 'agent', agent: 'Calculator agent', model: 'ollama/qwen2.5:0.5b' },
  { type: 'tool-call-start', runId: 'r1', seq: 2, at, callId: 'c', tool: 'calculator', arguments: { expression: '2+3' }, stepId: 's' },
  { type: 'tool-call-end', runId: 'r1', seq: 3, at, callId: 'c', tool: 'calculator', result: '5', isError: false, durationMs: 2.4 },
  { type: 'text-delta', runId: 'r1', seq: 4, at, stepId: 's', delta: 'The sum is ```5```.' },
  { type: 'usage', runId: 'r1', seq: 5, at, inputTokens: 10, outputTokens: 3 },
  { type: 'run-end', runId: 'r1', seq: 6, at, status: 'succeeded' },
  { type: 'run-start', runId: 'r2', seq: 0, at, project: 'p', framework: 'crewai', pattern: 'react', input: 'Again' },
  { type: 'run-error', runId: 'r2', seq: 1, at, code: 'no_model', message: 'No model is configured.' },
];

describe('threadMarkdown', () => {
  it('writes every message, the tool call and the failure in order', () => {
    const text = threadMarkdown(foldEvents(events), { agentName: 'Digest' });
    expect(text.startsWith('# Conversation with Digest\n')).toBe(true);
    const order = ['### You\n\nAdd 2 and 3', '> Note: The project\'s model ollama/llama3.1:8b is not pulled on ollama; ollama/qwen2.5:0.5b runs instead.', '**Tool call `calculator`** (2 ms)', '"expression": "2+3"', 'Result:', '### Calculator agent\n\nThe sum is ```5```.', '_Tokens: 10 in, 3 out; model: ollama/qwen2.5:0.5b._', '### You\n\nAgain', '> Run failed (no_model): No model is configured.'];
    const positions = order.map((part) => text.indexOf(part));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});
