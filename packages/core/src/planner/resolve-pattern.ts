// The orchestration pattern: explicit choice, else what the idea describes if the framework has
// it, else the framework's default.
import type { FrameworkId, PatternId } from '@agent-generator/contracts';
import { frameworks } from '../catalog/frameworks';
import { frameworkById } from '../catalog/index';
import type { Signal } from './infer-signals';
import { frameworkName, listOf, patternName } from './labels';
import type { PlanHint } from './plan-types';

interface PatternOptions {
  readonly chosen?: PatternId | undefined;
  readonly inferred?: Signal<PatternId> | undefined;
  readonly framework: FrameworkId;
}

export function resolvePattern(options: PatternOptions): { pattern: PatternId; hints: ReadonlyArray<PlanHint> } {
  const { chosen, inferred, framework } = options;
  const entry = frameworkById(framework);
  if (chosen) {
    if (!inferred || inferred.value === chosen) return { pattern: chosen, hints: [] };
    const message = `Your idea suggests ${patternName(inferred.value)} (“${inferred.evidence}”), but you chose ${patternName(chosen)}; your choice wins.`;
    return { pattern: chosen, hints: [{ kind: 'pattern', value: chosen, message }] };
  }
  if (!inferred) return { pattern: entry.defaultPattern, hints: [] };
  if (entry.patterns[inferred.value] !== 'unsupported') {
    const message = `“${inferred.evidence}” suggests the ${patternName(inferred.value)} pattern — you can change this next.`;
    return { pattern: inferred.value, hints: [{ kind: 'pattern', value: inferred.value, message }] };
  }
  const able = (support: 'native' | 'adapter'): string[] => frameworks.filter((candidate) => candidate.patterns[inferred.value] === support).map((candidate) => candidate.name);
  const adapters = able('adapter');
  const message =
    `“${inferred.evidence}” suggests the ${patternName(inferred.value)} pattern, which ${frameworkName(framework)} does not support, ` +
    `so we use its default, ${patternName(entry.defaultPattern)}. For ${patternName(inferred.value)}, pick ${listOf(able('native'))}` +
    `${adapters.length > 0 ? ` (or ${listOf(adapters)} through an adapter)` : ''}.`;
  return { pattern: entry.defaultPattern, hints: [{ kind: 'pattern', value: entry.defaultPattern, message }] };
}
