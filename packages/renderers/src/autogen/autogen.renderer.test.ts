// Golden files, determinism, parseable output, escaping of hostile text, and refusals for the
// AutoGen renderer. Running the generated projects for real is tests/integration/autogen.project.test.ts.
import { execFileSync } from 'node:child_process';
import type { FileTree, PatternId, ProjectSpec } from '@agent-generator/contracts';
import { restoreProjectSpec } from '@agent-generator/contracts';
import { frameworkById } from '@agent-generator/core';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { fixtureSpec } from '../test-fixtures';
import { autogenRenderer } from './autogen.renderer';
import { autogenReadme } from './autogen-readme';
import { AUTOGEN_PATTERNS } from './autogen-patterns';
import { assertRenderable } from '../shared/pattern-support';

const PATTERNS: ReadonlyArray<PatternId> = ['sequential', 'supervisor', 'react', 'graph', 'group-chat'];
const SOURCE = 'src/paper_digest';
// Files whose content depends on the pattern, and files that are the same for every pattern. The
// README is mostly the shared part, so only this renderer's section of it is a golden file.
const PATTERN_FILES = [`${SOURCE}/team.py`, 'tests/test_autogen.py'];
const COMMON_FILES = [`${SOURCE}/main.py`, `${SOURCE}/agents.py`, `${SOURCE}/event_hooks.py`, `${SOURCE}/model.py`, `${SOURCE}/prompts.py`, 'pyproject.toml'];

function render(pattern: PatternId, overrides: Partial<Parameters<typeof fixtureSpec>[0]> = {}): FileTree {
  return autogenRenderer.render(fixtureSpec({ framework: 'autogen', pattern, ...overrides }));
}

function file(tree: FileTree, path: string): string {
  const found = tree.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`no ${path} in the tree`);
  return found.content;
}

/** Compiles every Python file with python3 in one process; returns "path: error" lines. */
function pythonErrors(files: ReadonlyArray<{ path: string; content: string }>): string[] {
  const script = 'import json, sys\nfor f in json.load(sys.stdin):\n    try:\n        compile(f["content"], f["path"], "exec")\n    except SyntaxError as e:\n        print(f"{f[\'path\']}: {e}")';
  return execFileSync('python3', ['-c', script], { input: JSON.stringify(files), encoding: 'utf8' }).split('\n').filter(Boolean);
}

