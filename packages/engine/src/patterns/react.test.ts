import { describe, expect, it } from 'vitest';
import { collectRun, makeSpec, modelFor, ofType, stepOrder, useLoopback } from '../run-harness.test-support';
import { offeredTools, systemPrompts } from './recorded-requests.test-support';

const start = useLoopback();

describe('react pattern', () => {
  it('loops one agent through reason, act and observe until it answers', async () => {
    const spec = makeSpec({
      pattern: 'react',
      tools: [{ id: 'calculator' }, { id: 'web_search' }],
      agents: [
        { id: 'analyst', role: 'Analyst', goal: 'Answer with numbers', backstory: '', tools: ['calculator'] },
        { id: 'scout', role: 'Scout', goal: 'Look things up', backstory: '', tools: ['web_search'] },
      ],
      tasks: [{ id: 'answer', description: 'Answer the question', expectedOutput: 'A number', agent: 'analyst' }],
    });
    const server = await start({
      script: [
        { label: 'act 1', expect: { toolsOffered: ['calculator', 'web_search'], lastUserMessage: 'Input: 12 boxes of 8' }, reply: { toolCalls: [{ id: 'c1', name: 'calculator', arguments: { expression: '12*8' } }] } },
        { label: 'act 2', expect: { toolResultFor: 'c1' }, reply: { text: 'Now halve it.', toolCalls: [{ id: 'c2', name: 'calculator', arguments: { expression: '96/2' } }] } },
        { label: 'answer', expect: { toolResultFor: 'c2' }, reply: { text: 'Half of 96 is 48.' } },
      ],
    });
    const events = await collectRun({ spec, model: modelFor(server), input: '12 boxes of 8' });
    expect(stepOrder(events)).toEqual(['analyst']);
    expect(ofType(events, 'tool-call-end').map((event) => event.result)).toEqual(['96', '48']);
    expect(systemPrompts(server.requests)[0]).toMatch(/You are Analyst[\s\S]*Work in a loop/);
    expect(offeredTools(server.requests[0]).sort()).toEqual(['calculator', 'web_search']);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', output: 'Half of 96 is 48.' });
    server.assertScriptDone();
  });
});
