// One suite for frameworks whose renderer supports all five patterns (AutoGen, Strands): each
// pattern's own pytest suite passes against the real framework from PyPI, plus variants (a graph
// with two roots and a join, a supervisor with more tasks than workers, a one-agent group chat, a
// tool-less ReAct agent), `python -m paper_digest run` answers through the project's fake model, and
// `run --events` writes RunEvent lines that match the product's JSON Schema, with the pattern's steps.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { FileTree, FrameworkId, PatternId, ProjectSpec, Renderer, RunEvent } from '@agent-generator/contracts';
import { PATTERN_IDS, RunEventSchema, restoreProjectSpec, runEventJsonSchema } from '@agent-generator/contracts';
import { Ajv2020 } from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSpec } from '../../../packages/renderers/src/test-fixtures';
import { ensureVenv, projectRequirements, runInVenv } from './python-venv';

type Case = PatternId | 'diamond' | 'repeat' | 'solo' | 'bare';

const run = promisify(execFile);
const validate = new Ajv2020({ strict: false }).compile(runEventJsonSchema());

function writeProject(root: string, name: string, files: FileTree): string {
  const dir = join(root, name);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

function variant(framework: FrameworkId, pattern: PatternId, changes: Record<string, unknown>): ProjectSpec {
  const result = restoreProjectSpec({ ...fixtureSpec({ framework, pattern }), ...changes });
  if (!result.ok) throw new Error(`invalid variant: ${JSON.stringify(result.issues)}`);
  return result.spec;
}

const DIAMOND_TASKS = [
  { id: 'find_papers', description: 'Find papers on {topic}.', expectedOutput: 'Papers', agent: 'researcher' },
  { id: 'find_talks', description: 'Find talks on {topic}.', expectedOutput: 'Talks', agent: 'analyst' },
  { id: 'write_digest', description: 'Write the digest.', expectedOutput: 'A digest', agent: 'writer', context: ['find_papers', 'find_talks'] },
  { id: 'side_note', description: 'Add a note.', expectedOutput: 'A note', agent: 'analyst', context: ['find_papers'] },
];

/** Variants beyond the fixture: a graph with two roots, a join and two results; a supervisor with
 * more tasks than workers; a group chat of one agent; a ReAct agent without tools or inputs. */
function variants(framework: FrameworkId): Record<Exclude<Case, PatternId>, () => ProjectSpec> {
  return {
    diamond: () => variant(framework, 'graph', { tasks: DIAMOND_TASKS }),
    repeat: () => variant(framework, 'supervisor', { tasks: DIAMOND_TASKS }),
    solo: () => {
      const base = fixtureSpec({ framework, pattern: 'group-chat' });
      return variant(framework, 'group-chat', { agents: base.agents.slice(0, 1), tasks: base.tasks.map((task) => ({ ...task, agent: 'researcher' })) });
    },
    bare: () => variant(framework, 'react', { tools: [], inputs: [], agents: fixtureSpec({ framework, pattern: 'react', tools: [] }).agents }),
  };
}

// Starts the project's own FakeLLM and runs the command line against it; prints a JSON report.
const CLI_CHECK = String.raw`
import json, os, subprocess, sys
sys.path.insert(0, "tests")
from fake_llm import FakeLLM
with FakeLLM() as server:
    env = {**os.environ, "MODEL_PROVIDER": "openai-compatible", "MODEL_ID": "fake-model", "OPENAI_BASE_URL": server.url,
           "OPENAI_API_KEY": "test", "WORKSPACE_DIR": os.path.abspath("workspace"), "SEARCH_API_URL": "http://127.0.0.1:9",
           "PYTHONPATH": os.path.abspath("src")}
    done = subprocess.run([sys.executable, "-m", "paper_digest", "run", "hello"], env=env, capture_output=True, text=True, timeout=300)
    print(json.dumps({"code": done.returncode, "stdout": done.stdout, "stderr": done.stderr, "requests": len(server.requests)}))
`;

// The same with live events on (AGENT_MAX_STEPS=4 keeps the group chat short); the events go to a file.
const EVENTS_CHECK = String.raw`
import json, os, subprocess, sys
sys.path.insert(0, "tests")
from fake_llm import FakeLLM
target = os.path.abspath("events.jsonl")
if os.path.exists(target):
    os.remove(target)
with FakeLLM() as server:
    env = {**os.environ, "MODEL_PROVIDER": "openai-compatible", "MODEL_ID": "fake-model", "OPENAI_BASE_URL": server.url,
           "OPENAI_API_KEY": "test", "WORKSPACE_DIR": os.path.abspath("workspace"), "SEARCH_API_URL": "http://127.0.0.1:9",
           "PYTHONPATH": os.path.abspath("src"), "AGENT_EVENTS_FILE": target, "AGENT_MAX_STEPS": "4"}
    done = subprocess.run([sys.executable, "-m", "paper_digest", "run", "--events", "hello"], env=env, capture_output=True, text=True, timeout=300)
    print(json.dumps({"code": done.returncode, "stderr": done.stderr, "events": open(target, encoding="utf-8").read()}))
`;

/** Each line checked against the RunEvent JSON Schema (and zod), then the rules of one run. */
function parseRun(text: string): RunEvent[] {
  const lines = text.split('\n').filter((line) => line.trim() !== '').map((line) => {
    const value: unknown = JSON.parse(line);
    if (!validate(value)) throw new Error(`not a RunEvent: ${line}\n${JSON.stringify(validate.errors)}`);
    return RunEventSchema.parse(value);
  });
  expect(lines.map((event) => event.seq)).toEqual(lines.map((_, index) => index));
  expect(lines[0]?.type).toBe('run-start');
  expect(lines.at(-1)).toMatchObject({ type: 'run-end', status: 'succeeded' });
  const open = new Map<string, Extract<RunEvent, { type: 'step-start' }>>();
  for (const event of lines) {
    if (event.type === 'step-start') open.set(event.stepId, event);
    if (event.type === 'step-end') expect(open.delete(event.stepId)).toBe(true);
    if (event.type === 'tool-call-start' || event.type === 'text-delta') expect(open.get(event.stepId ?? '')?.kind).toBe('agent');
  }
  expect(open.size).toBe(0);
  return lines;
}

/** The step-starts a pattern promises for the fixture spec (the supervisor's checked apart). */
function expectedSteps(pattern: PatternId, spec: ProjectSpec): Array<{ kind: string; agent: string; task?: string }> {
  const taskSteps = spec.tasks.flatMap((task) => [
    { kind: 'task', agent: task.agent, task: task.id },
    { kind: 'agent', agent: task.agent, task: task.id },
  ]);
  switch (pattern) {
    case 'sequential':
    case 'graph': // the fixture's graph is a chain
      return taskSteps;
    case 'react':
      return [{ kind: 'agent', agent: spec.agents[0]?.id ?? '' }];
    case 'group-chat':
      return [0, 1, 2, 3].map((turn) => ({ kind: 'agent', agent: spec.agents[turn % spec.agents.length]?.id ?? '' }));
    case 'supervisor':
      return [];
  }
}

/** Registers the suite for one framework's renderer. */
export function describeFivePatternProjects(renderer: Renderer, label: string): void {
  const framework = renderer.framework;
  const root = mkdtempSync(join(tmpdir(), `${framework}-projects-`));
  const VARIANTS = variants(framework);
  describe.skipIf(process.env.AG_SKIP_PYTHON === '1')(`generated ${label} projects`, () => {
    const projects = new Map<Case, string>();
    let venv = '';

    beforeAll(async () => {
      for (const pattern of PATTERN_IDS) projects.set(pattern, writeProject(root, pattern, renderer.render(fixtureSpec({ framework, pattern }))));
      for (const [name, spec] of Object.entries(VARIANTS)) projects.set(name as Case, writeProject(root, name, renderer.render(spec())));
      const requirements = new Set([...projects.values()].map((dir) => JSON.stringify(projectRequirements(dir))));
      expect(requirements.size).toBe(1); // one cached venv serves every case
      venv = await ensureVenv(projectRequirements(projects.get('sequential') ?? ''));
    });

    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it.each([...PATTERN_IDS, ...Object.keys(VARIANTS)] as ReadonlyArray<Case>)('%s: the project\'s own tests pass', async (name) => {
      const started = performance.now();
      const result = await runInVenv({ venv, cwd: projects.get(name) ?? '', args: ['pytest', '-q', '-p', 'no:cacheprovider'] });
      const summary = result.stdout.trim().split('\n').pop() ?? '';
      console.log(`${framework} ${name}: ${summary} (${Math.round(performance.now() - started)} ms)`);
      expect(summary).toMatch(/^\d+ passed/);
      expect(summary).not.toMatch(/failed|error|skipped/);
    }, 300_000);

    it.each(PATTERN_IDS)('%s: `python -m paper_digest run hello` prints the answer and writes digest.md', async (pattern) => {
      const cwd = projects.get(pattern) ?? '';
      const { stdout } = await run(join(venv, 'bin', 'python'), ['-c', CLI_CHECK], { cwd, timeout: 300_000 });
      const report = JSON.parse(stdout) as { code: number; stdout: string; stderr: string; requests: number };
      expect(report.stderr).not.toMatch(/Traceback|error:/); // a fake model may draw framework warnings
      expect(report.code).toBe(0);
      expect(report.stdout).toContain('The fake model has finished the task.');
      expect(report.requests).toBeGreaterThan(0);
      expect(readFileSync(join(cwd, 'digest.md'), 'utf8')).toBe(report.stdout);
    }, 300_000);

    it.each(PATTERN_IDS)('%s: `run --events hello` writes RunEvent lines with the pattern\'s steps', async (pattern) => {
      const { stdout } = await run(join(venv, 'bin', 'python'), ['-c', EVENTS_CHECK], { cwd: projects.get(pattern) ?? '', timeout: 300_000 });
      const report = JSON.parse(stdout) as { code: number; stderr: string; events: string };
      expect(report.stderr).not.toMatch(/Traceback|error:/);
      expect(report.code).toBe(0);
      const lines = parseRun(report.events);
      const steps = lines.flatMap((event) => (event.type === 'step-start' ? [{ kind: event.kind, agent: event.agent ?? '', ...(event.task === undefined ? {} : { task: event.task }) }] : []));
      const spec = fixtureSpec({ framework, pattern });
      if (pattern === 'supervisor') {
        const agentIds = spec.agents.map((agent) => agent.id);
        expect(agentIds).not.toContain(steps[0]?.agent); // the supervisor itself speaks first
        expect(steps.slice(1).some((step) => agentIds.includes(step.agent))).toBe(true);
      } else {
        expect(steps).toEqual(expectedSteps(pattern, spec));
      }
      expect(lines.some((event) => event.type === 'usage' && event.inputTokens + event.outputTokens > 0)).toBe(true);
      expect(lines.some((event) => event.type === 'text-delta')).toBe(true);
      expect(lines.filter((event) => event.type === 'tool-call-start').length).toBeGreaterThan(0);
    }, 300_000);
  });
}
