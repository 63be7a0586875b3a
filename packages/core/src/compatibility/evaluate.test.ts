// Properties of the whole evaluator: clean selections are all ok, random ones never throw and
// every error has a way out; rule ids are stable; the output is deterministic.
import { EXPORT_TARGET_IDS, FRAMEWORK_IDS, HYPERSCALER_IDS, PATTERN_IDS, PROVIDER_IDS, TOOL_IDS, type Selection } from '@agent-generator/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog, frameworkById, modelsOf, providerById } from '../catalog/index';
import { applyAlternative } from './apply-alternative';
import { evaluate } from './evaluate';
import { hostingOf } from './provider-hosting';
import { findingsFor } from './rules/index';
import { rowProblems } from './test-helpers';

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const selectionArbitrary: fc.Arbitrary<Selection> = fc.record({
  framework: fc.constantFrom(...FRAMEWORK_IDS),
  pattern: optional(fc.constantFrom(...PATTERN_IDS)),
  hyperscaler: optional(fc.constantFrom(...HYPERSCALER_IDS)),
  provider: optional(fc.constantFrom(...PROVIDER_IDS)),
  model: optional(fc.oneof(fc.constantFrom(...catalog.models.map((model) => model.id)), fc.string({ maxLength: 24 }))),
  tools: optional(fc.array(fc.constantFrom(...TOOL_IDS), { maxLength: 12 })),
  exportTarget: optional(fc.constantFrom(...EXPORT_TARGET_IDS)),
});

describe('a selection with nothing wrong', () => {
  it.each(FRAMEWORK_IDS)('%s: default pattern, a native cloud, a native provider at home there and its models → only ok rows', (id) => {
    const framework = frameworkById(id);
    let checked = 0;
    for (const hyperscaler of framework.hyperscalers) {
      const providers = PROVIDER_IDS.filter((provider) => framework.providers[provider] === 'native' && hostingOf(providerById(provider), hyperscaler) === 'home');
      for (const provider of providers) {
        for (const model of modelsOf(provider)) {
          const selection: Selection = { framework: id, pattern: framework.defaultPattern, hyperscaler, provider, model: model.id, tools: ['calculator', 'web_search'], exportTarget: 'docker' };
          const rows = evaluate(selection);
          expect(rows.filter((row) => row.severity !== 'ok' && row.category !== 'framework')).toEqual([]);
          expect(rows.every((row) => row.alternatives.length === 0 || row.category === 'framework')).toBe(true);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
    // Only the framework's own upstream status can still warn (AutoGen is archived).
    const frameworkRow = evaluate({ framework: id }).find((row) => row.category === 'framework');
    expect(frameworkRow?.severity).toBe(framework.maturity === 'archived' ? 'warn' : 'ok');
  });
});

describe('random valid selections', () => {
  it('never throw, and every row that is not ok has alternatives that resolve it without a new error', () => {
    fc.assert(
      fc.property(selectionArbitrary, (selection) => {
        expect(rowProblems(selection)).toEqual([]);
        for (const row of evaluate(selection).filter((candidate) => candidate.severity === 'err')) {
          const removes = row.alternatives.some((alternative) =>
            findingsFor({ selection: applyAlternative(selection, alternative), catalog }).every((after) => !(after.category === row.category && after.severity === 'err')),
          );
          expect(removes).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the framework row', () => {
  it('warns that AutoGen is archived, names its successor and offers maintained frameworks only', () => {
    const row = evaluate({ framework: 'autogen', pattern: 'group-chat', hyperscaler: 'azure' })[0];
    expect(row).toMatchObject({ rule: 'framework.maturity', severity: 'warn', category: 'framework', subject: 'autogen', step: 'framework' });
    expect(row?.message).toMatch(/Microsoft Agent Framework/);
    expect(row?.alternatives[0]).toEqual({ framework: 'langgraph' });
    for (const alternative of row?.alternatives ?? []) expect(frameworkById(alternative.framework ?? 'autogen').maturity).not.toBe('archived');
  });
});

describe('rule ids and output', () => {
  const documented = [
    'framework.maturity',
    'hyperscaler.native',
    'hyperscaler.adapter',
    'pattern.native',
    'pattern.adapter',
    'pattern.unsupported',
    'provider.native',
    'provider.adapter',
    'provider.unsupported',
    'provider.hyperscaler',
    'model.ok',
    'model.unknown',
    'model.provider-mismatch',
    'model.passthrough',
    'tool.ready',
    'tool.side-effects',
    'tool.leaves-premises',
    'export.supported',
    'export.unsupported',
    'export.other-cloud',
  ];

  it('produces exactly the documented rule ids over a sweep of selections (tool calling has its own test)', () => {
    const models = ['gpt-4o-mini', 'claude-haiku-4-5-20251001', 'llama3.1:8b', 'unknown-model'];
    const seen = new Set<string>();
    for (const framework of FRAMEWORK_IDS) {
      for (const hyperscaler of HYPERSCALER_IDS) {
        for (const provider of PROVIDER_IDS) {
          for (const [index, pattern] of PATTERN_IDS.entries()) {
            const selection: Selection = {
              framework,
              hyperscaler,
              provider,
              pattern,
              model: models[index % models.length] ?? 'gpt-4o',
              tools: ['calculator', 'slack_post'],
              exportTarget: EXPORT_TARGET_IDS[index % EXPORT_TARGET_IDS.length] ?? 'zip',
            };
            for (const row of findingsFor({ selection, catalog })) seen.add(row.rule);
          }
        }
      }
    }
    expect([...seen].sort()).toEqual([...documented].sort());
  });

  it('is deterministic and leaves its input alone', () => {
    const selection: Selection = { framework: 'react', pattern: 'supervisor', hyperscaler: 'ibm', provider: 'bedrock', model: 'gpt-4o', tools: ['slack_post'], exportTarget: 'watsonx' };
    const copy = structuredClone(selection);
    expect(evaluate(selection)).toEqual(evaluate(selection));
    expect(evaluate(selection).map((row) => row.category)).toEqual(['framework', 'hyperscaler', 'pattern', 'provider', 'model', 'tool', 'export']);
    expect(selection).toEqual(copy);
  });
});
