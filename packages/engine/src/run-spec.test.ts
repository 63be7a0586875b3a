import { describe, expect, it } from 'vitest';
import { collectRun, makeSpec, modelFor, ofType, useLoopback } from './run-harness.test-support';

const start = useLoopback();

describe('runSpec: streaming and usage', () => {
  // Chunks spaced in time arrive on separate reads, so each is its own delta (a burst may be merged).
  it('streams the model tokens in order as text-delta events and ends with the answer', async () => {
    const server = await start({ script: [{ expect: { lastUserMessage: 'Input: the tides' }, reply: { text: 'Tides follow the moon, mostly.', deltaSize: 4, chunkDelayMs: 10 } }] });
    const events = await collectRun({ spec: makeSpec(), model: modelFor(server), input: 'the tides', runId: 'run-1' });

    const deltas = ofType(events, 'text-delta').map((event) => event.delta);
    expect(deltas).toEqual(['Tide', 's fo', 'llow', ' the', ' moo', 'n, m', 'ostl', 'y.']);
    expect(events.map((event) => event.type)).toEqual(['run-start', 'step-start', ...deltas.map(() => 'text-delta'), 'usage', 'step-end', 'run-end']);
    expect(events[0]).toMatchObject({ type: 'run-start', runId: 'run-1', project: 'test-team', framework: 'crewai', pattern: 'sequential', input: 'the tides' });
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'succeeded', output: 'Tides follow the moon, mostly.' });
    server.assertScriptDone();
  });

  it("names on run-start the tools the spec offers, in the spec's order, whatever the person left on", async () => {
    const server = await start({ script: [{ reply: { text: 'ok' } }] });
    const spec = makeSpec({
      tools: [{ id: 'file_read' }, { id: 'calculator' }, { id: 'slack_post' }, { id: 'web_search' }],
      agents: [{ id: 'researcher', role: 'Researcher', goal: 'Find facts', backstory: 'Curious.', tools: ['web_search', 'calculator', 'file_read'] }],
    });
    const events = await collectRun({ spec, model: modelFor(server), input: 'hi', enabledTools: ['calculator'] });
    // slack_post is listed but no agent uses it, so the run never offers it.
    expect(ofType(events, 'run-start')[0]?.tools).toEqual(['file_read', 'calculator', 'web_search']);
    const bare = await collectRun({ spec: makeSpec(), model: modelFor(await start({ script: [{ reply: { text: 'ok' } }] })), input: 'hi' });
    expect(ofType(bare, 'run-start')[0]?.tools).toEqual([]);
  });

  it('reports usage per model call with the cost from the catalog price when the model is known', async () => {
    const server = await start({ script: [{ expect: { model: 'gpt-4o-mini' }, reply: { text: 'Hello, world!' } }] });
    const events = await collectRun({ spec: makeSpec(), model: modelFor(server, { provider: 'openai', model: 'gpt-4o-mini' }), input: 'hi' });
    const [usage] = ofType(events, 'usage');
    // completion: "Hello , world !" = 4 tokens by the loopback tokenizer
    expect(usage).toMatchObject({ outputTokens: 4, model: 'gpt-4o-mini' });
    expect(usage?.inputTokens).toBeGreaterThan(10);
    expect(usage?.costUsd).toBeCloseTo(((usage?.inputTokens ?? 0) * 0.15 + 4 * 0.6) / 1_000_000, 12);
  });

  it('leaves the cost out when the catalog has no price for the model', async () => {
    const server = await start({ script: [{ reply: { text: 'ok' } }] });
    const events = await collectRun({ spec: makeSpec(), model: modelFor(server), input: 'hi' });
    expect(ofType(events, 'usage')[0]).not.toHaveProperty('costUsd');
  });
});

describe('runSpec: provider errors become a run-error a user understands', () => {
  it('401: says the key was rejected', async () => {
    const server = await start({ apiKey: 'sk-right', script: [{ reply: { text: 'never' } }] });
    const events = await collectRun({ spec: makeSpec(), model: modelFor(server, { apiKey: 'sk-wrong' }), input: 'hi' });
    const last = events.at(-1);
    expect(last).toMatchObject({ type: 'run-error', code: 'unauthenticated' });
    expect(last).toHaveProperty('message', expect.stringMatching(/rejected .*\(401\)/));
    expect(JSON.stringify(events)).not.toContain('sk-wrong');
  });

  it('429: says to wait', async () => {
    const server = await start({ script: [{ reply: { error: { status: 429, retryAfter: 1 } } }] });
    const events = await collectRun({ spec: makeSpec(), model: modelFor(server), input: 'hi' });
    expect(events.at(-1)).toMatchObject({ type: 'run-error', code: 'rate_limited', message: expect.stringMatching(/rate-limiting requests \(429\)/) });
  });

  it('500: says the provider failed and to try again', async () => {
    const server = await start({ script: [{ reply: { error: { status: 500, message: 'boom' } } }] });
    const events = await collectRun({ spec: makeSpec(), model: modelFor(server), input: 'hi' });
    expect(events.at(-1)).toMatchObject({ type: 'run-error', code: 'unavailable', message: expect.stringMatching(/server error \(500\)\. Try again/) });
  });

  it('a provider that does not answer in time', async () => {
    const server = await start({ script: [{ reply: { text: 'too late', delayMs: 3_000 } }] });
    const events = await collectRun({ spec: makeSpec(), model: modelFor(server, { timeoutMs: 200 }), input: 'hi' });
    expect(events.at(-1)).toMatchObject({ type: 'run-error', code: 'unavailable', message: expect.stringMatching(/did not answer within 0\.2 s/) });
  });
});

describe('runSpec: options it refuses', () => {
  it('refuses a run id that cannot name a sandbox folder', async () => {
    const server = await start({ script: [] });
    const events = await collectRun({ spec: makeSpec(), model: modelFor(server), input: 'hi', runId: '../escape' });
    expect(events.at(-1)).toMatchObject({ type: 'run-error', code: 'invalid_input' });
    expect(server.requests).toHaveLength(0);
  });

  it('refuses Ask mode without an approvals object', async () => {
    const server = await start({ script: [] });
    const events = await collectRun({ spec: makeSpec(), model: modelFor(server), input: 'hi', permissionMode: 'ask' });
    expect(events.at(-1)).toMatchObject({ type: 'run-error', code: 'invalid_input', message: expect.stringContaining('createApprovals') });
  });
});
