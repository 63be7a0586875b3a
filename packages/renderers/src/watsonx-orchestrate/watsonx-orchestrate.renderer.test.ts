// Golden and validity tests of the watsonx Orchestrate renderer: every supported pattern, the model
// route per provider, hostile text in YAML, determinism and refusal of what Orchestrate cannot do.
import { execFileSync } from 'node:child_process';
import type { FileTree, PatternId, ProjectSpec, ProviderId } from '@agent-generator/contracts';
import { restoreProjectSpec } from '@agent-generator/contracts';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { fixtureSpec } from '../test-fixtures';
import { watsonxOrchestrateRenderer } from './watsonx-orchestrate.renderer';

const PATTERNS = ['supervisor', 'react', 'sequential'] as const;
const GATEWAY_PROVIDERS: ProviderId[] = ['openai', 'azure-openai', 'anthropic', 'bedrock', 'vertex', 'openai-compatible'];

function spec(pattern: PatternId, provider: ProviderId = 'watsonx'): ProjectSpec {
  return fixtureSpec({ framework: 'watsonx-orchestrate', pattern, provider, model: provider === 'watsonx' ? 'ibm/granite-3-3-8b-instruct' : 'gpt-4o' });
}

function render(pattern: PatternId, provider?: ProviderId): FileTree {
  return watsonxOrchestrateRenderer.render(spec(pattern, provider));
}

function content(tree: FileTree, path: string): string {
  const file = tree.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`no ${path} in the tree`);
  return file.content;
}

function yamlOf(tree: FileTree, path: string): Record<string, unknown> {
  return parseYaml(content(tree, path)) as Record<string, unknown>;
}

