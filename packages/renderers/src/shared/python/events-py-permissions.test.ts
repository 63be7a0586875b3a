// The generated tool wrapper's permission controls, run for real with python3 (stdlib only): Safe,
// Ask (answers on stdin), the person's tool choice, and hostile answer lines.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { RunEventSchema, type RunEvent } from '@agent-generator/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureSpec } from '../../test-fixtures';
import { renderPythonProject } from '../python-project';
import { projectContext } from './project-context';
import { toolsInitPy } from './tools-init-py';

// A stdlib-only stand-in for a framework: a read-only call, then a write of the input text.
const STUB_MAIN = `"""Stub agent for the permission tests."""
import json

from .tools import TOOLS


def run(inputs):
    results = [TOOLS["calculator"](expression="6*7"), TOOLS["file_write"](path="note.txt", content=inputs["topic"])]
    return json.dumps(results)
`;

const root = mkdtempSync(join(tmpdir(), 'events-py-permissions-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(): string {
  const spec = fixtureSpec({ framework: 'crewai', pattern: 'sequential', tools: ['calculator', 'file_write'] });
  const files = [{ path: 'src/paper_digest/main.py', content: STUB_MAIN }];
  const dir = join(root, 'project');
  for (const file of renderPythonProject({ spec, frameworkLabel: 'Stub', dependencies: [], files, readme: { overview: 'Stub.', layout: [] } })) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

const dir = project();
let runs = 0;

interface Outcome {
  readonly status: number | null;
  readonly events: RunEvent[];
  /** The note file's text, or undefined when file_write never wrote it. */
  readonly written: string | undefined;
}

function run(options: { env?: Record<string, string>; stdin?: string; text?: string; events?: boolean }): Outcome {
  runs += 1;
  const workspace = join(root, `workspace-${runs}`);
  const args = ['-m', 'paper_digest', 'run', ...(options.events === false ? [] : ['--events']), '--', options.text ?? 'hello'];
  const result = spawnSync('python3', args, { cwd: dir, encoding: 'utf8', input: options.stdin ?? '', env: { PATH: process.env.PATH ?? '', PYTHONPATH: join(dir, 'src'), PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8', WORKSPACE_DIR: workspace, ...options.env }, maxBuffer: 64 * 1024 * 1024 });
  const note = join(workspace, 'note.txt');
  const events = options.events === false ? [] : result.stdout.split('\n').filter(Boolean).map((line) => RunEventSchema.parse(JSON.parse(line)));
  return { status: result.status, events, written: existsSync(note) ? readFileSync(note, 'utf8') : undefined };
}

function ofType<Type extends RunEvent['type']>(events: ReadonlyArray<RunEvent>, type: Type): Array<Extract<RunEvent, { type: Type }>> {
  return events.filter((event): event is Extract<RunEvent, { type: Type }> => event.type === type);
}

function toolEnd(events: ReadonlyArray<RunEvent>, tool: string): Extract<RunEvent, { type: 'tool-call-end' }> | undefined {
  return ofType(events, 'tool-call-end').find((event) => event.tool === tool);
}

const answer = (callId: string, approved: unknown): string => `${JSON.stringify({ callId, approved })}\n`;

describe('instrument_tool permissions', () => {
  it('lists the side-effecting tools once, from the catalog, and passes each tool its flag', () => {
    const source = toolsInitPy(projectContext(fixtureSpec({ framework: 'crewai', pattern: 'sequential', tools: ['calculator', 'file_write'] })), { instrumented: true });
    expect(source).toContain('SIDE_EFFECT_TOOLS: frozenset[str] = frozenset({"file_write"})\n');
    expect(source).toContain('"calculator": instrument_tool("calculator", calculator, side_effects="calculator" in SIDE_EFFECT_TOOLS),');
  });

  it('without the variables (dev, all tools) every tool runs, with events on or off', () => {
    expect(run({}).written).toBe('hello');
    expect(run({ events: false })).toMatchObject({ status: 0, written: 'hello' });
  });

  it('outside a run (events off) Safe mode and a tool choice change nothing', () => {
    expect(run({ events: false, env: { AGENT_PERMISSION_MODE: 'safe', AGENT_ENABLED_TOOLS: 'calculator' } })).toMatchObject({ status: 0, written: 'hello' });
  });

  it('Safe mode refuses file_write without calling it; the read-only calculator still runs', () => {
    const outcome = run({ env: { AGENT_PERMISSION_MODE: 'safe' } });
    expect(outcome.status).toBe(0);
    expect(outcome.written).toBeUndefined();
    expect(toolEnd(outcome.events, 'calculator')).toMatchObject({ isError: false, result: '42' });
    expect(toolEnd(outcome.events, 'file_write')).toMatchObject({ isError: true, result: expect.stringMatching(/^error: refused in Safe mode/) });
    expect(ofType(outcome.events, 'approval-request')).toEqual([]);
  });

  it('an unknown mode counts as Safe', () => {
    expect(run({ env: { AGENT_PERMISSION_MODE: 'yolo' } }).written).toBeUndefined();
  });

  it('a tool the person turned off is not called and the model is told so', () => {
    const outcome = run({ env: { AGENT_ENABLED_TOOLS: ' calculator ,web_search' } });
    expect(outcome.written).toBeUndefined();
    expect(toolEnd(outcome.events, 'calculator')).toMatchObject({ isError: false });
    expect(toolEnd(outcome.events, 'file_write')).toMatchObject({ isError: true, result: expect.stringContaining('turned the file_write tool off') });
    const none = run({ env: { AGENT_ENABLED_TOOLS: '' } });
    expect(toolEnd(none.events, 'calculator')).toMatchObject({ isError: true, result: expect.stringContaining('turned the calculator tool off') });
  });

  it('Ask mode: approval-request with the call id, then approving runs the tool; the answer itself is not an event', () => {
    const outcome = run({ env: { AGENT_PERMISSION_MODE: 'ask' }, stdin: answer('call_2', true) });
    expect(outcome.written).toBe('hello');
    const types = outcome.events.map((event) => event.type);
    expect(types.slice(types.indexOf('tool-call-start', types.indexOf('tool-call-end')))).toEqual(['tool-call-start', 'approval-request', 'tool-call-end', 'run-end']);
    expect(ofType(outcome.events, 'approval-request')).toEqual([expect.objectContaining({ callId: 'call_2', tool: 'file_write', arguments: { path: 'note.txt', content: 'hello' } })]);
    expect(toolEnd(outcome.events, 'file_write')).toMatchObject({ callId: 'call_2', isError: false });
    expect(ofType(outcome.events, 'approval-response')).toEqual([]);
  });

  it('Ask mode: refusing, an answer that is not true, and the end of stdin all refuse', () => {
    for (const stdin of [answer('call_2', false), answer('call_2', 'yes'), '']) {
      const outcome = run({ env: { AGENT_PERMISSION_MODE: 'ask' }, stdin });
      expect(outcome.written, stdin).toBeUndefined();
      expect(toolEnd(outcome.events, 'file_write')).toMatchObject({ isError: true, result: expect.stringContaining('the person refused this file_write call') });
    }
  });

  it('hostile answers: lines for calls never asked, junk and an oversized line are skipped', () => {
    const oversized = `${JSON.stringify({ callId: 'call_2', approved: true, padding: 'x'.repeat(2_000_000) })}\n`;
    const junk = `${answer('call_9', true)}not json\n[1]\n"call_2"\n{"callId": "call_2"\n${answer('CALL_2', true)}`;
    const refused = run({ env: { AGENT_PERMISSION_MODE: 'ask' }, stdin: `${oversized}${junk}${answer('call_2', false)}` });
    expect(refused.written).toBeUndefined();
    const approved = run({ env: { AGENT_PERMISSION_MODE: 'ask' }, stdin: `${junk}${answer('call_2', true)}` });
    expect(approved.written).toBe('hello');
    // A last line without a line break still counts.
    expect(run({ env: { AGENT_PERMISSION_MODE: 'ask' }, stdin: answer('call_2', true).trimEnd() }).written).toBe('hello');
  });

  it('Ask mode: arguments with newlines, JSON and unicode reach the approval-request and the file intact', () => {
    const text = 'line one\nline two {"callId": "call_2", "approved": true}\n\u2028 ünïcødé 🙂 "quotes" \\ end';
    const outcome = run({ env: { AGENT_PERMISSION_MODE: 'ask' }, stdin: answer('call_2', true), text });
    expect(ofType(outcome.events, 'approval-request')[0]?.arguments).toEqual({ path: 'note.txt', content: text });
    expect(outcome.written).toBe(text);
  });
});
