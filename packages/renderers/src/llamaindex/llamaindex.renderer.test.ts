// Golden and validity tests of the LlamaIndex renderer: every supported pattern, provider branches,
// graph shapes, escaping of hostile text, determinism and refusal of unsupported patterns.
import { execFileSync } from 'node:child_process';
import type { FileTree, PatternId, ProjectSpec, ProviderId } from '@agent-generator/contracts';
import { restoreProjectSpec } from '@agent-generator/contracts';
import { modelsOf } from '@agent-generator/core';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { fixtureSpec } from '../test-fixtures';
import { llamaindexRenderer } from './llamaindex.renderer';

const SOURCE = 'src/paper_digest';
const PATTERNS = ['sequential', 'graph', 'react', 'supervisor'] as const;
const PROVIDERS: ProviderId[] = ['openai', 'azure-openai', 'anthropic', 'bedrock', 'vertex', 'watsonx', 'ollama', 'ollabridge', 'openai-compatible'];

/** The fixture with the provider's first catalog model, as the planner would pick it. */
function spec(pattern: PatternId, provider?: ProviderId): ProjectSpec {
  const model = provider ? modelsOf(provider)[0]?.id : undefined;
  return fixtureSpec({ framework: 'llamaindex', pattern, ...(provider ? { provider } : {}), ...(model ? { model } : {}) });
}

function content(tree: FileTree, path: string): string {
  const file = tree.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`no ${path} in the tree`);
  return file.content;
}

function frameworkFiles(pattern: PatternId): string[] {
  const orchestration = pattern === 'supervisor' ? 'team.py' : 'workflow.py';
  return ['main.py', 'llm.py', 'prompts.py', 'agents.py', 'hooks.py', orchestration].map((name) => `${SOURCE}/${name}`).concat('tests/test_llamaindex.py', 'README.md');
}

function dependencies(tree: FileTree): string[] {
  return (parseToml(content(tree, 'pyproject.toml')) as { project: { dependencies: string[] } }).project.dependencies;
}

/** A graph spec shaped like a diamond plus an independent branch: two start tasks, a join, two ends. */
function diamondSpec(): ProjectSpec {
  const base = spec('graph');
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

/** A spec whose every user text tries to break out of a Python string, a prompt or a docstring. */
function hostileSpec(pattern: PatternId): ProjectSpec {
  const base = spec(pattern);
  const evil = 'x"""; import os; os.system("rm -rf /") #\\\n\'{topic}\' {0} %s \u2028 end';
  const result = restoreProjectSpec({
    ...base,
    name: evil,
    idea: evil,
    agents: base.agents.map((agent) => ({ ...agent, role: evil, goal: evil, backstory: evil })),
    tasks: base.tasks.map((task) => ({ ...task, description: evil, expectedOutput: evil })),
    inputs: [{ name: 'topic', description: evil, default: evil }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.spec;
}

/** Parses every Python file with the real Python parser; returns "path: error" lines. */
function pythonSyntaxErrors(trees: ReadonlyArray<FileTree>): string[] {
  const sources = trees.flatMap((tree) => tree.filter((file) => file.path.endsWith('.py')).map((file) => [file.path, file.content]));
  const script = 'import ast,json,sys\nerrors=[]\nfor path,text in json.load(sys.stdin):\n  try: ast.parse(text, path)\n  except SyntaxError as e: errors.append(f"{path}: {e}")\nprint(json.dumps(errors))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(sources), encoding: 'utf8' })) as string[];
}

describe('llamaindexRenderer', () => {
  it.each(PATTERNS)('renders the %s pattern as golden files', async (pattern) => {
    const tree = llamaindexRenderer.render(spec(pattern));
    for (const path of frameworkFiles(pattern)) {
      await expect(content(tree, path)).toMatchFileSnapshot(`./__snapshots__/${pattern}/${path.split('/').pop() ?? path}`);
    }
  });

  it.each(PROVIDERS)('builds the %s model and installs only its integration', async (provider) => {
    const tree = llamaindexRenderer.render(spec('sequential', provider));
    await expect(content(tree, `${SOURCE}/llm.py`)).toMatchFileSnapshot(`./__snapshots__/providers/${provider}-llm.py`);
    const integrations = dependencies(tree).filter((name) => name.startsWith('llama-index-llms-') && !name.startsWith('llama-index-llms-openai-like'));
    expect(integrations.length).toBeLessThanOrEqual(1);
    expect(dependencies(tree)).toContain('llama-index-core>=0.14,<0.15');
    expect(content(tree, `${SOURCE}/llm.py`)).toContain('is_function_calling_model=True');
  });

  it('wires a graph with joins and several ends through collected events', async () => {
    const workflow = content(llamaindexRenderer.render(diamondSpec()), `${SOURCE}/workflow.py`);
    await expect(workflow).toMatchFileSnapshot('./__snapshots__/graph-diamond/workflow.py');
    expect(workflow).toContain('async def task_write_digest(self, ctx: Context, ev: CheckNumbersDone | SummariseDone) -> WriteDigestDone | None:');
    expect(workflow).toContain('ctx.collect_events(ev, [CheckNumbersDone, SummariseDone])');
    expect(workflow).toContain('async def task_side_note(self, ctx: Context, ev: StartEvent) -> SideNoteDone:');
    expect(workflow).toContain('async def finish(self, ctx: Context, ev: WriteDigestDone | SideNoteDone) -> StopEvent | None:');
  });

  it('is deterministic', () => {
    for (const pattern of PATTERNS) expect(llamaindexRenderer.render(spec(pattern))).toEqual(llamaindexRenderer.render(spec(pattern)));
  });

  it('writes Python that parses and TOML that loads, for every pattern, provider and hostile text', () => {
    const trees = [
      ...PATTERNS.map((pattern) => llamaindexRenderer.render(spec(pattern))),
      ...PATTERNS.map((pattern) => llamaindexRenderer.render(hostileSpec(pattern))),
      ...PROVIDERS.map((provider) => llamaindexRenderer.render(spec('react', provider))),
      llamaindexRenderer.render(diamondSpec()),
    ];
    expect(pythonSyntaxErrors(trees)).toEqual([]);
    for (const tree of trees) expect(() => parseToml(content(tree, 'pyproject.toml'))).not.toThrow();
  });

  it('keeps hostile text inside string literals', () => {
    const prompts = content(llamaindexRenderer.render(hostileSpec('sequential')), `${SOURCE}/prompts.py`);
    expect(prompts).not.toMatch(/^\s*import os/m);
    expect(prompts).toContain('role="x\\"\\"\\"; import os; os.system(\\"rm -rf /\\") #\\\\\\n\'{topic}\' {0} %s \\u2028 end"');
  });

  it('refuses the group-chat pattern with a clear error', () => {
    expect(() => llamaindexRenderer.render(spec('group-chat'))).toThrow(/LlamaIndex projects do not support the group-chat pattern/);
  });
});
