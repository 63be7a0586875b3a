// Cost of one model call in US dollars, from the catalog's per-million-token prices.
import { ProviderIdSchema, type TokenUsage } from '@agent-generator/contracts';
import { findModel } from '@agent-generator/core';

/** Undefined when the catalog does not list this provider's model (then no price is known). */
export function costOfUsage(model: { readonly provider: string; readonly modelId: string }, usage: TokenUsage): number | undefined {
  const provider = ProviderIdSchema.safeParse(model.provider);
  if (!provider.success) return undefined;
  const entry = findModel(provider.data, model.modelId);
  if (entry === undefined) return undefined;
  return (usage.inputTokens * entry.price.input + usage.outputTokens * entry.price.output) / 1_000_000;
}
