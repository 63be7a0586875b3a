// Which replacement to prefer when an alternative has to change a second field to stay valid.
import type { Catalog, ExportTargetId, FrameworkEntry, HyperscalerId, ModelEntry, ProviderId } from '@agent-generator/contracts';
import { modelsServedBy } from '../catalog-lookup';
import { hostingOf } from '../provider-hosting';
import { cloudOfTarget } from '../rules/export-fit';

/** The framework's export targets, best first: the chosen cloud's own target, then Docker, then ZIP. */
export function preferredExportTargets(framework: FrameworkEntry, hyperscaler: HyperscalerId | undefined): ReadonlyArray<ExportTargetId> {
  const rank = (target: ExportTargetId): number => {
    if (hyperscaler && cloudOfTarget(target) === hyperscaler) return 0;
    if (target === 'docker') return 1;
    if (target === 'zip') return 2;
    return 3;
  };
  return [...framework.exportTargets].sort((first, second) => rank(first) - rank(second));
}

/** A provider the framework calls natively and that runs at home on the cloud, else the closest one. */
export function preferredProvider(catalog: Catalog, framework: FrameworkEntry, hyperscaler: HyperscalerId | undefined): ProviderId | undefined {
  const rank = (provider: Catalog['providers'][number]): number => {
    const support = framework.providers[provider.id];
    if (support === 'unsupported') return Number.POSITIVE_INFINITY;
    const away = hyperscaler && hostingOf(provider, hyperscaler) !== 'home' ? 1 : 0;
    return (support === 'native' ? 0 : 2) + away;
  };
  const usable = catalog.providers.filter((provider) => rank(provider) !== Number.POSITIVE_INFINITY);
  return [...usable].sort((first, second) => rank(first) - rank(second))[0]?.id;
}

/** The first catalog model of the provider, one with tool calling when tools are selected. */
export function preferredModel(catalog: Catalog, provider: ProviderId, needsTools: boolean): ModelEntry | undefined {
  const served = modelsServedBy(catalog, provider);
  return served.find((model) => model.toolCalling || !needsTools) ?? served[0];
}
