// Which provider and model a plan uses: explicit choice, then the idea, then the cloud's default.
import type { FrameworkId, HyperscalerId, ModelRef, ProviderId } from '@agent-generator/contracts';
import { defaultModelFor, defaultModelOfProvider } from '../catalog/defaults';
import { frameworkById } from '../catalog/index';
import { models } from '../catalog/models';
import { frameworkName, hyperscalerName, modelName, providerName } from './labels';
import type { PlanChoices, PlanHint } from './plan-types';
import type { Signal } from './infer-signals';

export interface ModelDecision {
  readonly model: ModelRef;
  readonly hint: PlanHint;
}

interface ModelOptions {
  readonly choices: PlanChoices;
  readonly inferred?: Signal<ProviderId> | undefined;
  readonly hyperscaler: HyperscalerId;
  readonly framework: FrameworkId;
}

/** A chosen model id without a provider: the catalog provider serving it, preferring the cloud's own. */
export function providerForModelId(modelId: string, hyperscaler: HyperscalerId): ProviderId {
  const preferred = defaultModelFor(hyperscaler).provider;
  const serving = models.filter((entry) => entry.id === modelId).map((entry) => entry.provider);
  if (serving.includes(preferred)) return preferred;
  return serving[0] ?? preferred;
}

/** The model the person chose, if any: provider and id, a provider alone, or an id alone. */
export function explicitModel(choices: PlanChoices, hyperscaler: HyperscalerId): ModelRef | undefined {
  if (choices.provider && choices.model) return { provider: choices.provider, id: choices.model };
  if (choices.provider) return defaultModelOfProvider(choices.provider);
  if (choices.model) return { provider: providerForModelId(choices.model, hyperscaler), id: choices.model };
  return undefined;
}

function sentence(model: ModelRef, reason: string): PlanHint {
  return { kind: 'provider', value: `${model.provider}:${model.id}`, message: `${reason} ${modelName(model)} through ${providerName(model.provider)} — you can pick another model next.` };
}

export function resolveModel(options: ModelOptions): ModelDecision {
  const { choices, inferred, hyperscaler, framework } = options;
  const chosen = explicitModel(choices, hyperscaler);
  if (chosen) return { model: chosen, hint: sentence(chosen, 'You chose the model: we use') };
  const entry = frameworkById(framework);
  // A model the idea named is used unless the person fixed the cloud, whose default then wins.
  const cloudDefault = defaultModelFor(hyperscaler);
  const fromIdea = inferred && !choices.hyperscaler && inferred.value !== cloudDefault.provider;
  const candidate = fromIdea ? defaultModelOfProvider(inferred.value) : cloudDefault;
  if (entry.providers[candidate.provider] !== 'unsupported') {
    const reason = fromIdea ? `You mentioned “${inferred.evidence}”: we'll use` : `${hyperscaler === 'on_prem' ? 'Running locally' : `On ${hyperscalerName(hyperscaler)}`}, we'll start with`;
    return { model: candidate, hint: sentence(candidate, reason) };
  }
  // Never preselect a provider the framework cannot reach; take the default of a cloud it runs on.
  const reachable = entry.hyperscalers.map(defaultModelFor).find((model) => entry.providers[model.provider] === 'native') ?? defaultModelFor(entry.hyperscalers[0] ?? hyperscaler);
  return {
    model: reachable,
    hint: sentence(reachable, `${frameworkName(framework)} cannot use ${providerName(candidate.provider)}, so we'll use`),
  };
}
