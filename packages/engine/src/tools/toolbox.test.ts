// The run's enabled tools: the model is offered only those (the others are not in its tool list at
// all), a call to a left-out tool does not run it, and without enabledTools every tool of the spec is offered.
import { describe, expect, it } from 'vitest';
import { collectRun, makeSpec, modelFor, ofType, useLoopback } from '../run-harness.test-support';

const start = useLoopback();
const spec = makeSpec({
  tools: [{ id: 'calculator' }, { id: 'http_request' }],
  agents: [{ id: 'researcher', role: 'Researcher', goal: 'Find facts', backstory: '', tools: ['calculator', 'http_request'] }],
});

/** The tool names offered in each request the loopback server recorded. */
function offeredPerRequest(requests: ReadonlyArray<{ readonly body: unknown }>): string[][] {
  return requests.map((request) => ((request.body as { tools?: Array<{ function: { name: string } }> }).tools ?? []).map((tool) => tool.function.name));
}

describe('enabledTools', () => {
  it('offers the model only the enabled tools', async () => {
    const server = await start({ script: [{ reply: { text: 'ok' } }] });
    await collectRun({ spec, model: modelFor(server), input: 'hi', enabledTools: ['calculator'] });
    expect(offeredPerRequest(server.requests)).toEqual([['calculator']]);
    expect(JSON.stringify(server.requests[0]?.body)).not.toContain('http_request');
  });

  it('offers every tool of the spec when none are chosen, and no tool list when all are off', async () => {
    const server = await start({ script: [{ reply: { text: 'ok' } }, { reply: { text: 'ok' } }] });
    await collectRun({ spec, model: modelFor(server), input: 'hi' });
    await collectRun({ spec, model: modelFor(server), input: 'hi', enabledTools: [] });
    expect(offeredPerRequest(server.requests)).toEqual([['calculator', 'http_request'], []]);
  });

  it('ignores names the spec does not use', async () => {
    const server = await start({ script: [{ reply: { text: 'ok' } }] });
    await collectRun({ spec, model: modelFor(server), input: 'hi', enabledTools: ['http_request', 'web_search', 'no_such_tool'] });
    expect(offeredPerRequest(server.requests)).toEqual([['http_request']]);
  });

  it('does not run a left-out tool the model calls anyway: the model reads that there is no such tool', async () => {
    const server = await start({
      script: [
        { reply: { toolCalls: [{ id: 'call_http', name: 'http_request', arguments: { url: 'http://127.0.0.1:1/', method: 'GET' } }] } },
        { expect: { toolResultFor: 'call_http' }, reply: { text: 'I cannot.' } },
      ],
    });
    const events = await collectRun({ spec, model: modelFor(server), input: 'hi', enabledTools: ['calculator'], permissionMode: 'dev' });
    const [ended] = ofType(events, 'tool-call-end');
    expect(ended).toMatchObject({ callId: 'call_http', isError: true });
    expect(ended?.result).toMatch(/no tool "http_request"/);
    server.assertScriptDone();
  });
});
