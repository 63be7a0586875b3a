// Generated LlamaIndex projects, run for real: every supported pattern is written to a temp dir,
// installed in a cached venv with llama-index from PyPI, and its own pytest suite must pass; the
// command line then answers once with live events on against the project's fake model server, and
// every event line must match the RunEvent JSON Schema, with the steps in the pattern's order.
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { FileTree, PatternId, ProjectSpec, RunEvent } from '@agent-generator/contracts';
import { restoreProjectSpec, RunEventSchema, runEventJsonSchema } from '@agent-generator/contracts';
import { Ajv2020 } from 'ajv/dist/2020';
import { afterAll, describe, expect, it } from 'vitest';
import { llamaindexRenderer } from '../../packages/renderers/src/llamaindex/llamaindex.renderer';
import { fixtureSpec } from '../../packages/renderers/src/test-fixtures';
import { ensureVenv, projectRequirements, runInVenv } from './support/python-venv';

const PATTERNS: ReadonlyArray<PatternId> = ['sequential', 'graph', 'react', 'supervisor'];
const INSTALL_TIMEOUT = 30 * 60 * 1000;
const directories: string[] = [];
const validate = new Ajv2020({ strict: false }).compile(runEventJsonSchema());

function writeProject(tree: FileTree): string {
  const root = mkdtempSync(join(tmpdir(), 'ag-llamaindex-'));
  directories.push(root);
  for (const file of tree) {
    const target = join(root, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    if (file.executable) chmodSync(target, 0o755);
  }
  return root;
}

/** A graph with a join and two ends, to run the collected-events path for real. */
function diamondSpec(): ProjectSpec {
  const base = fixtureSpec({ framework: 'llamaindex', pattern: 'graph' });
  const result = restoreProjectSpec({
    ...base,
    tasks: [
      { id: 'find_papers', description: 'Find papers on {topic}.', expectedOutput: 'Titles', agent: 'researcher', context: [] },
      { id: 'check_numbers', description: 'Check the numbers.', expectedOutput: 'Numbers', agent: 'analyst', context: ['find_papers'] },
      { id: 'summarise', description: 'Summarise.', expectedOutput: 'Summary', agent: 'analyst', context: ['find_papers'] },
      { id: 'write_digest', description: 'Write it.', expectedOutput: 'Digest', agent: 'writer', context: ['check_numbers', 'summarise'] },
      { id: 'side_note', description: 'A side note.', expectedOutput: 'Note', agent: 'writer', context: [] },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.spec;
}

// Starts the project's FakeLLM, points the settings at it and runs `python -m paper_digest run --events`:
// event lines go to stdout, the answer to stderr.
const CLI_RUN = `
import os, subprocess, sys
sys.path.insert(0, "tests")
from fake_llm import FakeLLM
with FakeLLM() as server:
    env = dict(os.environ, MODEL_PROVIDER="openai-compatible", MODEL_ID="fake-model", OPENAI_BASE_URL=server.url, OPENAI_API_KEY="test", WORKSPACE_DIR="workspace")
    done = subprocess.run([sys.executable, "-m", "paper_digest", "run", "--events", "hello"], env=env, capture_output=True, text=True, timeout=300)
    print(done.stdout)
    print(done.stderr, file=sys.stderr)
    sys.exit(done.returncode)
`;

interface ProjectRun {
  readonly pytest: string;
  readonly answer: string;
  readonly events: ReadonlyArray<RunEvent>;
}

/** Every stdout line must be a RunEvent by the JSON Schema; returns them typed. */
function parseEvents(stdout: string): RunEvent[] {
  const lines = stdout.split('\n').filter((line) => line.trim() !== '');
  return lines.map((line) => {
    const value: unknown = JSON.parse(line);
    if (!validate(value)) throw new Error(`not a RunEvent: ${line}\n${JSON.stringify(validate.errors)}`);
    return RunEventSchema.parse(value);
  });
}

async function runProject(spec: ProjectSpec): Promise<ProjectRun> {
  const dir = writeProject(llamaindexRenderer.render(spec));
  const venv = await ensureVenv(projectRequirements(dir));
  const pytest = await runInVenv({ venv, cwd: dir, args: ['pytest', '-q', '-p', 'no:cacheprovider'] });
  mkdirSync(join(dir, 'workspace'), { recursive: true });
  const cli = await promisify(execFile)(join(venv, 'bin', 'python'), ['-c', CLI_RUN], { cwd: dir, timeout: 10 * 60 * 1000, env: { ...process.env, PYTHONPATH: join(dir, 'src') } });
  return { pytest: pytest.stdout, answer: cli.stderr, events: parseEvents(cli.stdout) };
}

/** The agents of the step-start events of one kind, in order. */
function stepAgents(events: ReadonlyArray<RunEvent>, kind: 'agent' | 'task'): Array<string | undefined> {
  return events.flatMap((event) => (event.type === 'step-start' && event.kind === kind ? [event.agent] : []));
}

/** Steps start and end in pairs; a run that ends itself leaves none to the closing sweep. */
function expectBalancedSteps(events: ReadonlyArray<RunEvent>): void {
  const open: string[] = [];
  for (const event of events) {
    if (event.type === 'step-start') open.push(event.stepId);
    if (event.type === 'step-end') {
      expect(open).toContain(event.stepId);
      open.splice(open.indexOf(event.stepId), 1);
    }
  }
  expect(open).toEqual([]);
}

describe.skipIf(process.env.AG_SKIP_PYTHON === '1')('generated LlamaIndex projects', () => {
  afterAll(() => {
    for (const dir of directories) rmSync(dir, { recursive: true, force: true });
  });

  it.each(PATTERNS)('the %s project passes its own tests and answers from the command line with valid live events', async (pattern) => {
    const spec = fixtureSpec({ framework: 'llamaindex', pattern });
    const { pytest, answer, events } = await runProject(spec);
    expect(pytest).toMatch(/\d+ passed/);
    expect(pytest).not.toMatch(/\d+ (failed|errors?)\b/);
    expect(answer.trim()).not.toBe('');
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index));
    expect(events[0]?.type).toBe('run-start');
    const last = events.at(-1);
    expect(last?.type === 'run-end' && answer.includes(last.output ?? '\u0000')).toBe(true);
    expectBalancedSteps(events);
    // Workflow steps end themselves with the task's output; events.py's closing sweep would not.
    if (pattern !== 'supervisor') expect(events.filter((event) => event.type === 'step-end').every((event) => event.output !== undefined)).toBe(true);
    const taskAgents = spec.tasks.map((task) => task.agent);
    if (pattern === 'supervisor') {
      expect(stepAgents(events, 'agent')[0]).toBe('supervisor');
      expect(stepAgents(events, 'task')).toEqual([]);
    } else {
      expect(stepAgents(events, 'task')).toEqual(taskAgents);
      expect(stepAgents(events, 'agent')).toEqual(taskAgents);
    }
    const usage = events.filter((event) => event.type === 'usage');
    expect(usage.length).toBeGreaterThan(0);
    expect(usage.every((event) => event.inputTokens + event.outputTokens > 0 && event.model === 'fake-model')).toBe(true);
    expect(events.some((event) => event.type === 'text-delta' && event.stepId !== undefined)).toBe(true);
  }, INSTALL_TIMEOUT);

  it('a graph with a join and two ends passes its own tests', async () => {
    const { pytest } = await runProject(diamondSpec());
    expect(pytest).toMatch(/\d+ passed/);
  }, INSTALL_TIMEOUT);
});
