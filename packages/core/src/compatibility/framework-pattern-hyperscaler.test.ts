// Every framework × pattern × hyperscaler combination (8 × 5 × 5 = 200), checked row by row.
import { FRAMEWORK_IDS, HYPERSCALER_IDS, PATTERN_IDS, type Diagnostic, type Severity } from '@agent-generator/contracts';
import { describe, expect, it } from 'vitest';
import { frameworkById } from '../catalog/index';
import { evaluate } from './evaluate';
import { rowProblems } from './test-helpers';

const combinations = FRAMEWORK_IDS.flatMap((framework) =>
  PATTERN_IDS.flatMap((pattern) => HYPERSCALER_IDS.map((hyperscaler) => ({ framework, pattern, hyperscaler }))),
);

const severityOfSupport = { native: 'ok', adapter: 'warn', unsupported: 'err' } as const satisfies Record<string, Severity>;
const rowOf = (rows: ReadonlyArray<Diagnostic>, category: Diagnostic['category']): Diagnostic | undefined => rows.find((row) => row.category === category);

describe('framework × pattern × hyperscaler', () => {
  it('covers 200 combinations', () => {
    expect(combinations).toHaveLength(200);
  });

  it.each(combinations)('$framework + $pattern on $hyperscaler', (selection) => {
    const rows = evaluate(selection);
    const framework = frameworkById(selection.framework);
    expect(rows.map((row) => row.category)).toEqual(['framework', 'hyperscaler', 'pattern']);
    expect(rows.map((row) => row.subject)).toEqual([selection.framework, selection.hyperscaler, selection.pattern]);
    expect(rows.every((row) => row.step === 'framework')).toBe(true);

    const errors = rows.filter((row) => row.severity === 'err').map((row) => row.rule);
    expect(errors).toEqual(framework.patterns[selection.pattern] === 'unsupported' ? ['pattern.unsupported'] : []);
    expect(rowOf(rows, 'pattern')?.severity).toBe(severityOfSupport[framework.patterns[selection.pattern]]);
    expect(rowOf(rows, 'hyperscaler')?.severity).toBe(framework.hyperscalers.includes(selection.hyperscaler) ? 'ok' : 'warn');
    expect(rowOf(rows, 'framework')?.severity).toBe(framework.maturity === 'archived' ? 'warn' : 'ok');
    expect(rowProblems(selection)).toEqual([]);
  });
});

describe('known cells of the pattern table', () => {
  const cases = [
    { framework: 'react', pattern: 'supervisor', rule: 'pattern.unsupported' },
    { framework: 'crewai', pattern: 'graph', rule: 'pattern.unsupported' },
    { framework: 'watsonx-orchestrate', pattern: 'group-chat', rule: 'pattern.unsupported' },
    { framework: 'crewai', pattern: 'react', rule: 'pattern.adapter' },
    { framework: 'llamaindex', pattern: 'sequential', rule: 'pattern.adapter' },
    { framework: 'langgraph', pattern: 'supervisor', rule: 'pattern.native' },
    { framework: 'autogen', pattern: 'group-chat', rule: 'pattern.native' },
  ] as const;

  it.each(cases)('$framework + $pattern → $rule', ({ framework, pattern, rule }) => {
    expect(rowOf(evaluate({ framework, pattern }), 'pattern')?.rule).toBe(rule);
  });

  it('offers the framework’s own pattern and frameworks with the pattern built in for react + supervisor', () => {
    const row = rowOf(evaluate({ framework: 'react', pattern: 'supervisor' }), 'pattern');
    expect(row?.alternatives).toEqual([{ pattern: 'react' }, { framework: 'crewai' }, { framework: 'langgraph' }]);
    expect(row?.message).toMatch(/ReAct cannot express the Supervisor pattern/);
  });

  it('never proposes a framework that would bring its own hyperscaler warning when a native one exists', () => {
    const row = rowOf(evaluate({ framework: 'react', pattern: 'supervisor', hyperscaler: 'aws' }), 'pattern');
    const frameworks = row?.alternatives.flatMap((alternative) => (alternative.framework ? [alternative.framework] : [])) ?? [];
    expect(frameworks.length).toBeGreaterThan(0);
    for (const framework of frameworks) expect(frameworkById(framework).hyperscalers).toContain('aws');
  });
});

describe('hyperscaler rows', () => {
  it('warns "via adapter" with alternatives for a framework outside its clouds', () => {
    const row = rowOf(evaluate({ framework: 'strands', hyperscaler: 'gcp' }), 'hyperscaler');
    expect(row).toMatchObject({ rule: 'hyperscaler.adapter', severity: 'warn', subject: 'gcp' });
    expect(row?.message).toMatch(/via adapter/);
    expect(row?.alternatives).toContainEqual({ hyperscaler: 'aws' });
    expect(row?.alternatives).toContainEqual({ framework: 'crewai' });
  });

  it('speaks of the premises, not a cloud, for on_prem', () => {
    const row = rowOf(evaluate({ framework: 'watsonx-orchestrate', hyperscaler: 'on_prem' }), 'hyperscaler');
    expect(row?.message).toMatch(/your own premises/);
    expect(row?.alternatives).toContainEqual({ hyperscaler: 'ibm' });
  });
});
