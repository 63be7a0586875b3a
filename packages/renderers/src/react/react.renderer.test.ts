// Golden and validity tests of the ReAct renderer: both patterns, unsupported patterns, escaping.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FileTree, PatternId, ProviderId } from '@agent-generator/contracts';
import { PROVIDER_IDS, restoreProjectSpec } from '@agent-generator/contracts';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { fixtureSpec } from '../test-fixtures';
import { reactRenderer } from './react.renderer';

const SOURCE = 'src/paper_digest';
const PATTERNS = ['react', 'sequential'] as const;
// Files whose content depends on the pattern; the rest must be identical for both patterns.
const PATTERN_FILES = [`${SOURCE}/main.py`, 'tests/test_react.py', 'README.md'];
const COMMON_FILES = ['pyproject.toml', `${SOURCE}/agent.py`, `${SOURCE}/tool_schemas.py`, `${SOURCE}/team.py`, `${SOURCE}/client.py`];

function render(pattern: PatternId, provider?: ProviderId): FileTree {
  return reactRenderer.render(fixtureSpec({ framework: 'react', pattern, ...(provider ? { provider } : {}) }));
}

function content(tree: FileTree, path: string): string {
  const file = tree.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`no ${path} in the tree`);
  return file.content;
}

function dependencies(tree: FileTree): string[] {
  return (parseToml(content(tree, 'pyproject.toml')) as { project: { dependencies: string[] } }).project.dependencies;
}

/** Parses every Python file with the real Python parser; returns "path: error" lines. */
function pythonSyntaxErrors(trees: ReadonlyArray<FileTree>): string[] {
  const sources = trees.flatMap((tree) => tree.filter((file) => file.path.endsWith('.py')).map((file) => [file.path, file.content]));
  const script = 'import ast,json,sys\nerrors=[]\nfor path,text in json.load(sys.stdin):\n  try: ast.parse(text, path)\n  except SyntaxError as e: errors.append(f"{path}: {e}")\nprint(json.dumps(errors))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(sources), encoding: 'utf8' })) as string[];
}

describe('reactRenderer', () => {
  it.each(PATTERNS)('renders the %s pattern as golden files', async (pattern) => {
    const tree = render(pattern);
    for (const path of PATTERN_FILES) {
      await expect(content(tree, path)).toMatchFileSnapshot(`./__snapshots__/${pattern}/${path.split('/').pop() ?? path}`);
    }
  });

  it('renders the pattern-independent files once', async () => {
    const tree = render('react');
    for (const path of COMMON_FILES) {
      await expect(content(tree, path)).toMatchFileSnapshot(`./__snapshots__/common/${path.split('/').pop() ?? path}`);
      expect(content(render('sequential'), path), path).toBe(content(tree, path));
    }
  });

  it.each(['supervisor', 'graph', 'group-chat'] as const)('refuses the unsupported %s pattern with the alternatives', (pattern) => {
    expect(() => render(pattern)).toThrow(new RegExp(`cannot build the "${pattern}" pattern.*choose react or sequential`));
  });

  it('refuses a spec for another framework', () => {
    expect(() => reactRenderer.render(fixtureSpec({ framework: 'langgraph', pattern: 'react' }))).toThrow(/cannot render a "langgraph" spec/);
  });

  it('depends on the OpenAI SDK only, with the Bedrock extra for Bedrock', () => {
    for (const provider of PROVIDER_IDS) {
      const expected = provider === 'bedrock' ? 'openai[bedrock]>=3,<4' : 'openai>=3,<4';
      expect(dependencies(render('react', provider)), provider).toEqual([expected]);
    }
  });

  it('is deterministic', () => {
    for (const pattern of PATTERNS) expect(render(pattern)).toEqual(render(pattern));
  });

  it('writes Python that parses and TOML that loads, for both patterns and every provider', () => {
    const trees = [...PATTERNS.map((pattern) => render(pattern)), ...PROVIDER_IDS.map((provider) => render('sequential', provider))];
    expect(pythonSyntaxErrors(trees)).toEqual([]);
    for (const tree of trees) expect(() => parseToml(content(tree, 'pyproject.toml'))).not.toThrow();
  });

  it('keeps hostile user text inert: Python reads back exactly the spec text', () => {
    const hostile = 'Say """hi"""\\n\'; import os; os.system("x") #\n{topic} ${x} \\u0041 \u2028 end\\';
    const base = fixtureSpec({ framework: 'react', pattern: 'sequential' });
    const result = restoreProjectSpec({
      ...base,
      agents: base.agents.map((agent, index) => (index === 0 ? { ...agent, goal: hostile } : agent)),
      tasks: base.tasks.map((task, index) => (index === 0 ? { ...task, expectedOutput: hostile } : task)),
    });
    if (!result.ok) throw new Error('invalid spec');
    const root = mkdtempSync(join(tmpdir(), 'react-escape-'));
    try {
      const tree = reactRenderer.render(result.spec);
      for (const path of [`${SOURCE}/__init__.py`, `${SOURCE}/team.py`]) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), content(tree, path));
      }
      const script = 'import json\nfrom paper_digest.team import AGENTS, TASKS\nprint(json.dumps([AGENTS["researcher"].goal, TASKS[0].expected_output]))';
      const output = execFileSync('python3', ['-c', script], { env: { ...process.env, PYTHONPATH: join(root, 'src') }, encoding: 'utf8' });
      const expected = result.spec.agents[0]?.goal ?? '';
      expect(JSON.parse(output)).toEqual([expected, expected]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