/** A spec whose every user text tries to break out of a YAML scalar, a comment or a shell line. */
function hostileSpec(pattern: PatternId): ProjectSpec {
  const base = spec(pattern);
  const evil = 'x": y\n- injected: true\n# comment $(rm -rf ~) `id` \'{topic}\' \u2028 end';
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

function pythonSyntaxErrors(trees: ReadonlyArray<FileTree>): string[] {
  const sources = trees.flatMap((tree) => tree.filter((file) => file.path.endsWith('.py')).map((file) => [file.path, file.content]));
  const script = 'import ast,json,sys\nerrors=[]\nfor path,text in json.load(sys.stdin):\n  try: ast.parse(text, path)\n  except SyntaxError as e: errors.append(f"{path}: {e}")\nprint(json.dumps(errors))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(sources), encoding: 'utf8' })) as string[];
}

describe('watsonxOrchestrateRenderer', () => {
  it.each(PATTERNS)('renders the %s pattern as golden files', async (pattern) => {
    const tree = render(pattern);
    const golden = tree.filter((file) => file.path.startsWith('agents/') || ['import.sh', 'README.md', 'tests/test_agents.py', '.env.example', 'Dockerfile'].includes(file.path));
    for (const file of golden) await expect(file.content).toMatchFileSnapshot(`./__snapshots__/${pattern}/${file.path.replace('/', '--')}`);
  });

  it('renders the tool wrappers and project files once', async () => {
    const tree = render('supervisor');
    for (const path of ['tools/calculator.py', 'tools/file_write.py', 'requirements.txt', 'requirements-dev.txt', 'pyproject.toml', '.dockerignore']) {
      await expect(content(tree, path)).toMatchFileSnapshot(`./__snapshots__/common/${path.replace('/', '--')}`);
    }
  });

  it('wires each pattern through collaborators', () => {
    const collaborators = (pattern: PatternId, id: string) => yamlOf(render(pattern), `agents/${id}.yaml`).collaborators;
    expect(collaborators('supervisor', 'supervisor')).toEqual(['paper_digest_researcher', 'paper_digest_analyst', 'paper_digest_writer']);
    expect(collaborators('sequential', 'pipeline_lead')).toEqual(['paper_digest_researcher', 'paper_digest_analyst', 'paper_digest_writer']);
    expect(collaborators('react', 'researcher')).toEqual(['paper_digest_analyst', 'paper_digest_writer']);
    expect(collaborators('react', 'writer')).toEqual([]);
    const imports = content(render('react'), 'import.sh').split('\n').filter((line) => line.startsWith('orchestrate agents import'));
    expect(imports.at(-1)).toBe('orchestrate agents import -f agents/researcher.yaml');
  });

  it('gives every agent the ADK fields with the spec model', () => {
    const tree = render('supervisor');
    for (const file of tree.filter((candidate) => candidate.path.startsWith('agents/'))) {
      const agent = yamlOf(tree, file.path);
      expect(agent).toMatchObject({ spec_version: 'v1', kind: 'native', style: 'react_core', llm: 'watsonx/ibm/granite-3-3-8b-instruct' });
      expect(typeof agent.instructions).toBe('string');
    }
    expect(yamlOf(tree, 'agents/researcher.yaml').tools).toEqual(['web_search', 'calculator']);
    expect(tree.find((file) => file.path === 'import.sh')?.executable).toBe(true);
  });

  it.each(GATEWAY_PROVIDERS)('routes %s through the AI gateway with a model file and a connection', async (provider) => {
    const tree = render('supervisor', provider);
    const model = yamlOf(tree, 'models/llm.yaml');
    expect(String(model.name)).toMatch(/^virtual-model\/[a-z-]+\/gpt-4o$/);
    expect(yamlOf(tree, 'agents/supervisor.yaml').llm).toBe(model.name);
    const script = content(tree, 'import.sh');
    expect(script).toContain('orchestrate models import --file models/llm.yaml --app-id paper_digest_model');
    expect(script.indexOf('orchestrate models import')).toBeLessThan(script.indexOf('orchestrate agents import'));
    await expect(content(tree, 'models/llm.yaml')).toMatchFileSnapshot(`./__snapshots__/providers/${provider}-llm.yaml`);
    expect(content(tree, '.env.example')).not.toMatch(/API_KEY=\S/);
  });

  it('keeps watsonx.ai models native, without a gateway model', () => {
    const tree = render('supervisor');
    expect(tree.some((file) => file.path.startsWith('models/'))).toBe(false);
    expect(content(tree, 'import.sh')).not.toContain('orchestrate models import');
  });

  it('is deterministic', () => {
    for (const pattern of PATTERNS) expect(render(pattern)).toEqual(render(pattern));
  });

  it('writes Python that parses and YAML and TOML that load, also for hostile text', () => {
    const trees = [...PATTERNS.map((pattern) => render(pattern)), ...PATTERNS.map((pattern) => watsonxOrchestrateRenderer.render(hostileSpec(pattern))), ...GATEWAY_PROVIDERS.map((provider) => render('react', provider))];
    expect(pythonSyntaxErrors(trees)).toEqual([]);
    for (const tree of trees) {
      for (const file of tree.filter((candidate) => candidate.path.endsWith('.yaml'))) expect(() => parseYaml(file.content), file.path).not.toThrow();
      expect(() => parseToml(content(tree, 'pyproject.toml'))).not.toThrow();
    }
  });

  it('keeps hostile text inside YAML scalars and out of shell commands', () => {
    const tree = watsonxOrchestrateRenderer.render(hostileSpec('supervisor'));
    const agent = yamlOf(tree, 'agents/researcher.yaml');
    expect(agent).not.toHaveProperty('injected');
    expect(String(agent.display_name)).toBe('x": y\n- injected: true\n# comment $(rm -rf ~) `id` \'{topic}\' \u2028 end');
    const commands = content(tree, 'import.sh').split('\n').filter((line) => !line.startsWith('#'));
    expect(commands.join('\n')).not.toContain('rm -rf');
    expect(content(tree, 'README.md')).toContain("orchestrate chat ask --agent-name paper_digest_supervisor 'Run the tasks for topic = x\": y - injected: true # comment $(rm -rf ~) `id` '\\''{topic}'\\'' end'");
  });

  it('refuses what Orchestrate cannot run with a clear error', () => {
    expect(() => render('graph')).toThrow(/watsonx Orchestrate projects do not support the graph pattern/);
    expect(() => render('group-chat')).toThrow(/do not support the group-chat pattern/);
    expect(() => watsonxOrchestrateRenderer.render(fixtureSpec({ framework: 'watsonx-orchestrate', pattern: 'supervisor', provider: 'ollama' }))).toThrow(/cannot use the ollama provider/);
  });

  it('refuses more collaborators than Orchestrate allows', () => {
    const base = spec('supervisor');
    const agents = Array.from({ length: 11 }, (_, index) => ({ id: `agent_${index}`, role: 'Worker', goal: 'Work', backstory: '', tools: [] }));
    const result = restoreProjectSpec({ ...base, agents, tasks: [{ id: 'only_task', description: 'Do it.', expectedOutput: 'Done', agent: 'agent_0' }] });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(() => watsonxOrchestrateRenderer.render(result.spec)).toThrow(/at most 10 collaborators/);
  });
});
