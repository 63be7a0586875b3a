// Golden and validity tests of the CrewAI Flow renderer: each pattern's flow wiring, YAML that
// carries user text unchanged, provider extras and refusals.
import { execFileSync } from 'node:child_process';
import type { FileTree, PatternId, ProjectSpec, ProviderId } from '@agent-generator/contracts';
import { restoreProjectSpec } from '@agent-generator/contracts';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { fixtureSpec } from '../test-fixtures';
import { crewaiFlowRenderer } from './crewai-flow.renderer';

const SOURCE = 'src/paper_digest';
const PATTERNS = ['sequential', 'graph', 'supervisor', 'react'] as const;
const PATTERN_FILES: Record<(typeof PATTERNS)[number], ReadonlyArray<string>> = {
  sequential: [`${SOURCE}/flow.py`, 'tests/test_crewai_flow.py', 'README.md'],
  graph: [`${SOURCE}/flow.py`, 'tests/test_crewai_flow.py', 'README.md'],
  supervisor: [`${SOURCE}/flow.py`, `${SOURCE}/supervisor.py`, 'tests/test_crewai_flow.py', 'README.md'],
  react: [`${SOURCE}/flow.py`, `${SOURCE}/react.py`, 'tests/test_crewai_flow.py', 'README.md'],
};
const COMMON_FILES = [`${SOURCE}/main.py`, `${SOURCE}/agents.py`, `${SOURCE}/config/agents.yaml`, `${SOURCE}/config/tasks.yaml`, `${SOURCE}/crewai_events.py`];
const PROVIDERS: ReadonlyArray<ProviderId> = ['openai', 'azure-openai', 'anthropic', 'bedrock', 'vertex', 'watsonx', 'ollama', 'ollabridge', 'openai-compatible'];

function render(pattern: PatternId, provider?: ProviderId): FileTree {
  return crewaiFlowRenderer.render(fixtureSpec({ framework: 'crewai-flow', pattern, ...(provider ? { provider } : {}) }));
}

function variant(base: ProjectSpec, changes: Partial<ProjectSpec>): ProjectSpec {
  const result = restoreProjectSpec({ ...base, ...changes });
  if (!result.ok) throw new Error(`invalid spec: ${JSON.stringify(result.issues)}`);
  return result.spec;
}

function content(tree: FileTree, path: string): string {
  const file = tree.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`no ${path} in the tree`);
  return file.content;
}

/** What this renderer contributes to a file: for the shared README, only its "How it works" section. */
function ownContent(tree: FileTree, path: string): string {
  const text = content(tree, path);
  if (path !== 'README.md') return text;
  const start = text.indexOf('## How it works');
  const end = text.indexOf('\n## ', start + 1);
  if (start < 0 || end < 0) throw new Error('the README has no "How it works" section');
  return text.slice(start, end + 1);
}

/** The decorator line above each `async def <task>_step`, keyed by task id. */
function stepTriggers(flow: string): Record<string, string> {
  const triggers: Record<string, string> = {};
  for (const match of flow.matchAll(/ {4}(@\S.*)\n {4}async def (\w+)_step\(self\)/g)) triggers[match[2] ?? ''] = match[1] ?? '';
  return triggers;
}

/** Parses every Python file with the real Python parser; returns "path: error" lines. */
function pythonSyntaxErrors(trees: ReadonlyArray<FileTree>): string[] {
  const sources = trees.flatMap((tree) => tree.filter((file) => file.path.endsWith('.py')).map((file) => [file.path, file.content]));
  const script = 'import ast,json,sys\nerrors=[]\nfor path,text in json.load(sys.stdin):\n  try: ast.parse(text, path)\n  except SyntaxError as e: errors.append(f"{path}: {e}")\nprint(json.dumps(errors))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(sources), encoding: 'utf8' })) as string[];
}

