// Generated projects emit live RunEvents and serve themselves, run for real: a project with a
// stand-in framework (an openai-SDK loop using the events hooks) runs `run --events` against the
// loopback model server, every JSONL line is checked against the RunEvent JSON Schema, and `serve`
// is called with the OpenAI Python SDK, the MCP SDK client and the A2A SDK client.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FileTree, RunEvent } from '@agent-generator/contracts';
import { RunEventSchema, runEventJsonSchema } from '@agent-generator/contracts';
import { createLoopbackModelServer, type LoopbackModelServer, type ParsedChatRequest, type ScriptReply } from '@agent-generator/testing';
import { Ajv2020 } from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPythonProject } from '../../packages/renderers/src/shared/python-project';
import { langgraphRenderer } from '../../packages/renderers/src/langgraph/langgraph.renderer';
import { fixtureSpec } from '../../packages/renderers/src/test-fixtures';
import { ensureVenv, projectRequirements, runInVenv } from './support/python-venv';
import { PROTOCOL_CLIENTS_PY, STREAMING_MAIN_PY } from './support/serve-python-sources';

const CLIENT_REQUIREMENTS = ['mcp>=2.3,<3', 'a2a-sdk>=1.3,<2', 'httpx>=0.28,<1'];
const root = mkdtempSync(join(tmpdir(), 'serve-events-'));
const validate = new Ajv2020({ strict: false }).compile(runEventJsonSchema());

function writeProject(name: string, files: FileTree): string {
  const dir = join(root, name);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  mkdirSync(join(dir, 'workspace'), { recursive: true });
  return dir;
}

function render(): FileTree {
  const spec = fixtureSpec({ framework: 'react', pattern: 'react', tools: ['calculator', 'file_write'] });
  return renderPythonProject({
    spec,
    frameworkLabel: 'Plain OpenAI SDK',
    dependencies: ['openai>=1.50,<3'],
    files: [{ path: 'src/paper_digest/main.py', content: STREAMING_MAIN_PY }],
    readme: { overview: 'A hand-written agent loop used to test events and serve mode.', layout: [] },
  });
}

/** Parses JSONL, checks each line against the JSON Schema and zod, then the order rules of one run. */
function checkRun(lines: ReadonlyArray<RunEvent>): void {
  expect(lines[0]?.type).toBe('run-start');
  expect(['run-end', 'run-error']).toContain(lines.at(-1)?.type);
  expect(lines.map((event) => event.seq)).toEqual(lines.map((_, index) => index));
  expect(new Set(lines.map((event) => event.runId)).size).toBe(1);
  const open = new Map<string, string>();
  for (const event of lines) {
    if (event.type === 'tool-call-start') open.set(event.callId, event.tool);
    if (event.type === 'tool-call-end') {
      expect(open.get(event.callId)).toBe(event.tool);
      open.delete(event.callId);
    }
  }
  expect(open.size).toBe(0);
}

function parseEvents(stdout: string): RunEvent[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const value: unknown = JSON.parse(line);
      if (!validate(value)) throw new Error(`not a RunEvent: ${line}\n${JSON.stringify(validate.errors)}`);
      return RunEventSchema.parse(value);
    });
}

function modelEnv(server: LoopbackModelServer, cwd: string): Record<string, string> {
  return { MODEL_PROVIDER: 'openai-compatible', MODEL_ID: 'loopback-model', OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'test', WORKSPACE_DIR: join(cwd, 'workspace'), AGENT_EVENTS: '', AGENT_EVENTS_FILE: '' };
}

/** A calculator call while the calculator is offered and unanswered, else the answer. */
function toolThenAnswer(request: ParsedChatRequest): ScriptReply {
  const offered = request.tools.some((tool) => tool.name === 'calculator');
  return offered && request.messages.at(-1)?.role !== 'tool' ? { toolCalls: [{ name: 'calculator', arguments: { expression: '6*7' } }] } : { text: 'Thought: done\nFinal Answer: The product is 42.' };
}

interface ClientReport {
  readonly openai: { readonly models: string[]; readonly answer: string; readonly streamed: string; readonly reasoning: string; readonly finish: string; readonly usage: { readonly total_tokens: number } };
  readonly mcp: { readonly protocol: string; readonly tools: string[]; readonly isError: boolean; readonly text: string; readonly schema: unknown };
  readonly a2a: Record<'blocking' | 'streaming', { readonly kinds: string[]; readonly state: string; readonly answer: string }>;
}

/** Serves the project, calls it with the three SDK clients (from the clients venv), returns their report and the served events. */
async function callServed(options: { venv: string; clientVenv: string; cwd: string; model: LoopbackModelServer }): Promise<{ report: ClientReport; events: RunEvent[] }> {
  const served = await startServe({ venv: options.venv, cwd: options.cwd, env: { ...modelEnv(options.model, options.cwd), AGENT_EVENTS: 'jsonl' } });
  try {
    const result = await runInVenv({ venv: options.clientVenv, cwd: options.cwd, args: ['clients', served.base, 'paper-digest'], env: { PYTHONPATH: join(root, 'clients') } });
    return { report: JSON.parse(result.stdout) as ClientReport, events: parseEvents(served.stdout()) };
  } finally {
    served.child.kill('SIGINT');
  }
}

