// Generated LangGraph projects run their own pytest suites against the real langgraph package from
// PyPI, for every pattern, and their command line answers through an OpenAI-compatible server —
// also with live events on, every line valid against the RunEvent JSON Schema, steps in pattern order.
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { FileTree, PatternId, ProjectSpec, RunEvent } from '@agent-generator/contracts';
import { PATTERN_IDS, restoreProjectSpec, runEventJsonSchema } from '@agent-generator/contracts';
import { Ajv2020 } from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { langgraphRenderer } from '../../packages/renderers/src/langgraph/langgraph.renderer';
import { fixtureSpec } from '../../packages/renderers/src/test-fixtures';
import { ensureVenv, projectRequirements, runInVenv } from './support/python-venv';

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'langgraph-projects-'));
const validateEvent = new Ajv2020({ strict: false }).compile(runEventJsonSchema());

function writeProject(name: string, files: FileTree): string {
  const dir = join(root, name);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

/** The fixture with a diamond of tasks plus an independent one: parallel fan-out, a join, two results. */
function diamondSpec(): ProjectSpec {
  const base = fixtureSpec({ framework: 'langgraph', pattern: 'graph' });
  const result = restoreProjectSpec({
    ...base,
    tasks: [
      { id: 'plan', description: 'Plan the digest on {topic}.', expectedOutput: 'A plan', agent: 'researcher' },
      { id: 'find_papers', description: 'Find papers.', expectedOutput: 'Papers', agent: 'researcher', context: ['plan'] },
      { id: 'find_talks', description: 'Find talks.', expectedOutput: 'Talks', agent: 'analyst', context: ['plan'] },
      { id: 'write_digest', description: 'Write the digest.', expectedOutput: 'A digest', agent: 'writer', context: ['find_papers', 'find_talks'] },
      { id: 'side_note', description: 'Add a side note.', expectedOutput: 'A note', agent: 'analyst' },
    ],
  });
  if (!result.ok) throw new Error(`diamond spec is invalid: ${JSON.stringify(result.issues)}`);
  return result.spec;
}

/** The supervisor fixture with a delegating first agent: it leads as the supervisor and is no worker. */
function managedSpec(): ProjectSpec {
  const base = fixtureSpec({ framework: 'langgraph', pattern: 'supervisor' });
  const result = restoreProjectSpec({ ...base, agents: base.agents.map((agent, index) => ({ ...agent, allowDelegation: index === 0 })) });
  if (!result.ok) throw new Error(`managed spec is invalid: ${JSON.stringify(result.issues)}`);
  return result.spec;
}

// Starts the project's own FakeLLM, runs `python -m paper_digest run hello` against it, reports JSON.
const CLI_CHECK = `
import json, os, subprocess, sys
sys.path.insert(0, os.path.join(sys.argv[1], "tests"))
from fake_llm import FakeLLM
with FakeLLM() as server:
    env = {**os.environ, "MODEL_PROVIDER": "openai-compatible", "MODEL_ID": "fake-model", "OPENAI_BASE_URL": server.url,
           "OPENAI_API_KEY": "test", "WORKSPACE_DIR": os.getcwd(), "SEARCH_API_URL": "http://127.0.0.1:9"}
    done = subprocess.run([sys.executable, "-m", "paper_digest", "run", "hello"], env=env, capture_output=True, text=True, timeout=300)
    print(json.dumps({"code": done.returncode, "stdout": done.stdout, "stderr": done.stderr, "requests": server.requests}))
`;

// The same against the autopilot with events on: `run --events hello` appends RunEvents to a file.
const EVENTS_CHECK = `
import json, os, subprocess, sys
sys.path.insert(0, os.path.join(sys.argv[1], "tests"))
from fake_llm import FakeLLM
with FakeLLM() as server:
    env = {**os.environ, "MODEL_PROVIDER": "openai-compatible", "MODEL_ID": "fake-model", "OPENAI_BASE_URL": server.url,
           "OPENAI_API_KEY": "test", "WORKSPACE_DIR": os.getcwd(), "SEARCH_API_URL": "http://127.0.0.1:9",
           "AGENT_MAX_STEPS": "4", "AGENT_EVENTS_FILE": os.path.join(os.getcwd(), "events.jsonl")}
    done = subprocess.run([sys.executable, "-m", "paper_digest", "run", "--events", "hello"], env=env, capture_output=True, text=True, timeout=300)
    print(json.dumps({"code": done.returncode, "stderr": done.stderr, "calls": len(server.requests)}))
`;

type Step = Extract<RunEvent, { type: 'step-start' }>;

// The agent steps the autopilot run must show, in order (fixture agents: researcher, analyst, writer).
const AGENT_ORDER: Record<PatternId | 'diamond', ReadonlyArray<string>> = {
  sequential: ['researcher', 'analyst', 'writer'],
  graph: ['researcher', 'analyst', 'writer'],
  supervisor: ['supervisor', 'researcher', 'supervisor'], // one delegation, then the report
  react: ['researcher'],
  'group-chat': ['researcher', 'analyst', 'writer', 'researcher'], // AGENT_MAX_STEPS=4 turns
  diamond: [], // parallel branches: checked by dependencies instead
};

/** Validates every line against the JSON Schema and checks seq, step nesting and tool attribution. */
function checkEvents(lines: ReadonlyArray<unknown>): RunEvent[] {
  for (const line of lines) expect(validateEvent(line), JSON.stringify(validateEvent.errors)).toBe(true);
  const events = lines as RunEvent[];
  expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index));
  expect(events[0]?.type).toBe('run-start');
  expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'succeeded' });
  const open = new Map<string, Step>();
  for (const event of events) {
    if (event.type === 'step-start') open.set(event.stepId, event);
    if (event.type === 'step-end') expect(open.delete(event.stepId), event.stepId).toBe(true);
    if (event.type === 'tool-call-start') expect(open.has(event.stepId ?? ''), JSON.stringify(event)).toBe(true);
    if (event.type === 'text-delta') expect(open.get(event.stepId ?? '')?.kind, JSON.stringify(event)).toBe('agent');
  }
  expect([...open.keys()]).toEqual([]);
  return events;
}

