import { describe, expect, it } from 'vitest';
import { collectRun, makeSpec, modelFor, ofType, stepOrder, useLoopback } from '../run-harness.test-support';
import { lastUserText } from './recorded-requests.test-support';

const start = useLoopback();

const agents = [
  { id: 'planner', role: 'Planner', goal: 'Plan', backstory: '' },
  { id: 'builder', role: 'Builder', goal: 'Build', backstory: '' },
];

describe('graph pattern', () => {
  it('runs the dependency graph wave by wave, each node seeing only its own inputs', async () => {
    const spec = makeSpec({
      pattern: 'graph',
      agents,
      tasks: [
        { id: 'outline', description: 'Outline the plan', expectedOutput: 'An outline', agent: 'planner' },
        { id: 'build', description: 'Build from the outline', expectedOutput: 'A build', agent: 'builder', context: ['outline'] },
        { id: 'budget', description: 'Estimate the budget', expectedOutput: 'A budget', agent: 'planner' },
        { id: 'report', description: 'Report on build and budget', expectedOutput: 'A report', agent: 'builder', context: ['build', 'budget'] },
      ],
    });
    const server = await start({
      respond: (request) => {
        const prompt = request.messages.findLast((message) => message.role === 'user')?.content ?? '';
        return { text: `output of ${/^Task: (\w+)/.exec(prompt)?.[1] ?? '?'}` };
      },
    });
    const events = await collectRun({ spec, model: modelFor(server), input: 'a shed' });
    // Wave 0: outline and budget (no dependencies); wave 1: build; wave 2: report.
    expect(stepOrder(events)).toEqual(['outline@planner', 'budget@planner', 'build@builder', 'report@builder']);
    expect(lastUserText(server.requests[1])).not.toContain('output of Outline');
    expect(lastUserText(server.requests[3])).toMatch(/"build":\noutput of Build[\s\S]*"budget":\noutput of Estimate/);
    expect(lastUserText(server.requests[3])).not.toContain('output of Outline');
    expect(events.at(-1)).toMatchObject({ type: 'run-end', output: 'output of Report' });
  });

  it('joins the outputs of several end nodes', async () => {
    const spec = makeSpec({
      pattern: 'graph',
      agents,
      tasks: [
        { id: 'left', description: 'Left branch', expectedOutput: 'L', agent: 'planner' },
        { id: 'right', description: 'Right branch', expectedOutput: 'R', agent: 'builder' },
      ],
    });
    const server = await start({ script: [{ reply: { text: 'L!' } }, { reply: { text: 'R!' } }] });
    const events = await collectRun({ spec, model: modelFor(server), input: 'x' });
    expect(ofType(events, 'run-end')[0]?.output).toBe('## left\n\nL!\n\n## right\n\nR!');
  });
});