/** Events of several runs, grouped by run id, each checked as one run. */
function checkRuns(events: ReadonlyArray<RunEvent>): number {
  const runs = new Map<string, RunEvent[]>();
  for (const event of events) runs.set(event.runId, [...(runs.get(event.runId) ?? []), event]);
  for (const lines of runs.values()) checkRun(lines);
  return runs.size;
}

async function startServe(options: { venv: string; cwd: string; env: Record<string, string> }): Promise<{ child: ChildProcess; base: string; stdout: () => string }> {
  const env = { ...process.env, ...options.env, PYTHONPATH: join(options.cwd, 'src'), PYTHONDONTWRITEBYTECODE: '1' };
  const child = spawn(join(options.venv, 'bin', 'python'), ['-m', 'paper_digest', 'serve', '--port', '0'], { cwd: options.cwd, env });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const base = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const match = /serving paper-digest on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${String(code)}: ${stderr}`)));
  });
  return { child, base, stdout: () => stdout };
}

beforeAll(() => {
  mkdirSync(join(root, 'clients'), { recursive: true });
  writeFileSync(join(root, 'clients', 'clients.py'), PROTOCOL_CLIENTS_PY);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(process.env.AG_SKIP_PYTHON === '1')('live events and serve mode of a generated project', () => {
  let venv = '';
  let dir = '';

  beforeAll(async () => {
    dir = writeProject('project', render());
    venv = await ensureVenv([...projectRequirements(dir), ...CLIENT_REQUIREMENTS]);
  });

  it('the generated tests of events and serve mode pass against the stand-in framework', async () => {
    const result = await runInVenv({ venv, cwd: dir, args: ['pytest', '-q', '-p', 'no:cacheprovider', '-rA', 'tests/test_events.py', 'tests/test_serve.py'] });
    const last = result.stdout.trim().split('\n').at(-1) ?? '';
    expect(last).toMatch(/^9 passed/);
    expect(result.stdout).toContain('PASSED tests/test_events.py::test_run_with_events_writes_the_run_event_protocol');
    expect(result.stdout).toContain('PASSED tests/test_serve.py::test_mcp_session_tool_list_and_call');
  }, 600_000);

  it('run --events prints only RunEvent lines on stdout, in protocol order, and the answer on stderr', async () => {
    const server = await createLoopbackModelServer({
      script: [
        { label: 'tool call', expect: { toolsOffered: ['calculator', 'file_write'], stream: true }, reply: { toolCalls: [{ name: 'calculator', arguments: { expression: '6*7' } }] } },
        { label: 'answer', expect: { toolResultFor: 'call_1', stream: true }, reply: { text: 'Thought: done\nFinal Answer: The product is 42.' } },
      ],
    });
    try {
      const result = await runInVenv({ venv, cwd: dir, args: ['paper_digest', 'run', '--events', 'graph agents'], env: modelEnv(server, dir) });
      server.assertScriptDone();
      const lines = parseEvents(result.stdout);
      checkRun(lines);
      expect(result.stderr).toContain('The product is 42.');
      expect(lines[0]).toMatchObject({ type: 'run-start', project: 'paper-digest', framework: 'react', pattern: 'react', input: 'graph agents' });
      expect(lines.map((event) => event.type)).toEqual(expect.arrayContaining(['step-start', 'tool-call-start', 'tool-call-end', 'usage', 'text-delta', 'step-end']));
      expect(lines.find((event) => event.type === 'tool-call-start')).toMatchObject({ tool: 'calculator', arguments: { expression: '6*7' }, stepId: 'agent' });
      expect(lines.find((event) => event.type === 'tool-call-end')).toMatchObject({ tool: 'calculator', result: '42', isError: false });
      const text = lines.flatMap((event) => (event.type === 'text-delta' ? [event.delta] : [])).join('');
      expect(text).toBe('Thought: done\nFinal Answer: The product is 42.');
      expect(lines.at(-1)).toMatchObject({ type: 'run-end', status: 'succeeded', output: 'The product is 42.' });
      const toolMessage = JSON.stringify(server.requests[1]?.body);
      expect(toolMessage).toContain('"role":"tool"');
      expect(toolMessage).toContain('"content":"42"');
    } finally {
      await server.close();
    }
  }, 600_000);

  it('a failing model ends the event stream with run-error and the command with exit code 1', async () => {
    const server = await createLoopbackModelServer({ script: [{ reply: { error: { status: 500, message: 'the model fell over' } } }] });
    try {
      const failure = await runInVenv({ venv, cwd: dir, args: ['paper_digest', 'run', '--events', 'x'], env: modelEnv(server, dir) }).catch((error: { code: number; stdout: string; stderr: string }) => error);
      expect(failure).toMatchObject({ code: 1 });
      const lines = parseEvents(failure.stdout);
      checkRun(lines);
      expect(lines.at(-1)).toMatchObject({ type: 'run-error', code: 'agent_failed' });
      expect(lines.map((event) => event.type)).toEqual(['run-start', 'step-start', 'step-end', 'run-error']);
      expect(failure.stderr).toMatch(/^error: .*the model fell over/m);
    } finally {
      await server.close();
    }
  }, 600_000);

  it('serve answers the OpenAI SDK, the MCP client and the A2A client, and logs each run as RunEvents', async () => {
    const model = await createLoopbackModelServer({ respond: toolThenAnswer });
    try {
      const { report, events } = await callServed({ venv, clientVenv: venv, cwd: dir, model });
      expect(report.openai).toMatchObject({ models: ['paper-digest'], answer: 'The product is 42.', streamed: 'The product is 42.', finish: 'stop' });
      expect(report.openai.reasoning).toBe('Thought: done\nFinal Answer: The product is 42.');
      expect(report.openai.usage.total_tokens).toBeGreaterThan(0);
      expect(report.mcp).toMatchObject({ protocol: '2025-11-25', tools: ['paper-digest'], isError: false, text: 'The product is 42.' });
      expect(report.mcp.schema).toMatchObject({ type: 'object', properties: { topic: { type: 'string', default: 'multi-agent systems' } } });
      expect(report.a2a.blocking).toEqual({ kinds: ['task'], state: 'TASK_STATE_COMPLETED', answer: 'The product is 42.' });
      expect(report.a2a.streaming).toEqual({ kinds: ['task', 'status_update', 'status_update', 'artifact_update', 'status_update'], state: 'TASK_STATE_COMPLETED', answer: 'The product is 42.' });
      expect(checkRuns(events)).toBe(5); // two chat completions, one MCP tool call, two A2A messages
      expect(model.requests.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(10);
    } finally {
      await model.close();
    }
  }, 600_000);
});

// A real framework: the LangGraph renderer's own project, in its own venv (the one its project test
// builds), with its tools reported through the shared wrapper and served to the same clients.
describe.skipIf(process.env.AG_SKIP_PYTHON === '1')('live events and serve mode of a LangGraph project', () => {
  let venv = '';
  let clientVenv = '';
  let dir = '';

  beforeAll(async () => {
    dir = writeProject('langgraph', langgraphRenderer.render(fixtureSpec({ framework: 'langgraph', pattern: 'sequential' })));
    venv = await ensureVenv(projectRequirements(dir));
    clientVenv = await ensureVenv([...projectRequirements(writeProject('clients-project', render())), ...CLIENT_REQUIREMENTS]);
  });

  it('run --events reports the real tool calls of the graph as valid RunEvents', async () => {
    const model = await createLoopbackModelServer({ respond: toolThenAnswer });
    try {
      const result = await runInVenv({ venv, cwd: dir, args: ['paper_digest', 'run', '--events', 'graph agents'], env: modelEnv(model, dir) });
      const lines = parseEvents(result.stdout);
      checkRun(lines);
      expect(lines[0]).toMatchObject({ type: 'run-start', project: 'paper-digest', framework: 'langgraph', pattern: 'sequential', input: 'graph agents' });
      const calls = lines.filter((event) => event.type === 'tool-call-end');
      expect(calls.length).toBeGreaterThanOrEqual(1);
      for (const call of calls) expect(call).toMatchObject({ tool: 'calculator', result: '42', isError: false });
      const end = lines.at(-1);
      expect(end?.type === 'run-end' && end.output !== undefined && result.stderr.includes(end.output)).toBe(true);
    } finally {
      await model.close();
    }
  }, 900_000);

  it('serve answers the OpenAI SDK, the MCP client and the A2A client', async () => {
    const model = await createLoopbackModelServer({ respond: toolThenAnswer });
    try {
      const { report, events } = await callServed({ venv, clientVenv, cwd: dir, model });
      expect(report.openai.models).toEqual(['paper-digest']);
      for (const answer of [report.openai.answer, report.openai.streamed, report.mcp.text, report.a2a.blocking.answer, report.a2a.streaming.answer]) expect(answer).toContain('The product is 42.');
      expect([report.mcp.isError, report.a2a.blocking.state, report.a2a.streaming.state]).toEqual([false, 'TASK_STATE_COMPLETED', 'TASK_STATE_COMPLETED']);
      expect(checkRuns(events)).toBe(5);
      expect(events.filter((event) => event.type === 'tool-call-start').length).toBeGreaterThanOrEqual(5);
    } finally {
      await model.close();
    }
  }, 900_000);
});
