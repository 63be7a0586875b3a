import { describe, expect, it } from 'vitest';
import { collectRun, makeSpec, modelFor, ofType, useLoopback } from './run-harness.test-support';

const start = useLoopback();

const calculatorSpec = makeSpec({
  tools: [{ id: 'calculator' }],
  agents: [{ id: 'researcher', role: 'Researcher', goal: 'Find facts', backstory: '', tools: ['calculator'] }],
});

describe('run limits', () => {
  it('stops a model that keeps calling tools at the step limit', async () => {
    const server = await start({ respond: () => ({ toolCalls: [{ name: 'calculator', arguments: { expression: '1+1' } }] }) });
    const events = await collectRun({ spec: calculatorSpec, model: modelFor(server), input: 'loop', limits: { maxSteps: 3 } });
    expect(events.at(-1)).toMatchObject({ type: 'run-error', code: 'limit_exceeded', message: expect.stringContaining('step limit (3 model calls)') });
    expect(server.requests).toHaveLength(3);
    expect(ofType(events, 'tool-call-end')).toHaveLength(3);
  });

  it('stops when the tokens used pass the token limit', async () => {
    const server = await start({ script: [{ reply: { text: 'a fairly long answer that uses tokens' } }] });
    const events = await collectRun({ spec: makeSpec(), model: modelFor(server), input: 'hi', limits: { maxTokens: 10 } });
    expect(events.at(-1)).toMatchObject({ type: 'run-error', code: 'limit_exceeded', message: expect.stringMatching(/used \d+ tokens, more than its limit of 10/) });
    // The usage that crossed the limit is still reported.
    expect(ofType(events, 'usage')).toHaveLength(1);
  });

  it('stops a run that passes its time limit, without waiting for the model', async () => {
    const server = await start({ script: [{ reply: { text: 'late', delayMs: 5_000 } }] });
    const started = performance.now();
    const events = await collectRun({ spec: makeSpec(), model: modelFor(server), input: 'hi', limits: { timeoutMs: 300 } });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(events.at(-1)).toMatchObject({ type: 'run-error', code: 'limit_exceeded', message: expect.stringContaining('time limit of 0.3 s') });
  });
});
