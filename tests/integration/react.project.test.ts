// Generated ReAct projects run their own pytest suites against the real openai package from PyPI,
// for both patterns, and their command line answers through an OpenAI-compatible server — also with
// live events on, every line valid against the RunEvent JSON Schema, steps in pattern order.
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { FileTree, RunEvent } from '@agent-generator/contracts';
import { runEventJsonSchema } from '@agent-generator/contracts';
import { Ajv2020 } from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reactRenderer } from '../../packages/renderers/src/react/react.renderer';
import { fixtureSpec } from '../../packages/renderers/src/test-fixtures';
import { ensureVenv, projectRequirements, runInVenv } from './support/python-venv';

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'react-projects-'));
const PATTERNS = ['react', 'sequential'] as const;
const validateEvent = new Ajv2020({ strict: false }).compile(runEventJsonSchema());

function writeProject(name: string, files: FileTree): string {
  const dir = join(root, name);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
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

// The same with events on: `run --events hello` appends RunEvents to a file.
const EVENTS_CHECK = `
import json, os, subprocess, sys
sys.path.insert(0, os.path.join(sys.argv[1], "tests"))
from fake_llm import FakeLLM
with FakeLLM() as server:
    env = {**os.environ, "MODEL_PROVIDER": "openai-compatible", "MODEL_ID": "fake-model", "OPENAI_BASE_URL": server.url,
           "OPENAI_API_KEY": "test", "WORKSPACE_DIR": os.getcwd(), "SEARCH_API_URL": "http://127.0.0.1:9",
           "AGENT_EVENTS_FILE": os.path.join(os.getcwd(), "events.jsonl")}
    done = subprocess.run([sys.executable, "-m", "paper_digest", "run", "--events", "hello"], env=env, capture_output=True, text=True, timeout=300)
    print(json.dumps({"code": done.returncode, "stderr": done.stderr, "calls": len(server.requests)}))
`;

type Step = Extract<RunEvent, { type: 'step-start' }>;

// The steps each pattern must show, in start order, as [kind, agent, task] (fixture: three tasks, one per agent).
const STEP_ORDER: Record<(typeof PATTERNS)[number], ReadonlyArray<[string, string, string | undefined]>> = {
  react: [['agent', 'researcher', undefined]],
  sequential: [
    ['task', 'researcher', 'find_papers'], ['agent', 'researcher', undefined],
    ['task', 'analyst', 'analyse_papers'], ['agent', 'analyst', undefined],
    ['task', 'writer', 'write_digest'], ['agent', 'writer', undefined],
  ],
};

/** Validates every line against the JSON Schema and checks seq, strict step nesting and attribution. */
function checkEvents(lines: ReadonlyArray<unknown>): RunEvent[] {
  for (const line of lines) expect(validateEvent(line), JSON.stringify(validateEvent.errors)).toBe(true);
  const events = lines as RunEvent[];
  expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index));
  expect(events[0]?.type).toBe('run-start');
  expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'succeeded' });
  const open: Step[] = [];
  for (const event of events) {
    if (event.type === 'step-start') open.push(event);
    if (event.type === 'step-end') expect(open.pop()?.stepId).toBe(event.stepId);
    if (event.type === 'tool-call-start' || event.type === 'text-delta') expect(event.stepId, JSON.stringify(event)).toBe(open.at(-1)?.stepId);
  }
  expect(open).toEqual([]);
  return events;
}

describe.skipIf(process.env.AG_SKIP_PYTHON === '1')('generated ReAct projects', () => {
  const projects = new Map<string, string>();
  let venv = '';

  beforeAll(async () => {
    for (const pattern of PATTERNS) projects.set(pattern, writeProject(pattern, reactRenderer.render(fixtureSpec({ framework: 'react', pattern }))));
    venv = await ensureVenv(projectRequirements(projects.get('react') ?? ''));
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(PATTERNS)('%s: the project\'s own tests pass', async (pattern) => {
    const cwd = projects.get(pattern) ?? '';
    expect(projectRequirements(cwd)).toEqual(['openai>=3,<4', 'pytest>=8,<9']);
    const started = performance.now();
    const result = await runInVenv({ venv, cwd, args: ['pytest', '-q', '-p', 'no:cacheprovider'] });
    const summary = result.stdout.trim().split('\n').pop() ?? '';
    console.log(`react ${pattern}: ${summary} (${Math.round(performance.now() - started)} ms)`);
    expect(summary).toMatch(/^\d+ passed/);
    expect(summary).not.toMatch(/failed|error|skipped/);
  }, 300_000);

  it.each(PATTERNS)('%s: `python -m paper_digest run hello` answers and writes the output file', async (pattern) => {
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

  it.each(PATTERNS)('%s: `run --events hello` writes schema-valid RunEvents with the steps in order', async (pattern) => {
    const project = projects.get(pattern) ?? '';
    const cwd = mkdtempSync(join(root, `events-${pattern}-`));
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
    expect(steps.map((step) => [step.kind, step.agent, step.task])).toEqual(STEP_ORDER[pattern]);
    const usage = events.filter((event) => event.type === 'usage');
    expect(usage).toHaveLength(outcome.calls);
    expect(usage.every((event) => event.inputTokens > 0 && event.outputTokens > 0 && event.model === 'fake-model')).toBe(true);
    expect(events.filter((event) => event.type === 'tool-call-start').length).toBeGreaterThan(0);
    expect(events.some((event) => event.type === 'text-delta')).toBe(true);
  }, 300_000);
});
