// Golden and validity tests of the LangGraph renderer: every pattern, every provider branch, escaping.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FileTree, PatternId, ProviderId } from '@agent-generator/contracts';
import { PATTERN_IDS, restoreProjectSpec } from '@agent-generator/contracts';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { fixtureSpec } from '../test-fixtures';
import { langgraphRenderer } from './langgraph.renderer';

const SOURCE = 'src/paper_digest';
// Files whose content depends on the pattern; the rest must be identical for every pattern.
const PATTERN_FILES = [`${SOURCE}/graph.py`, 'tests/test_langgraph.py', 'README.md'];
const COMMON_FILES = ['langgraph.json', 'pyproject.toml', `${SOURCE}/main.py`, `${SOURCE}/agent_loop.py`, `${SOURCE}/event_hooks.py`, `${SOURCE}/agents.py`, `${SOURCE}/tasks.py`, `${SOURCE}/agent_tools.py`, `${SOURCE}/llm.py`];

function render(pattern: PatternId, provider?: ProviderId): FileTree {
  return langgraphRenderer.render(fixtureSpec({ framework: 'langgraph', pattern, ...(provider ? { provider } : {}) }));
}

function content(tree: FileTree, path: string): string {
  const file = tree.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`no ${path} in the tree`);
  return file.content;
}

function snapshotName(path: string): string {
  return path.split('/').pop() ?? path;
}

/** Parses every Python file with the real Python parser; returns "path: error" lines. */
function pythonSyntaxErrors(trees: ReadonlyArray<FileTree>): string[] {
  const sources = trees.flatMap((tree) => tree.filter((file) => file.path.endsWith('.py')).map((file) => [file.path, file.content]));
  const script = 'import ast,json,sys\nerrors=[]\nfor path,text in json.load(sys.stdin):\n  try: ast.parse(text, path)\n  except SyntaxError as e: errors.append(f"{path}: {e}")\nprint(json.dumps(errors))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(sources), encoding: 'utf8' })) as string[];
}

