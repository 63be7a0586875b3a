import { FRAMEWORK_IDS, restoreProjectSpec, type FrameworkId, type PatternId, type ProjectSpec } from '@agent-generator/contracts';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PROJECT_MANIFEST_PATH, renderers, renderProject } from './index';
import { fixtureSpec } from './test-fixtures';

const PATTERN: Readonly<Record<FrameworkId, PatternId>> = {
  crewai: 'sequential',
  'crewai-flow': 'graph',
  langgraph: 'supervisor',
  react: 'react',
  'watsonx-orchestrate': 'supervisor',
  autogen: 'group-chat',
  strands: 'supervisor',
  llamaindex: 'react',
};

function manifestOf(spec: ProjectSpec): string {
  const file = renderProject(spec).files.find((candidate) => candidate.path === PROJECT_MANIFEST_PATH);
  if (!file) throw new Error(`no ${PROJECT_MANIFEST_PATH}`);
  return file.content;
}

/** The same object with its keys inserted in reverse order, at every level. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reversedKeys(inner)]));
  return value;
}

const HOSTILE = 'Quote " back\\slash </script> \u2028\u2029 tab\tnew\nline ${x} {{y}} 🙂 é\uFEFF';

describe('renderProject', () => {
  it.each(FRAMEWORK_IDS)('adds agent-generator.json with the spec to every %s project, and changes nothing else', (framework) => {
    // watsonx Orchestrate runs in a SaaS tenant, which cannot reach a local model.
    const spec = fixtureSpec({ framework, pattern: PATTERN[framework], ...(framework === 'watsonx-orchestrate' ? { provider: 'watsonx', model: 'ibm/granite-3-3-8b-instruct' } : {}) });
    const own = renderers[framework].render(spec);
    const { files } = renderProject(spec);
    expect(files.map((file) => file.path)).toEqual([...own.map((file) => file.path), PROJECT_MANIFEST_PATH].sort());
    for (const file of own) expect(files.find((candidate) => candidate.path === file.path)).toEqual(file);
    const restored = restoreProjectSpec(JSON.parse(manifestOf(spec)));
    expect(restored).toEqual({ ok: true, spec, migratedFrom: null });
  });

  it('writes the same bytes for the same spec, whatever order its keys were built in', () => {
    const spec = fixtureSpec({ framework: 'crewai', pattern: 'sequential' });
    const shuffled = reversedKeys(spec) as ProjectSpec;
    expect(Object.keys(shuffled)[0]).not.toBe(Object.keys(spec)[0]);
    expect(manifestOf(shuffled)).toBe(manifestOf(spec));
    expect(manifestOf(spec)).toBe(manifestOf(fixtureSpec({ framework: 'crewai', pattern: 'sequential' })));
    expect(manifestOf(spec)).toMatch(/^\{\n {2}"agents": \[/);
    expect(manifestOf(spec).endsWith('}\n')).toBe(true);
  });

  it('carries any text a person can type exactly, as JSON and as YAML (the CLI reads --spec as YAML)', () => {
    const base = fixtureSpec({ framework: 'langgraph', pattern: 'supervisor' });
    const result = restoreProjectSpec({ ...base, name: HOSTILE, idea: HOSTILE, agents: base.agents.map((agent) => ({ ...agent, role: HOSTILE, backstory: HOSTILE })) });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const text = manifestOf(result.spec);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(result.spec)));
    expect(restoreProjectSpec(parseYaml(text))).toEqual({ ok: true, spec: result.spec, migratedFrom: null });
    // eslint-disable-next-line no-control-regex -- raw control characters are what must not appear
    expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F]/);
  });
});
