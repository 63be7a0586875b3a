// Rules `provider.native` / `provider.adapter` / `provider.unsupported` / `provider.hyperscaler`.
import type { Catalog, FrameworkEntry, HyperscalerId, ProviderEntry } from '@agent-generator/contracts';
import { frameworkIn, hyperscalerIn, listOf, possessive, providerIn } from '../catalog-lookup';
import { finding, type Finding, type RuleContext } from '../finding';
import { hostingOf } from '../provider-hosting';

type Issue = { readonly rule: string; readonly severity: 'warn' | 'err'; readonly sentence: string };

function labelsOf(providers: ReadonlyArray<ProviderEntry>): string {
  return listOf(providers.map((provider) => provider.label));
}

// Source: each framework's `providers` table in catalog/frameworks.ts, citing the vendor's model
// integration docs (CrewAI LLMs, LangChain chat integrations, Orchestrate AI gateway, Strands providers, …).
function supportIssue(catalog: Catalog, framework: FrameworkEntry, provider: ProviderEntry): Issue | undefined {
  const support = framework.providers[provider.id];
  if (support === 'native') return undefined;
  if (support === 'adapter') {
    return {
      rule: 'provider.adapter',
      severity: 'warn',
      sentence:
        `${framework.name} has no first-party ${provider.label} integration; the generated project reaches it ` +
        `through an OpenAI-compatible endpoint or a gateway (via adapter), which needs extra setup.`,
    };
  }
  const usable = catalog.providers.filter((candidate) => framework.providers[candidate.id] !== 'unsupported');
  return {
    rule: 'provider.unsupported',
    severity: 'err',
    sentence:
      `${framework.name} has no way to call ${provider.label}, so this project cannot be generated. ` +
      `Pick a provider ${framework.name} supports (${labelsOf(usable)}) or another framework.`,
  };
}

// Source: catalog/providers.ts `hyperscalers` (first-party clouds), read through hostingOf.
function hostingIssue(catalog: Catalog, provider: ProviderEntry, hyperscaler: HyperscalerId): Issue | undefined {
  const cloud = hyperscalerIn(catalog, hyperscaler);
  const hosting = hostingOf(provider, hyperscaler);
  if (hosting === 'home') return undefined;
  if (hosting === 'leaves-premises') {
    const local = catalog.providers.filter((candidate) => candidate.hyperscalers.includes('on_prem'));
    return {
      rule: 'provider.hyperscaler',
      severity: 'warn',
      sentence:
        `${provider.label} is a hosted service: on-prem, every prompt and tool result leaves your premises. ` +
        `Use a local provider (${labelsOf(local)}) to keep the data in-house.`,
    };
  }
  const owners = provider.hyperscalers.map((id) => hyperscalerIn(catalog, id).label);
  const firstParty = catalog.providers.filter((candidate) => candidate.hyperscalers.includes(hyperscaler));
  const suggestion = firstParty.length > 0 ? ` ${possessive(cloud.label)} own provider is ${labelsOf(firstParty)}.` : '';
  return {
    rule: 'provider.hyperscaler',
    severity: 'warn',
    sentence:
      `${provider.label} is a first-party service of ${listOf(owners)}; from ${cloud.label} every call crosses clouds ` +
      `(separate credentials, billing and egress).${suggestion}`,
  };
}

export function providerFit({ selection, catalog }: RuleContext): ReadonlyArray<Finding> {
  if (!selection.provider) return [];
  const framework = frameworkIn(catalog, selection.framework);
  const provider = providerIn(catalog, selection.provider);
  const issues = [
    supportIssue(catalog, framework, provider),
    selection.hyperscaler ? hostingIssue(catalog, provider, selection.hyperscaler) : undefined,
  ].filter((issue): issue is Issue => issue !== undefined);
  const base = { category: 'provider', subject: provider.id } as const;
  const [first] = issues;
  if (!first) {
    return [finding({ ...base, rule: 'provider.native', severity: 'ok', message: `${framework.name} talks to ${provider.label} natively.` })];
  }
  const severity = issues.some((issue) => issue.severity === 'err') ? 'err' : 'warn';
  return [finding({ ...base, rule: first.rule, severity, message: issues.map((issue) => issue.sentence).join(' ') })];
}
