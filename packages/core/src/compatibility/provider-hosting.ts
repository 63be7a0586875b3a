// Where a provider's model runs relative to the chosen cloud: at home, across clouds, or off the premises.
import type { HyperscalerId, ProviderEntry } from '@agent-generator/contracts';

export type Hosting = 'home' | 'cross-cloud' | 'leaves-premises';

// Source: each provider's `hyperscalers` list in catalog/providers.ts (the clouds on which it is a
// first-party service). A local provider (listed for on_prem) is a server you run yourself, so it
// is at home anywhere; a provider with no first-party cloud (OpenAI, Anthropic) is a public API
// reached the same way from every cloud, but on the premises it still takes the data outside.
export function hostingOf(provider: ProviderEntry, hyperscaler: HyperscalerId): Hosting {
  if (provider.hyperscalers.includes(hyperscaler)) return 'home';
  if (hyperscaler === 'on_prem') return 'leaves-premises';
  if (provider.hyperscalers.includes('on_prem') || provider.hyperscalers.length === 0) return 'home';
  return 'cross-cloud';
}