describe('autogenRenderer', () => {
  it.each(PATTERNS)('renders the %s pattern as the golden files', async (pattern) => {
    const tree = render(pattern);
    for (const path of PATTERN_FILES) {
      await expect(file(tree, path)).toMatchFileSnapshot(`__snapshots__/${pattern}/${path}.snap`);
    }
    const readme = autogenReadme(fixtureSpec({ framework: 'autogen', pattern }), AUTOGEN_PATTERNS[pattern]);
    expect(file(tree, 'README.md')).toContain(readme.overview);
    await expect(readme.overview).toMatchFileSnapshot(`__snapshots__/${pattern}/README.overview.md.snap`);
  });

  it('renders the pattern-independent files as the golden files, the same for every pattern', async () => {
    const trees = PATTERNS.map((pattern) => render(pattern));
    for (const path of COMMON_FILES) {
      await expect(file(trees[0]!, path)).toMatchFileSnapshot(`__snapshots__/common/${path}.snap`);
      for (const tree of trees) expect(file(tree, path)).toBe(file(trees[0]!, path));
    }
  });

  it('is deterministic', () => {
    for (const pattern of PATTERNS) expect(render(pattern)).toEqual(render(pattern));
  });

  it('renders Python that compiles and a pyproject that loads, for every pattern and provider', () => {
    const trees = [...PATTERNS.map((pattern) => render(pattern)), render('react', { provider: 'anthropic', tools: [] }), render('graph', { provider: 'bedrock' })];
    const python = trees.flatMap((tree, index) => tree.filter((entry) => entry.path.endsWith('.py')).map((entry) => ({ path: `${index}/${entry.path}`, content: entry.content })));
    expect(python.length).toBeGreaterThan(50);
    expect(pythonErrors(python)).toEqual([]);
    for (const tree of trees) {
      const pyproject = parseToml(file(tree, 'pyproject.toml')) as { project: { dependencies: string[] } };
      expect(pyproject.project.dependencies).toContain('autogen-agentchat>=0.7.5,<0.8');
      for (const entry of tree.filter((candidate) => candidate.path.endsWith('.json'))) expect(() => JSON.parse(entry.content)).not.toThrow();
    }
  });

  it('installs the autogen-ext extra of the spec provider next to the OpenAI-compatible one', () => {
    const dependencies = (provider: ProjectSpec['model']['provider']) =>
      (parseToml(file(render('sequential', { provider }), 'pyproject.toml')) as { project: { dependencies: string[] } }).project.dependencies;
    expect(dependencies('ollama')).toContain('autogen-ext[ollama,openai]>=0.7.5,<0.8');
    expect(dependencies('anthropic')).toContain('autogen-ext[anthropic,openai]>=0.7.5,<0.8');
    expect(dependencies('openai-compatible')).toContain('autogen-ext[openai]>=0.7.5,<0.8');
  });

  it('carries hostile spec text into prompts.py as exactly the same Python strings', () => {
    const hostile = 'He said "hi" and \'bye\' \\ """ end\n{topic} ${x} \u2028 \u00e9 \ud83d\ude80"); import os; os.system("echo pwned") #';
    const base = fixtureSpec({ framework: 'autogen', pattern: 'graph' });
    const restored = restoreProjectSpec({
      ...base,
      name: hostile.slice(0, 100),
      idea: hostile,
      agents: base.agents.map((agent) => ({ ...agent, role: hostile, goal: hostile, backstory: hostile })),
      tasks: base.tasks.map((task) => ({ ...task, description: hostile, expectedOutput: hostile })),
    });
    if (!restored.ok) throw new Error(JSON.stringify(restored.issues));
    const prompts = file(autogenRenderer.render(restored.spec), `${SOURCE}/prompts.py`);
    const script = [
      'import importlib.util, json, sys',
      'module = importlib.util.module_from_spec(importlib.util.spec_from_loader("prompts", loader=None))',
      'sys.modules["prompts"] = module',
      'exec(compile(sys.stdin.read(), "prompts.py", "exec"), module.__dict__)',
      'texts = [module.PROJECT, module.IDEA] + [v for a in module.AGENTS.values() for v in (a.role, a.goal, a.backstory)]',
      'texts += [v for t in module.TASKS for v in (t.description, t.expected_output)]',
      'print(json.dumps(texts))',
    ].join('\n');
    const texts = JSON.parse(execFileSync('python3', ['-c', script], { input: prompts, encoding: 'utf8' })) as string[];
    const spec = restored.spec;
    expect(texts).toEqual([
      spec.name,
      spec.idea,
      ...spec.agents.flatMap((agent) => [agent.role, agent.goal, agent.backstory]),
      ...spec.tasks.flatMap((task) => [task.description, task.expectedOutput]),
    ]);
    expect(texts[1]).toBe(hostile);
  });

  it('says in the README that AutoGen is archived upstream and names its successor', () => {
    expect(file(render('group-chat'), 'README.md')).toContain('Microsoft Agent Framework is its successor');
  });

  it('refuses a spec for another framework', () => {
    expect(() => autogenRenderer.render(fixtureSpec({ framework: 'strands', pattern: 'react' }))).toThrow(/cannot render a spec for framework "strands"/);
  });

  it('refuses a pattern the catalog marks unsupported, naming the supported ones', () => {
    const entry = frameworkById('autogen');
    const withoutGraph = { ...entry, patterns: { ...entry.patterns, graph: 'unsupported' as const } };
    expect(() => assertRenderable(fixtureSpec({ framework: 'autogen', pattern: 'graph' }), withoutGraph)).toThrow(
      'AutoGen does not support the "graph" pattern; choose one of: sequential, supervisor, react, group-chat',
    );
    expect(() => assertRenderable(fixtureSpec({ framework: 'autogen', pattern: 'graph' }), entry)).not.toThrow();
  });
});
