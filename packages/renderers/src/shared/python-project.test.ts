import { execFileSync } from 'node:child_process';
import type { FileTree, ProjectSpec, ToolId } from '@agent-generator/contracts';
import { TOOL_IDS, restoreProjectSpec } from '@agent-generator/contracts';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { fixtureSpec } from '../test-fixtures';
import type { PythonProjectParts } from './python-project';
import { renderPythonProject } from './python-project';

function parts(spec: ProjectSpec, files: FileTree = []): PythonProjectParts {
  return {
    spec,
    frameworkLabel: 'Test',
    dependencies: ['openai>=1.50,<3'],
    files: [{ path: 'src/paper_digest/main.py', content: 'def run(inputs: dict[str, str]) -> str:\n    return "ok"\n' }, ...files],
    readme: { overview: 'How the agents work.', layout: [{ path: 'src/paper_digest/main.py', purpose: 'the agents' }] },
  };
}

function render(tools: ReadonlyArray<ToolId>): FileTree {
  return renderPythonProject(parts(fixtureSpec({ framework: 'crewai', pattern: 'sequential', tools })));
}

function content(tree: FileTree, path: string): string {
  const file = tree.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`missing ${path}`);
  return file.content;
}

const HOSTILE = 'Evil """ \'\'\' \\ \\n "\n[project]\nname = "pwned"\n# Heading\n<script>alert(1)</script> `x` ${y} {z}\u2028import os\tend';

function hostileSpec(): ProjectSpec {
  const base = fixtureSpec({ framework: 'crewai', pattern: 'sequential', tools: [...TOOL_IDS] });
  const result = restoreProjectSpec({
    ...base,
    name: HOSTILE.slice(0, 120),
    idea: HOSTILE,
    agents: base.agents.map((agent) => ({ ...agent, role: HOSTILE, goal: HOSTILE, backstory: HOSTILE })),
    tasks: base.tasks.map((task) => ({ ...task, description: HOSTILE, expectedOutput: HOSTILE })),
    inputs: [{ name: 'topic', description: HOSTILE, default: HOSTILE }, { name: 'audience', description: HOSTILE }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.spec;
}

/** Parses every Python file and returns the literal values of top-level assignments by file. */
function pythonLiterals(tree: FileTree): Record<string, Record<string, unknown>> {
  const script = `
import ast, json, sys
out = {}
for path, source in json.load(sys.stdin).items():
    values = {}
    for node in ast.parse(source, filename=path).body:
        target = node.target if isinstance(node, ast.AnnAssign) else (node.targets[0] if isinstance(node, ast.Assign) else None)
        if isinstance(target, ast.Name):
            try:
                values[target.id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    out[path] = values
print(json.dumps(out, default=repr))
`;
  const files = Object.fromEntries(tree.filter((file) => file.path.endsWith('.py')).map((file) => [file.path, file.content]));
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(files), encoding: 'utf8' })) as Record<string, Record<string, unknown>>;
}