describe('langgraphRenderer', () => {
  it.each(PATTERN_IDS)('renders the %s pattern as golden files', async (pattern) => {
    const tree = render(pattern);
    for (const path of PATTERN_FILES) {
      await expect(content(tree, path)).toMatchFileSnapshot(`./__snapshots__/${pattern}/${snapshotName(path)}`);
    }
  });

  it('renders the pattern-independent files once', async () => {
    const tree = render('sequential');
    for (const path of COMMON_FILES) {
      await expect(content(tree, path)).toMatchFileSnapshot(`./__snapshots__/common/${snapshotName(path)}`);
    }
    for (const pattern of PATTERN_IDS) {
      const other = render(pattern);
      for (const path of COMMON_FILES) expect(content(other, path), `${pattern} ${path}`).toBe(content(tree, path));
    }
  });

  it.each(['openai', 'azure-openai', 'anthropic', 'bedrock', 'vertex', 'watsonx'] as const)('builds the %s chat model with its own integration', async (provider) => {
    const tree = render('sequential', provider);
    await expect(content(tree, `${SOURCE}/llm.py`)).toMatchFileSnapshot(`./__snapshots__/providers/${provider}-llm.py`);
    const dependencies = (parseToml(content(tree, 'pyproject.toml')) as { project: { dependencies: string[] } }).project.dependencies;
    const integrations = dependencies.filter((name) => /^langchain-(anthropic|aws|google-genai|ibm|ollama)/.test(name));
    expect(integrations.length).toBeLessThanOrEqual(1);
  });

  it('adds only the spec provider\'s LangChain package', () => {
    const dependenciesOf = (provider: ProviderId) =>
      (parseToml(content(render('react', provider), 'pyproject.toml')) as { project: { dependencies: string[] } }).project.dependencies;
    expect(dependenciesOf('anthropic')).toContain('langchain-anthropic>=1,<2');
    expect(dependenciesOf('anthropic')).not.toContain('langchain-ollama>=1,<2');
    expect(dependenciesOf('openai-compatible').filter((name) => name.startsWith('lang'))).toEqual(['langgraph>=1.2,<2', 'langchain-core>=1,<2', 'langchain-openai>=1,<2']);
  });

  it('is deterministic', () => {
    for (const pattern of PATTERN_IDS) expect(render(pattern)).toEqual(render(pattern));
  });

  it('writes Python that parses and JSON/TOML that loads, for every pattern and provider', () => {
    const providers: ProviderId[] = ['openai', 'azure-openai', 'anthropic', 'bedrock', 'vertex', 'watsonx', 'ollama', 'ollabridge', 'openai-compatible'];
    const trees = [...PATTERN_IDS.map((pattern) => render(pattern)), ...providers.map((provider) => render('group-chat', provider))];
    expect(pythonSyntaxErrors(trees)).toEqual([]);
    for (const tree of trees) {
      const config = JSON.parse(content(tree, 'langgraph.json')) as { graphs: Record<string, string> };
      expect(config.graphs).toEqual({ paper_digest: './src/paper_digest/graph.py:graph' });
      expect(() => parseToml(content(tree, 'pyproject.toml'))).not.toThrow();
    }
  });

  it('wires graph edges from task context: fan-out, fan-in and several results', () => {
    const base = fixtureSpec({ framework: 'langgraph', pattern: 'graph' });
    const result = restoreProjectSpec({
      ...base,
      tasks: [
        { id: 'plan', description: 'Plan.', expectedOutput: 'A plan', agent: 'researcher' },
        { id: 'left', description: 'Left.', expectedOutput: 'L', agent: 'researcher', context: ['plan'] },
        { id: 'right', description: 'Right.', expectedOutput: 'R', agent: 'analyst', context: ['plan'] },
        { id: 'join', description: 'Join.', expectedOutput: 'J', agent: 'writer', context: ['left', 'right'] },
        { id: 'aside', description: 'Aside.', expectedOutput: 'A', agent: 'analyst' },
      ],
    });
    if (!result.ok) throw new Error('invalid spec');
    const graph = content(langgraphRenderer.render(result.spec), `${SOURCE}/graph.py`);
    const edges = graph.split('\n').filter((line) => line.includes('builder.add_edge(')).map((line) => line.trim());
    expect(edges).toEqual([
      'builder.add_edge(START, "plan")',
      'builder.add_edge("plan", "left")',
      'builder.add_edge("plan", "right")',
      'builder.add_edge(["left", "right"], "join")',
      'builder.add_edge(START, "aside")',
      'builder.add_edge("join", END)',
      'builder.add_edge("aside", END)',
    ]);
    expect(graph).toContain('RESULT_TASKS = ("join", "aside")');
  });

  it('lets a delegating agent lead the supervisor and keeps the supervisor node apart from the agents', () => {
    const base = fixtureSpec({ framework: 'langgraph', pattern: 'supervisor' });
    const led = restoreProjectSpec({ ...base, agents: base.agents.map((agent, index) => ({ ...agent, allowDelegation: index === 0 })) });
    const named = restoreProjectSpec({
      ...base,
      agents: base.agents.map((agent) => (agent.id === 'writer' ? { ...agent, id: 'supervisor' } : agent)),
      tasks: base.tasks.map((task) => (task.agent === 'writer' ? { ...task, agent: 'supervisor' } : task)),
    });
    if (!led.ok || !named.ok) throw new Error('invalid spec');
    const ledGraph = content(langgraphRenderer.render(led.spec), `${SOURCE}/graph.py`);
    expect(ledGraph).toContain('SUPERVISOR = "researcher"  # the supervisor\'s node');
    expect(ledGraph).toContain('MANAGER: Agent | None = AGENTS["researcher"]');
    expect(ledGraph).toContain('WORKERS = ("analyst", "writer")');
    const namedGraph = content(langgraphRenderer.render(named.spec), `${SOURCE}/graph.py`);
    expect(namedGraph).toContain('SUPERVISOR = "supervisor_node"');
    expect(namedGraph).toContain('WORKERS = ("researcher", "analyst", "supervisor")');
  });

  it('keeps hostile user text inert: Python reads back exactly the spec text', () => {
    const hostile = 'Say """hi"""\\n\'; import os; os.system("x") #\n{topic} ${x} \\u0041 \u2028 end\\';
    const base = fixtureSpec({ framework: 'langgraph', pattern: 'sequential' });
    const result = restoreProjectSpec({ ...base, agents: base.agents.map((agent, index) => (index === 0 ? { ...agent, role: hostile, backstory: hostile } : agent)), tasks: base.tasks.map((task, index) => (index === 0 ? { ...task, description: hostile } : task)) });
    if (!result.ok) throw new Error('invalid spec');
    const tree = langgraphRenderer.render(result.spec);
    const root = mkdtempSync(join(tmpdir(), 'langgraph-escape-'));
    try {
      for (const path of [`${SOURCE}/__init__.py`, `${SOURCE}/agents.py`, `${SOURCE}/tasks.py`]) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), content(tree, path));
      }
      const script = 'import json\nfrom paper_digest.agents import AGENTS\nfrom paper_digest.tasks import TASKS\nprint(json.dumps([AGENTS["researcher"].role, AGENTS["researcher"].backstory, TASKS[0].description]))';
      const output = execFileSync('python3', ['-c', script], { env: { ...process.env, PYTHONPATH: join(root, 'src') }, encoding: 'utf8' });
      const expected = result.spec.agents[0]?.role ?? '';
      expect(JSON.parse(output)).toEqual([expected, expected, expected]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses a spec for another framework', () => {
    expect(() => langgraphRenderer.render(fixtureSpec({ framework: 'crewai', pattern: 'sequential' }))).toThrow(/cannot render a "crewai" spec/);
  });
});
