import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FileTree, RunEvent } from '@agent-generator/contracts';
import { RunEventSchema } from '@agent-generator/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureSpec } from '../../test-fixtures';
import { renderPythonProject } from '../python-project';
import { projectContext } from './project-context';
import { toolsInitPy } from './tools-init-py';

// A stdlib-only stand-in for a framework: one step, one real tool call, usage and streamed text.
const STUB_MAIN = `"""Stub agents for the events tests."""
import contextvars
import threading

from . import events
from .tools import TOOLS


def branches():
    """Two branches on their own threads, each a task holding an agent that calls a tool while the
    other branch's agent step is the innermost open one; then a tool called from a plain thread."""
    a_open, b_called, a_called = threading.Event(), threading.Event(), threading.Event()

    def branch(name, expression):
        if name == "b":
            a_open.wait()
        events.step_start("task:" + name, "task", task=name)
        events.step_start("agent:" + name, "agent", agent=name)
        if name == "a":
            a_open.set()
            b_called.wait()  # agent:b, opened after agent:a, is now the innermost open step
        TOOLS["calculator"](expression=expression)
        if name == "b":
            b_called.set()
            a_called.wait()
        else:
            a_called.set()
        events.step_end("agent:" + name)
        events.step_end("task:" + name)

    threads = [threading.Thread(target=contextvars.copy_context().run, args=(branch, name, expression)) for name, expression in (("a", "1+1"), ("b", "2+2"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    events.step_start("task:c", "task", task="c")
    worker = threading.Thread(target=lambda: (events.step_start("agent:c", "agent", agent="c"), TOOLS["calculator"](expression="3+3"), events.step_end("agent:c")))
    worker.start()
    worker.join()
    TOOLS["calculator"](expression="4+4")
    events.step_end("task:c")
    return "done"


def run(inputs):
    if inputs["topic"] == "parallel":
        return branches()
    if inputs["topic"] == "fail":
        raise RuntimeError("the model is\\nunreachable")
    events.step_start("writer", "agent", agent="writer")
    result = TOOLS["calculator"](expression="6*7")
    TOOLS["calculator"](expression="1/0")
    events.usage(10, 3, model="stub")
    for piece in ("The ", "answer ", "is ", result):
        events.text_delta(piece)
    print("framework chatter on stdout")
    return "The answer is " + result
`;

const root = mkdtempSync(join(tmpdir(), 'events-py-'));

