// One suite for frameworks whose renderer supports all five patterns (AutoGen, Strands): each
// pattern's own pytest suite passes against the real framework from PyPI, plus variants (a graph
// with two roots and a join, a supervisor with more tasks than workers, a one-agent group chat, a
// tool-less ReAct agent), and `python -m paper_digest run` answers through the project's fake model.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { FileTree, FrameworkId, PatternId, ProjectSpec, Renderer } from '@agent-generator/contracts';
import { PATTERN_IDS, restoreProjectSpec } from '@agent-generator/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSpec } from '../../../packages/renderers/src/test-fixtures';
import { ensureVenv, projectRequirements, runInVenv } from './python-venv';

type Case = PatternId | 'diamond' | 'repeat' | 'solo' | 'bare';

const run = promisify(execFile);

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
  });
}
