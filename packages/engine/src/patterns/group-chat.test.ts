import { describe, expect, it } from 'vitest';
import { collectRun, makeSpec, modelFor, stepOrder, useLoopback } from '../run-harness.test-support';
import { lastUserText } from './recorded-requests.test-support';

const start = useLoopback();

const spec = makeSpec({
  pattern: 'group-chat',
  agents: [
    { id: 'alice', role: 'Optimist', goal: 'Propose', backstory: '' },
    { id: 'bob', role: 'Critic', goal: 'Critique', backstory: '' },
    { id: 'carol', role: 'Judge', goal: 'Decide', backstory: '' },
  ],
  tasks: [{ id: 'decide', description: 'Pick a name', expectedOutput: 'A name', agent: 'alice' }],
});

describe('group chat pattern', () => {
  it('lets the agents speak in turn and stops at the termination phrase', async () => {
    const server = await start({
      script: [
        { label: 'alice', expect: { lastUserMessage: /You speak first\.\n\nIt is your turn, alice\.$/ }, reply: { text: 'Call it Nimbus.' } },
        { label: 'bob', expect: { lastUserMessage: /\[alice\]: Call it Nimbus\.\n\nIt is your turn, bob\.$/ }, reply: { text: 'Too vague; Nimbus Cloud.' } },
        { label: 'carol', expect: { lastUserMessage: /\[bob\]: Too vague; Nimbus Cloud\./ }, reply: { text: 'Nimbus Cloud it is. TERMINATE' } },
      ],
    });
    const events = await collectRun({ spec, model: modelFor(server), input: 'a weather app' });
    expect(stepOrder(events)).toEqual(['alice', 'bob', 'carol']);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'succeeded', output: 'Nimbus Cloud it is.' });
    server.assertScriptDone();
  });

  it('ends after the round limit when nobody terminates', async () => {
    const server = await start({ respond: (request) => ({ text: `turn ${request.messages.length}` }) });
    const events = await collectRun({ spec, model: modelFor(server), input: 'x', groupChat: { maxRounds: 2, terminationPhrase: 'DONE!' } });
    expect(stepOrder(events)).toEqual(['alice', 'bob', 'carol', 'alice', 'bob', 'carol']);
    expect(lastUserText(server.requests[3])).toContain('[carol]:');
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'succeeded' });
  });
});
