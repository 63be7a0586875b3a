// Generated CrewAI Flow projects run their own pytest suites against the real crewai package from
// PyPI, for every supported pattern, and their command line answers through an OpenAI-compatible server.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { FileTree, ProjectSpec } from '@agent-generator/contracts';
import { restoreProjectSpec } from '@agent-generator/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crewaiFlowRenderer } from '../../packages/renderers/src/crewai-flow/crewai-flow.renderer';
import { fixtureSpec } from '../../packages/renderers/src/test-fixtures';
import { expectCrewEventRun } from './support/crew-events-check';
import { ensureVenv, projectRequirements, runInVenv } from './support/python-venv';

const execute = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'crewai-flow-projects-'));

function writeProject(name: string, files: FileTree): string {
  const dir = join(root, name);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

function variant(base: ProjectSpec, changes: Partial<ProjectSpec>): ProjectSpec {
  const result = restoreProjectSpec({ ...base, ...changes });
  if (!result.ok) throw new Error(`invalid spec: ${JSON.stringify(result.issues)}`);
  return result.spec;
}

const sequential = fixtureSpec({ framework: 'crewai-flow', pattern: 'sequential' });
const graph = fixtureSpec({ framework: 'crewai-flow', pattern: 'graph' });
const supervisor = fixtureSpec({ framework: 'crewai-flow', pattern: 'supervisor' });
const SPECS: Record<string, ProjectSpec> = {
  sequential,
  graph,
  supervisor,
  react: fixtureSpec({ framework: 'crewai-flow', pattern: 'react' }),
  // {braces} and JSON that are not inputs must reach the model verbatim.
  'sequential-braces': variant(sequential, {
    tasks: sequential.tasks.map((task) => (task.id === 'analyse_papers' ? { ...task, description: 'Reply as JSON like {"title": "x"}; keep {not_an_input} and {topic} in mind.' } : task)),
  }),
  // A diamond: two branches run after find_papers and join in write_digest.
  'graph-diamond': variant(graph, {
    tasks: [
      ...graph.tasks.slice(0, 2),
      { id: 'check_numbers', description: 'Check every number in the papers.', expectedOutput: 'Checked numbers', agent: 'analyst', context: ['find_papers'] },
      ...graph.tasks.slice(2).map((task) => ({ ...task, context: ['analyse_papers', 'check_numbers'] })),
    ],
  }),
  // Independent tasks: the supervisor's choices, not the config order, decide what runs next.
  'supervisor-independent': variant(supervisor, { tasks: supervisor.tasks.map((task) => ({ ...task, context: [] })) }),
  // A delegating spec agent supervises instead of the built-in supervisor.
  'supervisor-agent': variant(supervisor, { agents: supervisor.agents.map((agent) => (agent.id === 'writer' ? { ...agent, allowDelegation: true } : agent)) }),
};

// The agent steps `run --events hello` reports with the fake model's autopilot.
const EVENT_AGENTS: Record<string, string[]> = {
  sequential: ['researcher', 'analyst', 'writer'],
  graph: ['researcher', 'analyst', 'writer'],
  supervisor: ['Supervisor', 'researcher', 'Supervisor', 'analyst', 'Supervisor', 'writer'],
  react: ['researcher'],
};
const EVENT_TASKS: Record<string, string[]> = {
  sequential: ['find_papers', 'analyse_papers', 'write_digest'],
  graph: ['find_papers', 'analyse_papers', 'write_digest'],
  supervisor: ['find_papers', 'analyse_papers', 'write_digest'],
  react: ['react_objective'],
};

// Starts the project's own FakeLLM, runs `python -m paper_digest run hello` against it, reports JSON.
const CLI_CHECK = `
import json, os, subprocess, sys
sys.path.insert(0, os.path.join(sys.argv[1], "tests"))
from fake_llm import FakeLLM
with FakeLLM() as server:
    env = {**os.environ, "MODEL_PROVIDER": "openai-compatible", "MODEL_ID": "fake-model", "OPENAI_BASE_URL": server.url,
           "OPENAI_API_KEY": "test", "WORKSPACE_DIR": os.getcwd(), "SEARCH_API_URL": "http://127.0.0.1:9",
           "CREWAI_DISABLE_TELEMETRY": "true", "OTEL_SDK_DISABLED": "true", "CREWAI_TRACING_ENABLED": "false",
           "CREWAI_STORAGE_DIR": os.getcwd()}
    done = subprocess.run([sys.executable, "-m", "paper_digest", "run", *sys.argv[2:], "hello"], env=env, capture_output=True, text=True, timeout=300)
    print(json.dumps({"code": done.returncode, "stdout": done.stdout, "stderr": done.stderr, "requests": server.requests}))
`;

describe.skipIf(process.env.AG_SKIP_PYTHON === '1')('generated CrewAI Flow projects', () => {
  const projects = new Map<string, string>();
  let venv = '';

  beforeAll(async () => {
    for (const [name, spec] of Object.entries(SPECS)) projects.set(name, writeProject(name, crewaiFlowRenderer.render(spec)));
    const requirements = new Set([...projects.values()].map((dir) => JSON.stringify(projectRequirements(dir))));
    expect(requirements.size).toBe(1); // one venv serves every project
    venv = await ensureVenv(projectRequirements(projects.get('sequential') ?? ''));
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(Object.keys(SPECS))("%s: the project's own tests pass", async (name) => {
    const started = performance.now();
    // Variants differ only in the framework files, so they run only the framework's test module.
    const only = name.includes('-') ? ['tests/test_crewai_flow.py'] : [];
    const output = await runInVenv({ venv, cwd: projects.get(name) ?? '', args: ['pytest', '-q', '-p', 'no:cacheprovider', ...only], env: { CREWAI_STORAGE_DIR: root } }).then(
      (result) => result.stdout,
      (error: { stdout?: string; stderr?: string }) => `${error.stderr ?? ''}\n${error.stdout ?? ''}`,
    );
    const summary = output.trim().split('\n').pop() ?? '';
    console.log(`crewai-flow ${name}: ${summary} (${Math.round(performance.now() - started)} ms)`);
    expect(summary, output.slice(-4000)).toMatch(/^\d+ passed/);
    expect(summary).not.toMatch(/failed|error|skipped/);
  }, 300_000);

  it.each(['sequential', 'graph', 'supervisor', 'react'])('%s: `python -m paper_digest run hello` prints only the answer and writes the output file', async (name) => {
    const project = projects.get(name) ?? '';
    const cwd = mkdtempSync(join(root, `cli-${name}-`));
    const { stdout } = await execute(join(venv, 'bin', 'python'), ['-c', CLI_CHECK, project], {
      cwd,
      env: { ...process.env, PYTHONPATH: join(project, 'src') },
      timeout: 300_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const outcome = JSON.parse(stdout) as { code: number; stdout: string; stderr: string; requests: Array<{ messages: Array<{ content: unknown }> }> };
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout.trim()).toContain('finished the task');
    expect(outcome.stdout).not.toMatch(/[╭╰│]/); // no CrewAI progress panels mixed into the answer
    expect(readFileSync(join(cwd, 'digest.md'), 'utf8').trim()).toBe(outcome.stdout.trim());
    // "hello" became the first input, {topic}, and reached the model.
    expect(JSON.stringify(outcome.requests[0]?.messages)).toContain('hello');
  }, 300_000);
  it.each(['sequential', 'graph', 'supervisor', 'react'])('%s: `run --events hello` writes RunEvent lines that match the JSON Schema, steps in order', async (name) => {
    const project = projects.get(name) ?? '';
    const cwd = mkdtempSync(join(root, `events-${name}-`));
    const { stdout } = await execute(join(venv, 'bin', 'python'), ['-c', CLI_CHECK, project, '--events'], {
      cwd,
      env: { ...process.env, PYTHONPATH: join(project, 'src') },
      timeout: 300_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const outcome = JSON.parse(stdout) as { code: number; stdout: string; stderr: string };
    expect(outcome.code, outcome.stderr).toBe(0);
    expectCrewEventRun(outcome.stdout, { agents: EVENT_AGENTS[name], tasks: EVENT_TASKS[name] });
  }, 300_000);
});
