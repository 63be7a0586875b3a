// Generated watsonx Orchestrate projects, checked for real: every supported pattern is written to a
// temp dir, the ADK (ibm-watsonx-orchestrate from PyPI) is installed in a cached venv, and the
// project's own tests load every agent and tool with the ADK's loaders; import.sh must parse.
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { FileTree, PatternId, ProviderId } from '@agent-generator/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureSpec } from '../../packages/renderers/src/test-fixtures';
import { watsonxOrchestrateRenderer } from '../../packages/renderers/src/watsonx-orchestrate/watsonx-orchestrate.renderer';
import { ensureVenv, projectRequirements, runInVenv } from './support/python-venv';

const run = promisify(execFile);
const INSTALL_TIMEOUT = 30 * 60 * 1000;
const CASES: ReadonlyArray<{ pattern: PatternId; provider: ProviderId; model: string }> = [
  { pattern: 'supervisor', provider: 'watsonx', model: 'ibm/granite-3-3-8b-instruct' },
  { pattern: 'react', provider: 'watsonx', model: 'ibm/granite-3-3-8b-instruct' },
  { pattern: 'sequential', provider: 'watsonx', model: 'ibm/granite-3-3-8b-instruct' },
  { pattern: 'supervisor', provider: 'openai', model: 'gpt-4o' },
];
const directories: string[] = [];

function writeProject(tree: FileTree): string {
  const root = mkdtempSync(join(tmpdir(), 'ag-orchestrate-'));
  directories.push(root);
  for (const file of tree) {
    const target = join(root, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    if (file.executable) chmodSync(target, 0o755);
  }
  return root;
}

describe.skipIf(process.env.AG_SKIP_PYTHON === '1')('generated watsonx Orchestrate projects', () => {
  afterAll(() => {
    for (const dir of directories) rmSync(dir, { recursive: true, force: true });
  });

  it.each(CASES)('the $pattern project on $provider loads with the ADK and passes its own tests', async ({ pattern, provider, model }) => {
    const dir = writeProject(watsonxOrchestrateRenderer.render(fixtureSpec({ framework: 'watsonx-orchestrate', pattern, provider, model })));
    await run('bash', ['-n', join(dir, 'import.sh')]);
    const venv = await ensureVenv(projectRequirements(dir));
    // The ADK writes its CLI config under HOME; keep that inside the temp project.
    const { stdout } = await runInVenv({ venv, cwd: dir, args: ['pytest', '-q', '-p', 'no:cacheprovider'], env: { HOME: join(dir, '.home') } });
    expect(stdout).toMatch(/\d+ passed/);
    expect(stdout).not.toMatch(/\d+ (failed|errors?)\b/);
  }, INSTALL_TIMEOUT);
});