function writeProject(name: string, tree: FileTree): string {
  const dir = join(root, name);
  for (const file of tree) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

function project(): string {
  const spec = fixtureSpec({ framework: 'crewai', pattern: 'sequential', tools: ['calculator', 'file_write'] });
  const files = [{ path: 'src/paper_digest/main.py', content: STUB_MAIN }];
  return writeProject('stub', renderPythonProject({ spec, frameworkLabel: 'Stub', dependencies: [], files, readme: { overview: 'Stub.', layout: [] } }));
}

function runCli(dir: string, args: ReadonlyArray<string>, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('python3', ['-m', 'paper_digest', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, PYTHONPATH: join(dir, 'src'), PYTHONDONTWRITEBYTECODE: '1', AGENT_EVENTS: '', AGENT_EVENTS_FILE: '', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function events(jsonl: string): RunEvent[] {
  return jsonl.split('\n').filter(Boolean).map((line) => RunEventSchema.parse(JSON.parse(line)));
}

describe('events.py', () => {
  const dir = project();
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is off by default: the answer and the framework output on stdout, no events', () => {
    const result = runCli(dir, ['run', 'agents']);
    expect(result).toMatchObject({ status: 0, stdout: 'framework chatter on stdout\nThe answer is 42\n' });
  });

  it('with --events keeps stdout pure RunEvent JSONL and moves everything else to stderr', () => {
    const result = runCli(dir, ['run', '--events', 'agents']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('framework chatter on stdout\nThe answer is 42\n');
    const lines = events(result.stdout);
    expect(lines.map((event) => event.type)).toEqual(['run-start', 'step-start', 'tool-call-start', 'tool-call-end', 'tool-call-start', 'tool-call-end', 'usage', 'text-delta', 'text-delta', 'text-delta', 'text-delta', 'step-end', 'run-end']);
    expect(lines.map((event) => event.seq)).toEqual(lines.map((_, index) => index));
    expect(new Set(lines.map((event) => event.runId)).size).toBe(1);
    expect(lines[0]).toMatchObject({ project: 'paper-digest', framework: 'crewai', pattern: 'sequential', input: 'agents' });
    expect(lines[2]).toMatchObject({ callId: 'call_1', tool: 'calculator', arguments: { expression: '6*7' }, stepId: 'writer' });
    expect(lines[3]).toMatchObject({ callId: 'call_1', result: '42', isError: false });
    expect(lines[5]).toMatchObject({ callId: 'call_2', isError: true });
    expect(lines.at(-1)).toMatchObject({ type: 'run-end', status: 'succeeded', output: 'The answer is 42' });
    expect(lines.every((event) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(event.at))).toBe(true);
  });

  it('appends to AGENT_EVENTS_FILE when set, and AGENT_EVENTS=jsonl switches events on too', () => {
    const file = join(dir, 'events.jsonl');
    const result = runCli(dir, ['run', 'agents'], { AGENT_EVENTS: 'jsonl', AGENT_EVENTS_FILE: file });
    expect(result).toMatchObject({ status: 0, stdout: 'framework chatter on stdout\nThe answer is 42\n' });
    runCli(dir, ['run', '--events', 'again'], { AGENT_EVENTS_FILE: file });
    const lines = events(readFileSync(file, 'utf8'));
    expect(lines.filter((event) => event.type === 'run-start').map((event) => event.type === 'run-start' && event.input)).toEqual(['agents', 'again']);
  });

  it('ends a failing run with run-error and a one-line message', () => {
    const result = runCli(dir, ['run', '--events', 'fail']);
    expect(result).toMatchObject({ status: 1, stderr: 'error: the model is unreachable\n' });
    expect(events(result.stdout).map((event) => event.type)).toEqual(['run-start', 'run-error']);
    expect(events(result.stdout).at(-1)).toMatchObject({ code: 'agent_failed', message: 'the model is unreachable' });
  });

  it('credits a tool call to the step of the branch that made it, even when another branch opened a step later', () => {
    const result = runCli(dir, ['run', '--events', 'parallel']);
    expect(result.status).toBe(0);
    const starts = events(result.stdout).flatMap((event) => (event.type === 'tool-call-start' ? [[(event.arguments as { expression: string }).expression, event.stepId]] : []));
    expect(Object.fromEntries(starts)).toEqual({ '1+1': 'agent:a', '2+2': 'agent:b', '3+3': 'agent:c', '4+4': 'task:c' });
  });

  it('writes U+2028 and U+2029 escaped, so every reader sees one event per line', () => {
    const result = runCli(dir, ['run', '--events', 'line\u2028para\u2029graph']);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/[\u2028\u2029]/);
    expect(events(result.stdout)[0]).toMatchObject({ type: 'run-start', input: 'line\u2028para\u2029graph' });
  });

  it('refuses an unknown AGENT_EVENTS value with a readable error', () => {
    expect(runCli(dir, ['run', 'agents'], { AGENT_EVENTS: 'xml' })).toMatchObject({ status: 1, stderr: "error: AGENT_EVENTS must be 'jsonl' or empty, got 'xml'\n" });
  });
});

describe('toolsInitPy', () => {
  const context = projectContext(fixtureSpec({ framework: 'crewai', pattern: 'sequential', tools: ['calculator', 'file_write'] }));

  it('wraps every tool with instrument_tool only when asked', () => {
    expect(toolsInitPy(context, { instrumented: true })).toContain('    "calculator": instrument_tool("calculator", calculator, side_effects="calculator" in SIDE_EFFECT_TOOLS),\n');
    expect(toolsInitPy(context, { instrumented: true })).toContain('from ..events import instrument_tool\n');
    expect(toolsInitPy(context)).toContain('    "calculator": calculator,\n');
    expect(toolsInitPy(context)).not.toContain('events');
  });
});