describe.skipIf(process.env.AG_SKIP_PYTHON === '1')('generated LangGraph projects', () => {
  const projects = new Map<string, string>();
  let venv = '';

  beforeAll(async () => {
    for (const pattern of PATTERN_IDS) projects.set(pattern, writeProject(pattern, langgraphRenderer.render(fixtureSpec({ framework: 'langgraph', pattern }))));
    projects.set('diamond', writeProject('diamond', langgraphRenderer.render(diamondSpec())));
    projects.set('managed-supervisor', writeProject('managed-supervisor', langgraphRenderer.render(managedSpec())));
    const requirements = [...new Set([...projects.values()].map((dir) => JSON.stringify(projectRequirements(dir))))];
    expect(requirements).toHaveLength(1); // one venv serves every pattern
    venv = await ensureVenv(projectRequirements(projects.get('sequential') ?? ''));
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([...PATTERN_IDS, 'diamond', 'managed-supervisor'] as ReadonlyArray<PatternId | 'diamond' | 'managed-supervisor'>)('%s: the project\'s own tests pass', async (name) => {
    const cwd = projects.get(name) ?? '';
    const started = performance.now();
    const result = await runInVenv({ venv, cwd, args: ['pytest', '-q', '-p', 'no:cacheprovider'] });
    const summary = result.stdout.trim().split('\n').pop() ?? '';
    console.log(`langgraph ${name}: ${summary} (${Math.round(performance.now() - started)} ms)`);
    expect(summary).toMatch(/^\d+ passed/);
    expect(summary).not.toMatch(/failed|error|skipped/);
  }, 300_000);

  it.each(PATTERN_IDS)('%s: `python -m paper_digest run hello` answers and writes the output file', async (pattern) => {
    const project = projects.get(pattern) ?? '';
    const cwd = mkdtempSync(join(root, `cli-${pattern}-`));
    const { stdout } = await run(join(venv, 'bin', 'python'), ['-c', CLI_CHECK, project], {
      cwd,
      env: { ...process.env, PYTHONPATH: join(project, 'src') },
      timeout: 300_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const outcome = JSON.parse(stdout) as { code: number; stdout: string; stderr: string; requests: Array<{ messages: Array<{ content: unknown }> }> };
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout.trim()).not.toBe('');
    expect(readFileSync(join(cwd, 'digest.md'), 'utf8').trim()).toBe(outcome.stdout.trim());
    // "hello" became the first input, {topic}, and reached the model.
    expect(JSON.stringify(outcome.requests[0]?.messages)).toContain('hello');
  }, 300_000);

  it.each([...PATTERN_IDS, 'diamond'] as ReadonlyArray<PatternId | 'diamond'>)('%s: `run --events hello` writes schema-valid RunEvents with the steps in order', async (name) => {
    const project = projects.get(name) ?? '';
    const cwd = mkdtempSync(join(root, `events-${name}-`));
    const { stdout } = await run(join(venv, 'bin', 'python'), ['-c', EVENTS_CHECK, project], {
      cwd,
      env: { ...process.env, PYTHONPATH: join(project, 'src') },
      timeout: 300_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const outcome = JSON.parse(stdout) as { code: number; stderr: string; calls: number };
    expect(outcome.code, outcome.stderr).toBe(0);
    const events = checkEvents(readFileSync(join(cwd, 'events.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as unknown));
    const steps = events.filter((event): event is Step => event.type === 'step-start');
    if (name === 'diamond') {
      const tasks = steps.filter((step) => step.kind === 'task').map((step) => step.task);
      expect([...tasks].sort()).toEqual(['find_papers', 'find_talks', 'plan', 'side_note', 'write_digest']);
      for (const [before, after] of [['plan', 'find_papers'], ['plan', 'find_talks'], ['find_papers', 'write_digest'], ['find_talks', 'write_digest']]) {
        const ended = events.findIndex((event) => event.type === 'step-end' && event.stepId === steps.find((step) => step.task === before)?.stepId);
        const started = events.findIndex((event) => event.type === 'step-start' && event.task === after);
        expect(ended, `${before} ends before ${after} starts`).toBeLessThan(started);
      }
    } else {
      expect(steps.filter((step) => step.kind === 'agent').map((step) => step.agent)).toEqual(AGENT_ORDER[name]);
    }
    const usage = events.filter((event) => event.type === 'usage');
    expect(usage).toHaveLength(outcome.calls);
    expect(usage.every((event) => event.inputTokens > 0 && event.outputTokens > 0)).toBe(true);
    expect(events.some((event) => event.type === 'text-delta')).toBe(true);
  }, 300_000);
});
