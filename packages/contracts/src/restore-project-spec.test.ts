import { describe, expect, it } from 'vitest';
import { projectSpecJsonSchema, restoreProjectSpec } from './restore-project-spec';

const minimal = {
  version: 1,
  name: 'Paper digest',
  slug: 'paper-digest',
  idea: 'find papers and write a digest',
  framework: 'crewai',
  pattern: 'sequential',
  hyperscaler: 'on_prem',
  model: { provider: 'ollama', id: 'qwen2.5:1.5b' },
  agents: [{ id: 'researcher', role: 'Researcher', goal: 'Find papers', backstory: '' }],
  tasks: [{ id: 'find_papers', description: 'Find papers', expectedOutput: 'A list', agent: 'researcher' }],
};

describe('restoreProjectSpec', () => {
  it('accepts a minimal v1 spec and fills defaults', () => {
    const result = restoreProjectSpec(minimal);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBeNull();
    expect(result.spec.tools).toEqual([]);
    expect(result.spec.tasks[0]?.context).toEqual([]);
    expect(result.spec.output.format).toBe('markdown');
  });

  it('migrates a v0 spec with snake_case keys and legacy framework ids', () => {
    const legacy = {
      ...minimal,
      version: undefined,
      framework: 'wxo',
      tasks: [{ id: 'find_papers', description: 'Find', expected_output: 'A list', agent: 'researcher' }],
    };
    const result = restoreProjectSpec(legacy);
    expect(result).toMatchObject({ ok: true, migratedFrom: 0, spec: { framework: 'watsonx-orchestrate' } });
  });

  it.each([
    ['not an object', 'spec'],
    [null, '(spec)'],
    [[], '(spec)'],
  ])('rejects %j', (input, path) => {
    const result = restoreProjectSpec(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.path).toContain(path === 'spec' ? '(spec)' : path);
  });

  it('refuses a newer version with an upgrade hint', () => {
    const result = restoreProjectSpec({ ...minimal, version: 2 });
    expect(result).toMatchObject({ ok: false, issues: [{ path: 'version', message: expect.stringContaining('upgrade') }] });
  });

  it('reports dangling references and unsafe identifiers', () => {
    const result = restoreProjectSpec({
      ...minimal,
      agents: [{ id: 'class', role: 'R', goal: 'G', backstory: '', tools: ['web_search'] }],
      tasks: [{ id: 't1', description: 'd', expectedOutput: 'o', agent: 'ghost', context: ['later'] }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['agents.0.id', 'agents.0.tools', 'tasks.0.agent', 'tasks.0.context']));
  });

  it('cleans control characters and lone surrogates from free text', () => {
    const result = restoreProjectSpec({ ...minimal, idea: 'a\u0000b\u001bc\uD800d\r\ne' });
    expect(result.ok && result.spec.idea).toBe('abc\uFFFDd\ne');
  });

  it('exports a JSON Schema naming every top-level field', () => {
    const schema = projectSpecJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['version', 'name', 'slug', 'idea', 'framework', 'pattern', 'hyperscaler', 'model', 'agents', 'tasks', 'tools', 'memory', 'inputs', 'output']),
    );
    expect(schema.required).toContain('agents');
  });
});
