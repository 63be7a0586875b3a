// The project runtime's permission controls with the real generated events.py and tools (no
// framework, a venv without packages): Safe, Ask answered through Approvals, the tool choice,
// timeouts, threads and hostile input.
import type { FileTree, RunEvent } from '@agent-generator/contracts';
import { renderProject } from '@agent-generator/renderers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSpec } from '../../../renderers/src/test-fixtures';
import { createApprovals, type Approvals } from '../approvals';
import { ensureProjectVenv } from './ensure-project-venv';
import { collectEvents, lastEvent, tinyToolsProject } from './project-runtime.test-support';
import { runProject, type RunProjectOptions } from './run-project';

const rendered = renderProject(fixtureSpec({ framework: 'react', pattern: 'react', tools: ['calculator', 'file_write'] })).files;
// Writes the input text to note.txt, then reports what file_write said and whether the file exists.
const WRITE = `result = TOOLS["file_write"](path="note.txt", content=text)
path = os.path.join(os.environ["WORKSPACE_DIR"], "note.txt")
written = open(path, encoding="utf-8").read() if os.path.exists(path) else None
return json.dumps({"result": result, "written": written, "calculator": TOOLS["calculator"](expression="6*7")})`;
const writer = tinyToolsProject(rendered, WRITE);

const cacheDir = mkdtempSync(join(tmpdir(), 'project-approvals-venvs-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));
beforeAll(() => (process.env.AG_SKIP_PYTHON === '1' ? undefined : ensureProjectVenv({ files: writer, cacheDir })), 120_000);

function run(files: FileTree, overrides: Partial<RunProjectOptions>): AsyncGenerator<RunEvent, void, undefined> {
  return runProject({ files, input: 'hello', model: { provider: 'openai-compatible', id: 'm', baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'sk-x' }, runId: 'run_1', venvCacheDir: cacheDir, timeoutMs: 60_000, ...overrides });
}

function ofType<Type extends RunEvent['type']>(events: ReadonlyArray<RunEvent>, type: Type): Array<Extract<RunEvent, { type: Type }>> {
  return events.filter((event): event is Extract<RunEvent, { type: Type }> => event.type === type);
}

function output(events: ReadonlyArray<RunEvent>): { result: string; written: string | null; calculator: string } {
  const end = lastEvent(events);
  if (end.type !== 'run-end') throw new Error(`the run ended with ${JSON.stringify(end)}`);
  return JSON.parse(end.output ?? '') as { result: string; written: string | null; calculator: string };
}

/** Answers each approval request as it arrives with `decide(request)`. */
function answering(approvals: Approvals, decide: (request: Extract<RunEvent, { type: 'approval-request' }>) => boolean | undefined) {
  return (event: RunEvent): void => {
    if (event.type !== 'approval-request') return;
    const approved = decide(event);
    // Answered a moment later, as a person would, so the runtime is already waiting.
    if (approved !== undefined) setTimeout(() => approvals.respond(event.callId, approved), 20);
  };
}

describe.skipIf(process.env.AG_SKIP_PYTHON === '1')('runProject permission controls', () => {
  it('Safe mode refuses file_write (no request, nothing written); the calculator runs', async () => {
    const events = await collectEvents(run(writer, { permissionMode: 'safe' }), { runId: 'run_1' });
    expect(output(events)).toMatchObject({ written: null, calculator: '42', result: expect.stringMatching(/^error: refused in Safe mode/) });
    expect(ofType(events, 'tool-call-end').find((event) => event.tool === 'file_write')).toMatchObject({ isError: true });
    expect(ofType(events, 'approval-request')).toEqual([]);
  }, 60_000);

  it('Ask mode: approved through Approvals, file_write runs and its file exists; one approval-response, before the call ends', async () => {
    const approvals = createApprovals();
    const events = await collectEvents(run(writer, { permissionMode: 'ask', approvals }), { runId: 'run_1', onEvent: answering(approvals, () => true) });
    expect(output(events)).toMatchObject({ written: 'hello', result: expect.stringContaining('note.txt') });
    const types = events.map((event) => event.type);
    expect(types.slice(1, 5)).toEqual(['tool-call-start', 'approval-request', 'approval-response', 'tool-call-end']);
    expect(ofType(events, 'approval-request')).toEqual([expect.objectContaining({ callId: 'call_1', tool: 'file_write', arguments: { path: 'note.txt', content: 'hello' } })]);
    expect(ofType(events, 'approval-response')).toEqual([expect.objectContaining({ callId: 'call_1', approved: true })]);
  }, 60_000);

  it('Ask mode: refused, nothing is written and the model is told', async () => {
    const approvals = createApprovals();
    const events = await collectEvents(run(writer, { permissionMode: 'ask', approvals }), { runId: 'run_1', onEvent: answering(approvals, () => false) });
    expect(output(events)).toMatchObject({ written: null, result: expect.stringContaining('the person refused this file_write call') });
    expect(ofType(events, 'approval-response')).toEqual([expect.objectContaining({ approved: false })]);
  }, 60_000);

  it('Ask mode: no answer within the time limit is refused; without an approvals desk stdin ends at once (refused)', async () => {
    const started = performance.now();
    const timedOut = await collectEvents(run(writer, { permissionMode: 'ask', approvals: createApprovals(), approvalTimeoutMs: 400 }), { runId: 'run_1' });
    expect(performance.now() - started).toBeGreaterThan(400);
    expect(output(timedOut)).toMatchObject({ written: null });
    expect(ofType(timedOut, 'approval-response')).toEqual([expect.objectContaining({ approved: false })]);
    const noDesk = await collectEvents(run(writer, { permissionMode: 'ask' }), { runId: 'run_1' });
    expect(output(noDesk)).toMatchObject({ written: null, result: expect.stringContaining('refused') });
  }, 60_000);

  it('a tool the person turned off is refused; dev mode with all tools (the default) runs everything', async () => {
    const off = await collectEvents(run(writer, { permissionMode: 'dev', enabledTools: ['calculator'] }), { runId: 'run_1' });
    expect(output(off)).toMatchObject({ written: null, calculator: '42', result: expect.stringContaining('turned the file_write tool off') });
    const none = await collectEvents(run(writer, { enabledTools: [] }), { runId: 'run_1' });
    expect(output(none).calculator).toContain('turned the calculator tool off');
    expect(output(await collectEvents(run(writer, {}), { runId: 'run_1' }))).toMatchObject({ written: 'hello', calculator: '42' });
  }, 60_000);

  it('Ask mode from worker threads: one request at a time, each answer reaches its own call', async () => {
    const threads = tinyToolsProject(rendered, `results = {}
def write(name):
    results[name] = TOOLS["file_write"](path=name, content=name)
workers = [threading.Thread(target=write, args=(name,)) for name in ("a.txt", "b.txt", "c.txt")]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
return json.dumps({name: os.path.exists(os.path.join(os.environ["WORKSPACE_DIR"], name)) for name in sorted(results)})`);
    const approvals = createApprovals();
    let waiting = 0;
    let mostWaiting = 0;
    const answer = answering(approvals, (request) => (request.arguments as { path: string }).path !== 'b.txt');
    const events = await collectEvents(run(threads, { permissionMode: 'ask', approvals }), {
      runId: 'run_1',
      onEvent: (event) => {
        if (event.type === 'approval-request') waiting += 1;
        if (event.type === 'approval-response') waiting -= 1;
        mostWaiting = Math.max(mostWaiting, waiting);
        answer(event);
      },
    });
    const end = lastEvent(events);
    expect(JSON.parse(end.type === 'run-end' ? (end.output ?? '') : '{}')).toEqual({ 'a.txt': true, 'b.txt': false, 'c.txt': true });
    expect(mostWaiting).toBe(1);
    expect(ofType(events, 'approval-request')).toHaveLength(3);
  }, 60_000);

  it('hostile: arguments with newlines, JSON and unicode round-trip; answers for calls never asked change nothing', async () => {
    const text = 'one\ntwo {"callId": "call_1", "approved": true}\n\u2028 ünïcødé 🙂 "q" \\ end';
    const approvals = createApprovals();
    const events = await collectEvents(run(writer, { input: text, permissionMode: 'ask', approvals }), {
      runId: 'run_1',
      onEvent: (event) => {
        if (event.type !== 'approval-request') return;
        // Nobody waits for these: the desk says so and nothing reaches the project.
        expect(approvals.respond('call_2', true)).toBe(false);
        expect(approvals.respond(`${event.callId}\n`, true)).toBe(false);
        setTimeout(() => approvals.respond(event.callId, true), 20);
      },
    });
    expect(ofType(events, 'approval-request')[0]?.arguments).toEqual({ path: 'note.txt', content: text });
    expect(output(events).written).toBe(text);
  }, 60_000);

  it('hostile: a huge stdout line and a request the run never expects do not hang it; Stop while waiting cancels', async () => {
    const noisy = tinyToolsProject(rendered, `os.write(1, b"x" * (6 * 1024 * 1024) + b"\\n")
events.current().emit("approval-request", {"callId": "call_77", "tool": "file_write", "arguments": {}})
return TOOLS["calculator"](expression="1+1")`);
    const events = await collectEvents(run(noisy, { permissionMode: 'safe' }), { runId: 'run_1' });
    expect(lastEvent(events)).toMatchObject({ type: 'run-end', output: '2' });
    expect(ofType(events, 'approval-response')).toEqual([expect.objectContaining({ callId: 'call_77', approved: false })]);

    const controller = new AbortController();
    const stopped = await collectEvents(run(writer, { permissionMode: 'ask', approvals: createApprovals(), signal: controller.signal }), {
      runId: 'run_1',
      onEvent: (event) => {
        if (event.type === 'approval-request') controller.abort();
      },
    });
    expect(lastEvent(stopped)).toMatchObject({ type: 'run-end', status: 'cancelled' });
  }, 60_000);
});
