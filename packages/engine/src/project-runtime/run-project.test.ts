// A generated ReAct project run for real through runProject: its venv from PyPI (openai), the
// loopback OpenAI-compatible server as its model, every relayed event schema-checked.
import type { RunEvent } from '@agent-generator/contracts';
import { renderProject } from '@agent-generator/renderers';
import { createLoopbackModelServer, type LoopbackModelServer, type LoopbackModelServerOptions, type ParsedChatRequest, type ScriptReply } from '@agent-generator/testing';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSpec } from '../../../renderers/src/test-fixtures';
import { ensureProjectVenv } from './ensure-project-venv';
import { collectEvents, lastEvent, testVenvCacheDir } from './project-runtime.test-support';
import { runProject } from './run-project';

const files = renderProject(fixtureSpec({ framework: 'react', pattern: 'react', tools: ['calculator'] })).files;
const venvCacheDir = testVenvCacheDir();
const servers: LoopbackModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function loopback(options: LoopbackModelServerOptions): Promise<LoopbackModelServer> {
  const server = await createLoopbackModelServer(options);
  servers.push(server);
  return server;
}

function run(server: LoopbackModelServer, options: { input: string; apiKey?: string; signal?: AbortSignal }): AsyncGenerator<RunEvent, void, undefined> {
  return runProject({ files, input: options.input, model: { provider: 'openai-compatible', id: 'loopback-model', baseUrl: server.url, apiKey: options.apiKey ?? 'sk-loopback-good-key' }, runId: 'run_project_test', venvCacheDir, timeoutMs: 120_000, ...(options.signal === undefined ? {} : { signal: options.signal }) });
}

/** A calculator call first, the answer once the tool result is back. */
function toolThenAnswer(request: ParsedChatRequest): ScriptReply {
  return request.messages.at(-1)?.role === 'tool' ? { text: 'Final Answer: The product is 42.' } : { toolCalls: [{ name: 'calculator', arguments: { expression: '6*7' } }] };
}

describe.skipIf(process.env.AG_SKIP_PYTHON === '1')('runProject with a generated ReAct project', () => {
  beforeAll(async () => {
    await ensureProjectVenv({ files, cacheDir: venvCacheDir });
  }, 900_000);

  it('relays the run in order: run-start, the agent step, the real calculator call, usage, run-end with the answer', async () => {
    const server = await loopback({ respond: toolThenAnswer, apiKey: 'sk-loopback-good-key' });
    const events = await collectEvents(run(server, { input: 'graph neural networks' }), { runId: 'run_project_test' });
    const types = events.map((event) => event.type);
    expect(types[0]).toBe('run-start');
    expect(events[0]).toMatchObject({ project: 'paper-digest', framework: 'react', pattern: 'react', input: 'graph neural networks' });
    const start = types.indexOf('tool-call-start');
    const end = types.indexOf('tool-call-end');
    expect(types.indexOf('step-start')).toBeLessThan(start);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    expect(events[start]).toMatchObject({ tool: 'calculator', arguments: { expression: '6*7' } });
    expect(events[end]).toMatchObject({ tool: 'calculator', isError: false });
    expect(String((events[end] as Extract<RunEvent, { type: 'tool-call-end' }>).result)).toContain('42');
    expect(events.filter((event) => event.type === 'usage').length).toBeGreaterThanOrEqual(2);
    expect(lastEvent(events)).toMatchObject({ type: 'run-end', status: 'succeeded', output: 'The product is 42.' });
    // The calculator's result reached the model.
    expect(JSON.stringify(server.requests.at(-1)?.body)).toContain('42');
  }, 300_000);

  it('Stop while the model is thinking ends the run as cancelled', async () => {
    const server = await loopback({ respond: () => ({ text: 'too late', delayMs: 120_000 }) });
    const controller = new AbortController();
    const events = await collectEvents(run(server, { input: 'topic', signal: controller.signal }), {
      runId: 'run_project_test',
      onEvent: (event) => {
        if (event.type === 'step-start') controller.abort();
      },
    });
    expect(lastEvent(events)).toMatchObject({ type: 'run-end', status: 'cancelled' });
    expect(events.some((event) => event.type === 'text-delta')).toBe(false);
  }, 300_000);

  it('a wrong API key ends in a run-error that names the problem and never shows the key', async () => {
    const server = await loopback({ respond: toolThenAnswer, apiKey: 'sk-loopback-good-key' });
    const wrongKey = 'sk-wrong-key-0123456789';
    const events = await collectEvents(run(server, { input: 'topic', apiKey: wrongKey }), { runId: 'run_project_test' });
    const end = lastEvent(events);
    expect(end.type).toBe('run-error');
    expect(end.type === 'run-error' ? end.message : '').toMatch(/401|API key/i);
    expect(JSON.stringify(events)).not.toContain(wrongKey);
    // The project did reach the model (which refused the key); the recorder masks credentials itself.
    expect(server.requests.filter((request) => request.path === '/v1/chat/completions').length).toBeGreaterThan(0);
  }, 300_000);

  it('hostile input text reaches the model as text, never through a shell', async () => {
    const server = await loopback({ respond: () => ({ text: 'Final Answer: noted' }) });
    const hostile = `-rf "quoted" 'single'\nnext $(rm -rf /) \`id\`; echo pwned && --events`;
    const events = await collectEvents(run(server, { input: hostile }), { runId: 'run_project_test' });
    expect(events[0]).toMatchObject({ type: 'run-start', input: hostile });
    expect(lastEvent(events)).toMatchObject({ type: 'run-end', status: 'succeeded', output: 'noted' });
    expect(JSON.stringify(server.requests[0]?.body)).toContain(JSON.stringify(hostile).slice(1, -1));
  }, 300_000);
});
