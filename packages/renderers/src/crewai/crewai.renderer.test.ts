// Golden and validity tests of the CrewAI renderer: each pattern, provider extras, escaping of
// user text into YAML, literal braces, member names and refusals.
import { execFileSync } from 'node:child_process';
import type { FileTree, PatternId, ProjectSpec, ProviderId } from '@agent-generator/contracts';
import { restoreProjectSpec } from '@agent-generator/contracts';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { fixtureSpec } from '../test-fixtures';
import { crewaiRenderer } from './crewai.renderer';

const SOURCE = 'src/paper_digest';
const PATTERNS = ['sequential', 'supervisor', 'react'] as const;
const PATTERN_FILES = [`${SOURCE}/crew.py`, `${SOURCE}/config/tasks.yaml`, 'tests/test_crewai.py', 'README.md'];
const COMMON_FILES = [`${SOURCE}/main.py`, `${SOURCE}/config/agents.yaml`, `${SOURCE}/llm.py`, `${SOURCE}/tools/crewai_tools.py`, `${SOURCE}/crewai_events.py`];
const PROVIDERS: ReadonlyArray<ProviderId> = ['openai', 'azure-openai', 'anthropic', 'bedrock', 'vertex', 'watsonx', 'ollama', 'ollabridge', 'openai-compatible'];

