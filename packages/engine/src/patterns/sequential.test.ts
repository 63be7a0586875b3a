import { describe, expect, it } from 'vitest';
import { collectRun, makeSpec, modelFor, stepOrder, useLoopback } from '../run-harness.test-support';
import { lastUserText, systemPrompts } from './recorded-requests.test-support';

const start = useLoopback();

const spec = makeSpec({
  pattern: 'sequential',
  agents: [
    { id: 'researcher', role: 'Senior researcher', goal: 'Find facts', backstory: '' },
    { id: 'writer', role: 'Technical writer', goal: 'Write clearly', backstory: '' },
  ],
  tasks: [
    { id: 'research', description: 'Research the topic', expectedOutput: 'Facts', agent: 'researcher' },
    { id: 'write', description: 'Write the article', expectedOutput: 'An article', agent: 'writer', context: ['research'] },
    { id: 'review', description: 'Review the article', expectedOutput: 'A verdict', agent: 'researcher' },
  ],
});

describe('sequential pattern', () => {
  it('runs the tasks in order, each agent receiving the output it depends on', async () => {
    const server = await start({
      script: [
        { label: 'research', expect: { lastUserMessage: /^Task: Research the topic[\s\S]*Input: octopuses$/ }, reply: { text: 'Octopuses have three hearts.' } },
        { label: 'write', expect: { lastUserMessage: /Task: Write the article[\s\S]*"research":\nOctopuses have three hearts\./ }, reply: { text: 'Draft about hearts.' } },
        { label: 'review (previous output)', expect: { lastUserMessage: /Task: Review the article[\s\S]*"write":\nDraft about hearts\./ }, reply: { text: 'Approved.' } },
      ],
    });
    const events = await collectRun({ spec, model: modelFor(server), input: 'octopuses' });
    expect(stepOrder(events)).toEqual(['research@researcher', 'write@writer', 'review@researcher']);
    expect(systemPrompts(server.requests).map((prompt) => prompt.split('\n')[0])).toEqual(['You are Senior researcher.', 'You are Technical writer.', 'You are Senior researcher.']);
    expect(lastUserText(server.requests[2])).not.toContain('Octopuses have three hearts');
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'succeeded', output: 'Approved.' });
    server.assertScriptDone();
  });
});
