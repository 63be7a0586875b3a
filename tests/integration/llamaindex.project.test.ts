// Generated LlamaIndex projects, run for real: every supported pattern is written to a temp dir,
// installed in a cached venv with llama-index from PyPI, and its own pytest suite must pass; the
// command line then answers once against the project's fake model server.
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { FileTree, PatternId, ProjectSpec } from '@agent-generator/contracts';
import { restoreProjectSpec } from '@agent-generator/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { llamaindexRenderer } from '../../packages/renderers/src/llamaindex/llamaindex.renderer';
import { fixtureSpec } from '../../packages/renderers/src/test-fixtures';
import { ensureVenv, projectRequirements, runInVenv } from './support/python-venv';

const PATTERNS: ReadonlyArray<PatternId> = ['sequential', 'graph', 'react', 'supervisor'];
const INSTALL_TIMEOUT = 30 * 60 * 1000;
const directories: string[] = [];

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

// Starts the project's FakeLLM, points the settings at it and runs `python -m paper_digest run`.
const CLI_RUN = `
import os, subprocess, sys
sys.path.insert(0, "tests")
from fake_llm import FakeLLM
with FakeLLM() as server:
    env = dict(os.environ, MODEL_PROVIDER="openai-compatible", MODEL_ID="fake-model", OPENAI_BASE_URL=server.url, OPENAI_API_KEY="test", WORKSPACE_DIR="workspace")
    done = subprocess.run([sys.executable, "-m", "paper_digest", "run", "hello"], env=env, capture_output=True, text=True, timeout=300)
    print(done.stdout)
    print(done.stderr, file=sys.stderr)
    sys.exit(done.returncode)
`;

async function runProject(spec: ProjectSpec): Promise<{ pytest: string; cli: string }> {
  const dir = writeProject(llamaindexRenderer.render(spec));
  const venv = await ensureVenv(projectRequirements(dir));
  const pytest = await runInVenv({ venv, cwd: dir, args: ['pytest', '-q', '-p', 'no:cacheprovider'] });
  mkdirSync(join(dir, 'workspace'), { recursive: true });
  const cli = await promisify(execFile)(join(venv, 'bin', 'python'), ['-c', CLI_RUN], { cwd: dir, timeout: 10 * 60 * 1000, env: { ...process.env, PYTHONPATH: join(dir, 'src') } });
  return { pytest: pytest.stdout, cli: cli.stdout };
}

describe.skipIf(process.env.AG_SKIP_PYTHON === '1')('generated LlamaIndex projects', () => {
  afterAll(() => {
    for (const dir of directories) rmSync(dir, { recursive: true, force: true });
  });

  it.each(PATTERNS)('the %s project passes its own tests and answers from the command line', async (pattern) => {
    const { pytest, cli } = await runProject(fixtureSpec({ framework: 'llamaindex', pattern }));
    expect(pytest).toMatch(/\d+ passed/);
    expect(pytest).not.toMatch(/\d+ (failed|errors?)\b/);
    expect(cli.trim()).not.toBe('');
  }, INSTALL_TIMEOUT);

  it('a graph with a join and two ends passes its own tests', async () => {
    const { pytest } = await runProject(diamondSpec());
    expect(pytest).toMatch(/\d+ passed/);
  }, INSTALL_TIMEOUT);
});