function render(pattern: PatternId, provider?: ProviderId): FileTree {
  return crewaiRenderer.render(fixtureSpec({ framework: 'crewai', pattern, ...(provider ? { provider } : {}) }));
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

function yamlOf(tree: FileTree, name: 'agents' | 'tasks'): Record<string, Record<string, unknown>> {
  return parseYaml(content(tree, `${SOURCE}/config/${name}.yaml`), { version: '1.1' }) as Record<string, Record<string, unknown>>;
}

/** Parses every Python file with the real Python parser; returns "path: error" lines. */
function pythonSyntaxErrors(trees: ReadonlyArray<FileTree>): string[] {
  const sources = trees.flatMap((tree) => tree.filter((file) => file.path.endsWith('.py')).map((file) => [file.path, file.content]));
  const script = 'import ast,json,sys\nerrors=[]\nfor path,text in json.load(sys.stdin):\n  try: ast.parse(text, path)\n  except SyntaxError as e: errors.append(f"{path}: {e}")\nprint(json.dumps(errors))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(sources), encoding: 'utf8' })) as string[];
}

describe('crewaiRenderer', () => {
  it.each(PATTERNS)('renders the %s pattern as golden files', async (pattern) => {
    const tree = render(pattern);
    for (const path of PATTERN_FILES) {
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
    const trees = [...PATTERNS.map((pattern) => render(pattern)), ...PROVIDERS.map((provider) => render('supervisor', provider))];
    expect(pythonSyntaxErrors(trees)).toEqual([]);
    for (const tree of trees) {
      expect(Object.keys(yamlOf(tree, 'agents'))).toEqual(['researcher', 'analyst', 'writer']);
      expect(Object.keys(yamlOf(tree, 'tasks')).length).toBeGreaterThan(0);
      expect(() => parseToml(content(tree, 'pyproject.toml'))).not.toThrow();
    }
  });

  it('installs the CrewAI extra of the spec provider only', () => {
    const dependencies = (provider: ProviderId): string[] =>
      (parseToml(content(render('sequential', provider), 'pyproject.toml')) as { project: { dependencies: string[] } }).project.dependencies.filter((name) => name.startsWith('crewai'));
    expect(dependencies('ollama')).toEqual(['crewai>=1.15.2,<2']);
    expect(dependencies('openai-compatible')).toEqual(['crewai>=1.15.2,<2']);
    expect(dependencies('anthropic')).toEqual(['crewai[anthropic]>=1.15.2,<2']);
    expect(dependencies('azure-openai')).toEqual(['crewai[azure-ai-inference]>=1.15.2,<2']);
    expect(dependencies('bedrock')).toEqual(['crewai[bedrock]>=1.15.2,<2']);
    expect(dependencies('vertex')).toEqual(['crewai[google-genai]>=1.15.2,<2']);
    expect(dependencies('watsonx')).toEqual(['crewai[litellm]>=1.15.2,<2']);
  });

  it('wires tasks to agents and context like the spec, and the process like the pattern', () => {
    const sequential = render('sequential');
    expect(yamlOf(sequential, 'tasks')).toMatchObject({
      find_papers: { agent: 'researcher', context: [] },
      analyse_papers: { agent: 'analyst', context: ['find_papers'] },
      write_digest: { agent: 'writer', context: ['analyse_papers'] },
    });
    expect(content(sequential, `${SOURCE}/crew.py`)).toContain('process=Process.sequential,');
    const supervisor = content(render('supervisor'), `${SOURCE}/crew.py`);
    expect(supervisor).toContain('process=Process.hierarchical,\n            manager_llm=self.llm,');
    const react = render('react');
    expect(Object.keys(yamlOf(react, 'tasks'))).toEqual(['react_objective']);
    expect(content(react, `${SOURCE}/crew.py`)).toContain('agent = self._agent("researcher", tools=["web_search", "calculator"], allow_delegation=True)');
  });

  it("makes the spec's delegating agent the manager of a hierarchical crew", () => {
    const base = fixtureSpec({ framework: 'crewai', pattern: 'supervisor' });
    const spec = variant(base, { agents: base.agents.map((agent) => (agent.id === 'analyst' ? { ...agent, allowDelegation: true } : agent)) });
    const tree = crewaiRenderer.render(spec);
    const crew = content(tree, `${SOURCE}/crew.py`);
    expect(crew).toContain('manager_agent=self.analyst(),');
    expect(crew).not.toMatch(/@agent\n {4}def analyst/);
    expect(crew).toContain('agent = self._agent("analyst", tools=[], allow_delegation=True)');
    // CrewAI would look the manager up among the @agent methods, so its task names no agent.
    expect(yamlOf(tree, 'tasks').analyse_papers).not.toHaveProperty('agent');
  });

  it('keeps {braces} that are not inputs literal and shows unreferenced inputs to the first task', () => {
    const base = fixtureSpec({ framework: 'crewai', pattern: 'sequential' });
    const spec = variant(base, {
      inputs: [...base.inputs, { name: 'audience', description: 'Who reads it' }],
      tasks: base.tasks.map((task, index) => (index === 1 ? { ...task, description: 'Reply as JSON like {"title": "x"} with {fields} and {topic}.' } : task)),
    });
    const tree = crewaiRenderer.render(spec);
    expect(content(tree, `${SOURCE}/main.py`)).toContain('LITERAL_PLACEHOLDERS: dict[str, str] = {\n    "fields": "{fields}",\n}');
    expect(yamlOf(tree, 'tasks').find_papers?.description).toBe('Find 3 new papers about {topic}.\n\nInputs:\n- audience: {audience}');
    const noInputs = variant(base, { inputs: [], agents: base.agents.map((agent) => ({ ...agent, goal: 'Find papers' })), tasks: base.tasks.map((task) => ({ ...task, description: 'Do it.' })) });
    const plain = crewaiRenderer.render(noInputs);
    expect(yamlOf(plain, 'tasks').find_papers?.description).toBe('Do it.\n\nRequest: {input}');
    expect(content(plain, `${SOURCE}/main.py`)).toContain('values = {"input": "", **inputs, **LITERAL_PLACEHOLDERS}');
  });

  it('carries hostile user text into YAML unchanged', () => {
    const hostile = 'Say """hi"""\n\'; import os #\n{topic} ${x} \\u0041 \u2028 key: value\n- item "quoted" \\';
    const base = fixtureSpec({ framework: 'crewai', pattern: 'sequential' });
    const spec = variant(base, {
      agents: base.agents.map((agent, index) => (index === 0 ? { ...agent, role: hostile, backstory: hostile } : agent)),
      tasks: base.tasks.map((task, index) => (index === 2 ? { ...task, description: hostile, expectedOutput: hostile } : task)),
    });
    const tree = crewaiRenderer.render(spec);
    expect(yamlOf(tree, 'agents').researcher).toMatchObject({ role: hostile, backstory: hostile });
    expect(yamlOf(tree, 'tasks').write_digest).toMatchObject({ description: hostile, expected_output: hostile });
    expect(pythonSyntaxErrors([tree])).toEqual([]);
  });

  it('renames agents and tasks whose id would shadow a member of the crew class', () => {
    const base = fixtureSpec({ framework: 'crewai', pattern: 'sequential' });
    const spec = variant(base, {
      agents: base.agents.map((agent) => (agent.id === 'writer' ? { ...agent, id: 'crew' } : agent)),
      tasks: base.tasks.map((task) => (task.id === 'find_papers' ? { ...task, id: 'agents' } : task.agent === 'writer' ? { ...task, agent: 'crew' } : task)).map((task) => ({
        ...task,
        context: task.context.map((id) => (id === 'find_papers' ? 'agents' : id)),
      })),
    });
    const tree = crewaiRenderer.render(spec);
    const crew = content(tree, `${SOURCE}/crew.py`);
    expect(crew).toContain('def crew_agent(self) -> Agent:');
    expect(crew).toContain('def agents_task(self) -> Task:');
    expect(yamlOf(tree, 'tasks')).toMatchObject({ agents_task: { agent: 'researcher' }, analyse_papers: { context: ['agents_task'] }, write_digest: { agent: 'crew_agent' } });
    expect(Object.keys(yamlOf(tree, 'agents'))).toEqual(['researcher', 'analyst', 'crew_agent']);
  });

  it('refuses patterns CrewAI does not support and specs for another framework', () => {
    for (const pattern of ['graph', 'group-chat'] as const) {
      expect(() => render(pattern)).toThrow(`CrewAI does not support the "${pattern}" pattern; choose one of: sequential, supervisor, react`);
    }
    expect(() => crewaiRenderer.render(fixtureSpec({ framework: 'langgraph', pattern: 'sequential' }))).toThrow('the CrewAI renderer cannot render a "langgraph" spec');
  });
});