describe('renderPythonProject', () => {
  it('adds every shared file and only the tools of the spec', () => {
    const paths = render(['calculator', 'file_write']).map((file) => file.path);
    expect(paths).toEqual([
      '.dockerignore', '.env.example', 'Dockerfile', 'README.md', 'pyproject.toml',
      'src/paper_digest/__init__.py', 'src/paper_digest/__main__.py', 'src/paper_digest/events.py', 'src/paper_digest/main.py',
      'src/paper_digest/serve.py', 'src/paper_digest/serve_a2a.py', 'src/paper_digest/serve_http.py', 'src/paper_digest/serve_mcp.py',
      'src/paper_digest/serve_openai.py', 'src/paper_digest/serve_runner.py', 'src/paper_digest/service_info.py', 'src/paper_digest/settings.py',
      'src/paper_digest/tools/__init__.py', 'src/paper_digest/tools/_workspace.py', 'src/paper_digest/tools/calculator.py', 'src/paper_digest/tools/file_write.py',
      'tests/conftest.py', 'tests/fake_llm.py', 'tests/test_events.py', 'tests/test_serve.py', 'tests/test_tools.py',
    ]);
  });

  it('is byte-for-byte deterministic', () => {
    expect(JSON.stringify(render([...TOOL_IDS]))).toBe(JSON.stringify(render([...TOOL_IDS])));
  });

  it('refuses framework files that collide with shared ones or leave the project', () => {
    const spec = fixtureSpec({ framework: 'crewai', pattern: 'sequential' });
    expect(() => renderPythonProject(parts(spec, [{ path: 'README.md', content: '' }]))).toThrow('duplicate generated file path "README.md"');
    expect(() => renderPythonProject(parts(spec, [{ path: '../evil.py', content: '' }]))).toThrow('invalid generated file path');
  });

  it('adds pypdf only when the spec reads PDFs, and describes each tool in its docstring', () => {
    const dependencies = (tree: FileTree) => (parseToml(content(tree, 'pyproject.toml')) as { project: { dependencies: string[] } }).project.dependencies;
    expect(dependencies(render(['calculator']))).toEqual(['openai>=1.50,<3']);
    expect(dependencies(render(['pdf_reader', 'calculator']))).toEqual(['openai>=1.50,<3', 'pypdf>=5,<7']);
    expect(content(render(['calculator']), 'src/paper_digest/tools/calculator.py')).toContain('    """Evaluates arithmetic expressions safely (no code execution).\n');
  });

  it('writes the provider and tool variables into .env.example', () => {
    const tree = renderPythonProject(parts(fixtureSpec({ framework: 'crewai', pattern: 'sequential', provider: 'watsonx', model: 'ibm/granite-3-8b-instruct', tools: ['sql_query', 'file_read', 'file_write'] })));
    const names = content(tree, '.env.example').split('\n').filter((line) => /^[A-Z]/.test(line)).map((line) => line.split('=')[0]);
    expect(names).toEqual(['MODEL_PROVIDER', 'MODEL_ID', 'MODEL_TEMPERATURE', 'AGENT_MAX_STEPS', 'WATSONX_APIKEY', 'WATSONX_URL', 'WATSONX_PROJECT_ID', 'DATABASE_URL', 'WORKSPACE_DIR']);
    expect(content(tree, '.env.example')).toContain('MODEL_PROVIDER=watsonx\nMODEL_ID=ibm/granite-3-8b-instruct\n');
  });

  describe('with hostile text in every user field', () => {
    const spec = hostileSpec();
    const tree = renderPythonProject(parts(spec));

    it('keeps pyproject.toml valid with the name as description', () => {
      const pyproject = parseToml(content(tree, 'pyproject.toml')) as { project: { name: string; description: string } };
      expect(pyproject.project).toMatchObject({ name: 'paper-digest', description: spec.name });
    });

    it('keeps every Python file valid and carries the text as data', () => {
      const literals = pythonLiterals(tree);
      expect(Object.keys(literals)).toHaveLength(tree.filter((file) => file.path.endsWith('.py')).length);
      expect(literals['src/paper_digest/__init__.py']?.PROJECT_NAME).toBe(spec.name);
      expect(literals['src/paper_digest/__main__.py']?.INPUTS).toEqual({ topic: spec.inputs[0]?.default, audience: null });
    });

    it('keeps README structure: only our headings, no raw HTML, the idea quoted', () => {
      const readme = content(tree, 'README.md');
      const headings = readme.split('\n').filter((line) => line.startsWith('#'));
      expect(headings[0]).toMatch(/^# Evil/);
      expect(headings.slice(1)).toEqual(['## Agents', '## Tasks', '## Tools', '## Install', '## Configure', '## Run', '## Serve', '## Events', '## Test', '## Docker', '## Layout']);
      expect(readme).not.toContain('<script>');
      const quote = readme.split('\n\n')[1] ?? '';
      expect(quote.split('\n').every((line) => line.startsWith('>'))).toBe(true);
      const agentRows = readme.split('\n').filter((line) => line.startsWith('| `researcher`'));
      expect(agentRows).toHaveLength(1);
    });

    it('keeps .env.example and Dockerfile line structure', () => {
      for (const line of content(tree, '.env.example').split('\n')) expect(line).toMatch(/^(|#.*|[A-Z][A-Z0-9_]*=[^\s]*)$/);
      const dockerLines = content(tree, 'Dockerfile').split('\n').filter(Boolean);
      for (const line of dockerLines) expect(line).toMatch(/^(#|ARG |FROM |ENV |RUN |WORKDIR |COPY |USER |EXPOSE |HEALTHCHECK |ENTRYPOINT |CMD | {4})/);
    });
  });
});
