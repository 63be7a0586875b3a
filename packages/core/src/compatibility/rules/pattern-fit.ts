// Rules `pattern.native` / `pattern.adapter` / `pattern.unsupported`: can the framework express the pattern?
import type { FrameworkEntry } from '@agent-generator/contracts';
import { frameworkIn, listOf, patternIn, possessive } from '../catalog-lookup';
import { finding, type Finding, type RuleContext } from '../finding';

function nativePatternLabels(context: RuleContext, framework: FrameworkEntry, conjunction: string): string {
  const native = context.catalog.patterns.filter((pattern) => framework.patterns[pattern.id] === 'native');
  return listOf(native.map((pattern) => pattern.label), conjunction);
}

// Source: each framework's `patterns` table in catalog/frameworks.ts, which cites the vendor docs
// (CrewAI processes and Flows, LangGraph how-tos, AutoGen AgentChat teams, Strands multi-agent, …).
export function patternFit(context: RuleContext): ReadonlyArray<Finding> {
  const { selection, catalog } = context;
  if (!selection.pattern) return [];
  const framework = frameworkIn(catalog, selection.framework);
  const pattern = patternIn(catalog, selection.pattern);
  const base = { category: 'pattern', subject: pattern.id } as const;
  const support = framework.patterns[pattern.id];
  switch (support) {
    case 'native':
      return [finding({ ...base, rule: 'pattern.native', severity: 'ok', message: `${pattern.label} is a built-in construct of ${framework.name}.` })];
    case 'adapter':
      return [
        finding({
          ...base,
          rule: 'pattern.adapter',
          severity: 'warn',
          message:
            `${framework.name} has no built-in ${pattern.label} construct; the generated project builds it from ` +
            `${possessive(framework.name)} general primitives (via adapter). It works, with more code to maintain; ` +
            `${possessive(framework.name)} own patterns are ${nativePatternLabels(context, framework, 'and')}.`,
        }),
      ];
    case 'unsupported':
      return [
        finding({
          ...base,
          rule: 'pattern.unsupported',
          severity: 'err',
          message:
            `${framework.name} cannot express the ${pattern.label} pattern, so this project cannot be generated. ` +
            `Pick a pattern ${framework.name} supports (${nativePatternLabels(context, framework, 'or')}) or a framework that supports ${pattern.label}.`,
        }),
      ];
  }
}
