// Reads what an idea says about framework, cloud, provider, pattern and tools.
import { FRAMEWORK_IDS, HYPERSCALER_IDS, PROVIDER_IDS } from '@agent-generator/contracts';
import type { FrameworkId, HyperscalerId, PatternId, ProviderId, ToolId } from '@agent-generator/contracts';
import { tools } from '../catalog/tools';
import { firstMatch, normalizeForMatching } from './match-phrase';
import { FRAMEWORK_PHRASES, HYPERSCALER_PHRASES, PATTERN_PHRASES, PATTERN_PRIORITY, PROVIDER_PHRASES } from './signal-phrases';

/** A value read from the idea and the words that suggested it (shown back in hints). */
export interface Signal<T> {
  readonly value: T;
  readonly evidence: string;
}

export interface InferredSignals {
  readonly framework?: Signal<FrameworkId>;
  readonly hyperscaler?: Signal<HyperscalerId>;
  readonly provider?: Signal<ProviderId>;
  readonly pattern?: Signal<PatternId>;
  /** In catalog order. */
  readonly tools: ReadonlyArray<Signal<ToolId>>;
}

/** The value mentioned first in the text; a longer phrase wins at the same position. */
function earliest<T extends string>(text: string, ids: ReadonlyArray<T>, table: Readonly<Record<T, ReadonlyArray<string>>>): Signal<T> | undefined {
  let best: { value: T; index: number; evidence: string } | undefined;
  for (const value of ids) {
    const match = firstMatch(text, table[value]);
    if (!match) continue;
    if (!best || match.index < best.index || (match.index === best.index && match.text.length > best.evidence.length)) {
      best = { value, index: match.index, evidence: match.text };
    }
  }
  return best ? { value: best.value, evidence: best.evidence } : undefined;
}

function inferPattern(text: string): Signal<PatternId> | undefined {
  for (const pattern of PATTERN_PRIORITY) {
    const match = firstMatch(text, PATTERN_PHRASES[pattern]);
    if (match) return { value: pattern, evidence: match.text };
  }
  return undefined;
}

function inferTools(text: string): ReadonlyArray<Signal<ToolId>> {
  return tools.flatMap((tool) => {
    const match = firstMatch(text, tool.phrases);
    return match ? [{ value: tool.id, evidence: match.text }] : [];
  });
}

export function inferSignals(idea: string): InferredSignals {
  const text = normalizeForMatching(idea);
  const framework = earliest(text, FRAMEWORK_IDS, FRAMEWORK_PHRASES);
  const hyperscaler = earliest(text, HYPERSCALER_IDS, HYPERSCALER_PHRASES);
  const provider = earliest(text, PROVIDER_IDS, PROVIDER_PHRASES);
  const pattern = inferPattern(text);
  return {
    ...(framework ? { framework } : {}),
    ...(hyperscaler ? { hyperscaler } : {}),
    ...(provider ? { provider } : {}),
    ...(pattern ? { pattern } : {}),
    tools: inferTools(text),
  };
}
