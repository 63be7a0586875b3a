import { describe, expect, it } from 'vitest';
import { collectRun, makeSpec, modelFor, ofType, stepOrder, useLoopback } from '../run-harness.test-support';
import { lastUserText, offeredTools, systemPrompts } from './recorded-requests.test-support';

const start = useLoopback();

const workers = [
  { id: 'researcher', role: 'Researcher', goal: 'Find facts', backstory: '' },
  { id: 'writer', role: 'Writer', goal: 'Write', backstory: '' },
];
const tasks = [
  { id: 'research', description: 'Research', expectedOutput: 'Facts', agent: 'researcher' },
  { id: 'write', description: 'Write', expectedOutput: 'Text', agent: 'writer' },
];

describe('supervisor pattern', () => {
  it('lets the manager delegate to workers through the delegate tool, then answer', async () => {
    const spec = makeSpec({ pattern: 'supervisor', agents: [{ id: 'lead', role: 'Editor in chief', goal: 'Ship the piece', backstory: '', allowDelegation: true }, ...workers], tasks });
    const server = await start({
      script: [
        { label: 'manager delegates research', expect: { toolsOffered: ['delegate'] }, reply: { toolCalls: [{ id: 'd1', name: 'delegate', arguments: { agent: 'researcher', task: 'Find three facts about bees' } }] } },
        { label: 'researcher works', expect: { lastUserMessage: 'Find three facts about bees' }, reply: { text: 'Bees dance.' } },
        { label: 'manager delegates writing', expect: { toolResultFor: 'd1' }, reply: { toolCalls: [{ id: 'd2', name: 'delegate', arguments: { agent: 'writer', task: 'Write about: Bees dance.' } }] } },
        { label: 'writer works', expect: { lastUserMessage: 'Write about: Bees dance.' }, reply: { text: 'A poem on dancing bees.' } },
        { label: 'manager answers', expect: { toolResultFor: 'd2' }, reply: { text: 'Final: A poem on dancing bees.' } },
      ],
    });
    const events = await collectRun({ spec, model: modelFor(server), input: 'bees' });
    expect(stepOrder(events)).toEqual(['lead', 'researcher', 'writer']);
    expect(systemPrompts(server.requests).map((prompt) => prompt.split('\n')[0])).toEqual(['You are Editor in chief.', 'You are Researcher.', 'You are Editor in chief.', 'You are Writer.', 'You are Editor in chief.']);
    expect(offeredTools(server.requests[1])).toEqual([]);
    expect(ofType(events, 'tool-call-end').map((event) => event.result)).toEqual(['Bees dance.', 'A poem on dancing bees.']);
    // Each worker step sits inside its delegate call.
    const types = events.map((event) => event.type);
    expect(types.indexOf('tool-call-start')).toBeLessThan(types.indexOf('step-start', 2));
    expect(events.at(-1)).toMatchObject({ type: 'run-end', output: 'Final: A poem on dancing bees.' });
    server.assertScriptDone();
  });

  it('uses a built-in supervisor when no agent may delegate, and reports unknown workers to it', async () => {
    const spec = makeSpec({ pattern: 'supervisor', agents: workers, tasks });
    const server = await start({
      script: [
        { reply: { toolCalls: [{ id: 'd1', name: 'delegate', arguments: { agent: 'ghost', task: 'Boo' } }] } },
        { expect: { toolResultFor: 'd1' }, reply: { toolCalls: [{ id: 'd2', name: 'delegate', arguments: { agent: 'writer', task: 'Write it' } }] } },
        { expect: { lastUserMessage: 'Write it' }, reply: { text: 'Written.' } },
        { expect: { toolResultFor: 'd2' }, reply: { text: 'All done.' } },
      ],
    });
    const events = await collectRun({ spec, model: modelFor(server), input: 'x' });
    expect(stepOrder(events)).toEqual(['supervisor', 'writer']);
    expect(systemPrompts(server.requests)[0]).toMatch(/^You are the supervisor of this team\.[\s\S]*- researcher: Researcher[\s\S]*- writer: Writer/);
    expect(lastUserText(server.requests[0])).toContain('Tasks:\n1. Research');
    expect(ofType(events, 'tool-call-end')[0]).toMatchObject({ isError: true, result: expect.stringContaining('no worker "ghost"') });
    server.assertScriptDone();
  });
});