describe('crewaiFlowRenderer', () => {
  it.each(PATTERNS)('renders the %s pattern as golden files', async (pattern) => {
    const tree = render(pattern);
    for (const path of PATTERN_FILES[pattern]) {
      await expect(ownContent(tree, path)).toMatchFileSnapshot(`./__snapshots__/${pattern}/${path.split('/').pop() ?? path}`);
    }
  });

  it('renders the pattern-independent files once', async () => {
    const tree = render('sequential');
    for (const path of COMMON_FILES) {
      await expect(content(tree, path)).toMatchFileSnapshot(`./__snapshots__/common/${path.split('/').pop() ?? path}`);
      for (const pattern of PATTERNS) expect(content(render(pattern), path), `${pattern} ${path}`).toBe(content(tree, path));
    }
  });

  it('is deterministic', () => {
    for (const pattern of PATTERNS) expect(render(pattern)).toEqual(render(pattern));
  });

  it('writes Python that parses and YAML and TOML that load, for every pattern and provider', () => {
    const trees = [...PATTERNS.map((pattern) => render(pattern)), ...PROVIDERS.map((provider) => render('graph', provider))];
    expect(pythonSyntaxErrors(trees)).toEqual([]);
    for (const tree of trees) {
      expect(Object.keys(parseYaml(content(tree, `${SOURCE}/config/agents.yaml`), { version: '1.1' }) as object)).toEqual(['researcher', 'analyst', 'writer']);
      expect(Object.keys(parseYaml(content(tree, `${SOURCE}/config/tasks.yaml`), { version: '1.1' }) as object)).toEqual(['find_papers', 'analyse_papers', 'write_digest']);
      const pyproject = parseToml(content(tree, 'pyproject.toml')) as { project: { dependencies: string[] } };
      expect(pyproject.project.dependencies.filter((name) => name.startsWith('crewai'))).toHaveLength(1);
    }
  });

  it('chains the steps in spec order for the sequential pattern', () => {
    const base = fixtureSpec({ framework: 'crewai-flow', pattern: 'sequential' });
    // Context skips a task here, but a sequential flow still runs the tasks one after another.
    const spec = variant(base, { tasks: base.tasks.map((task) => (task.id === 'write_digest' ? { ...task, context: ['find_papers'] } : task)) });
    const flow = content(crewaiFlowRenderer.render(spec), `${SOURCE}/flow.py`);
    expect(stepTriggers(flow)).toEqual({ find_papers: '@start()', analyse_papers: '@listen(find_papers_step)', write_digest: '@listen(analyse_papers_step)' });
    expect(flow).toContain('FINAL_TASKS = ["write_digest"]');
  });

  it('wires graph edges from task context: parallel starts, a join and several results', () => {
    const base = fixtureSpec({ framework: 'crewai-flow', pattern: 'graph' });
    const spec = variant(base, {
      tasks: [
        { id: 'plan', description: 'Plan.', expectedOutput: 'A plan', agent: 'researcher', context: [] },
        { id: 'left', description: 'Left.', expectedOutput: 'L', agent: 'researcher', context: ['plan'] },
        { id: 'right', description: 'Right.', expectedOutput: 'R', agent: 'analyst', context: ['plan'] },
        { id: 'join', description: 'Join.', expectedOutput: 'J', agent: 'writer', context: ['left', 'right'] },
        { id: 'aside', description: 'Aside.', expectedOutput: 'A', agent: 'analyst', context: [] },
      ],
    });
    const flow = content(crewaiFlowRenderer.render(spec), `${SOURCE}/flow.py`);
    expect(stepTriggers(flow)).toEqual({
      plan: '@start()',
      left: '@listen(plan_step)',
      right: '@listen(plan_step)',
      join: '@listen(and_(left_step, right_step))',
      aside: '@start()',
    });
    expect(flow).toContain('FINAL_TASKS = ["join", "aside"]');
    expect(flow).toContain('    @listen(and_(join_step, aside_step))\n    def deliver(self) -> str:');
  });

  it('routes every task through the supervisor router', () => {
    const flow = content(render('supervisor'), `${SOURCE}/flow.py`);
    expect(flow).toContain('@router(or_("begin", "find_papers_step", "analyse_papers_step", "write_digest_step"))');
    expect(stepTriggers(flow)).toEqual({ find_papers: '@listen("task:find_papers")', analyse_papers: '@listen("task:analyse_papers")', write_digest: '@listen("task:write_digest")' });
    expect(content(render('supervisor'), `${SOURCE}/supervisor.py`)).toContain('SUPERVISOR_ID: str | None = None');
    const base = fixtureSpec({ framework: 'crewai-flow', pattern: 'supervisor' });
    const spec = variant(base, { agents: base.agents.map((agent) => (agent.id === 'writer' ? { ...agent, allowDelegation: true } : agent)) });
    expect(content(crewaiFlowRenderer.render(spec), `${SOURCE}/supervisor.py`)).toContain('SUPERVISOR_ID: str | None = "writer"');
  });

  it('carries hostile user text into YAML unchanged and keeps it out of Python', () => {
    const hostile = 'Say """hi"""\n\'; import os #\n{topic} {not_an_input} ${x} \u2028 key: value\n- item "quoted" \\';
    const base = fixtureSpec({ framework: 'crewai-flow', pattern: 'graph' });
    const spec = variant(base, {
      agents: base.agents.map((agent, index) => (index === 0 ? { ...agent, role: hostile, goal: hostile } : agent)),
      tasks: base.tasks.map((task, index) => (index === 0 ? { ...task, description: hostile, expectedOutput: hostile } : task)),
    });
    const tree = crewaiFlowRenderer.render(spec);
    const agents = parseYaml(content(tree, `${SOURCE}/config/agents.yaml`), { version: '1.1' }) as Record<string, Record<string, unknown>>;
    const tasks = parseYaml(content(tree, `${SOURCE}/config/tasks.yaml`), { version: '1.1' }) as Record<string, Record<string, unknown>>;
    expect(agents.researcher).toMatchObject({ role: hostile, goal: hostile });
    expect(tasks.find_papers).toMatchObject({ description: hostile, expected_output: hostile });
    // This renderer's Python reads user text from the YAML; none of it is written into its modules.
    for (const path of ['flow.py', 'agents.py', 'main.py', 'llm.py']) expect(content(tree, `${SOURCE}/${path}`), path).not.toContain('import os #');
    expect(pythonSyntaxErrors([tree])).toEqual([]);
  });

  it('refuses group chat and specs for another framework', () => {
    expect(() => render('group-chat')).toThrow('CrewAI Flow does not support the "group-chat" pattern; choose one of: sequential, graph, supervisor, react');
    expect(() => crewaiFlowRenderer.render(fixtureSpec({ framework: 'crewai', pattern: 'sequential' }))).toThrow('the CrewAI Flow renderer cannot render a "crewai" spec');
  });
});
