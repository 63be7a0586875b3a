// Combines explicit choices, what the idea says and the catalog defaults into one selection.
// Order of precedence for every field: explicit choice, then the idea, then a default.
import type { FrameworkId, HyperscalerId, ModelRef, PatternId, ProviderId, ToolId } from '@agent-generator/contracts';
import { DEFAULT_SELECTION, defaultFrameworkFor } from '../catalog/defaults';
import { frameworkById, providerById } from '../catalog/index';
import type { InferredSignals, Signal } from './infer-signals';
import { frameworkName, hyperscalerName, listOf, providerName, toolName } from './labels';
import type { PlanChoices, PlanHint } from './plan-types';
import { resolvePattern } from './resolve-pattern';
import { providerForModelId, resolveModel } from './resolve-model';

export interface ResolvedSelection {
  readonly framework: FrameworkId;
  readonly pattern: PatternId;
  readonly hyperscaler: HyperscalerId;
  readonly model: ModelRef;
  readonly tools: ReadonlyArray<ToolId>;
  readonly hints: ReadonlyArray<PlanHint>;
}

interface SelectionOptions {
  readonly choices: PlanChoices;
  readonly inferred: InferredSignals;
}

// A provider that is first-party on exactly one cloud implies that cloud (Bedrock → AWS).
function cloudOfProvider(provider: ProviderId | undefined): HyperscalerId | undefined {
  if (!provider) return undefined;
  const clouds = providerById(provider).hyperscalers;
  return clouds.length === 1 ? clouds[0] : undefined;
}

function namedCloud(options: SelectionOptions): { cloud?: HyperscalerId; hint?: PlanHint } {
  const { choices, inferred } = options;
  if (choices.hyperscaler) {
    const differs = inferred.hyperscaler && inferred.hyperscaler.value !== choices.hyperscaler;
    const hint: PlanHint | undefined = differs
      ? { kind: 'hyperscaler', value: choices.hyperscaler, message: `Your idea mentions “${inferred.hyperscaler?.evidence ?? ''}”, but you chose ${hyperscalerName(choices.hyperscaler)}; your choice wins.` }
      : undefined;
    return { cloud: choices.hyperscaler, ...(hint ? { hint } : {}) };
  }
  if (inferred.hyperscaler) {
    const { value, evidence } = inferred.hyperscaler;
    return { cloud: value, hint: { kind: 'hyperscaler', value, message: `You mentioned “${evidence}”: we'll target ${hyperscalerName(value)} — you can change this next.` } };
  }
  const provider = choices.provider ?? (choices.model ? providerForModelId(choices.model, DEFAULT_SELECTION.hyperscaler) : inferred.provider?.value);
  const cloud = cloudOfProvider(provider);
  if (!provider || !cloud) return {};
  return { cloud, hint: { kind: 'hyperscaler', value: cloud, message: `${providerName(provider)} is ${hyperscalerName(cloud)}'s own provider, so we'll target ${hyperscalerName(cloud)}.` } };
}

function resolveFramework(choices: PlanChoices, inferred: Signal<FrameworkId> | undefined, cloud: HyperscalerId | undefined): { framework: FrameworkId; hint?: PlanHint } {
  if (choices.framework) {
    if (!inferred || inferred.value === choices.framework) return { framework: choices.framework };
    const message = `Your idea mentions ${frameworkName(inferred.value)}, but you chose ${frameworkName(choices.framework)}; your choice wins.`;
    return { framework: choices.framework, hint: { kind: 'framework', value: choices.framework, message } };
  }
  if (inferred) {
    return { framework: inferred.value, hint: { kind: 'framework', value: inferred.value, message: `You named ${frameworkName(inferred.value)}: we'll preselect it — you can change this next.` } };
  }
  return { framework: cloud ? defaultFrameworkFor(cloud) : DEFAULT_SELECTION.framework };
}

function resolveTools(choices: PlanChoices, inferred: ReadonlyArray<Signal<ToolId>>): { tools: ReadonlyArray<ToolId>; hints: ReadonlyArray<PlanHint> } {
  if (choices.tools) {
    const chosen = choices.tools;
    const ignored = inferred.filter((signal) => !chosen.includes(signal.value)).map((signal) => signal.value);
    const hints: ReadonlyArray<PlanHint> =
      ignored.length === 0 ? [] : [{ kind: 'tool', value: ignored.join(','), message: `Your idea suggests ${listOf(ignored.map(toolName))}, but you chose the tools yourself; we keep your list.` }];
    return { tools: [...chosen], hints };
  }
  return {
    tools: inferred.map((signal) => signal.value),
    hints: inferred.map((signal) => ({ kind: 'tool', value: signal.value, message: `“${signal.evidence}” suggests the ${toolName(signal.value)} tool.` })),
  };
}

export function resolveSelection(options: SelectionOptions): ResolvedSelection {
  const { choices, inferred } = options;
  const named = namedCloud(options);
  const framework = resolveFramework(choices, inferred.framework, named.cloud);
  const entry = frameworkById(framework.framework);
  // With no cloud named, stay local when the framework can; otherwise use its first cloud.
  const hyperscaler = named.cloud ?? (entry.hyperscalers.includes(DEFAULT_SELECTION.hyperscaler) ? DEFAULT_SELECTION.hyperscaler : (entry.hyperscalers[0] ?? DEFAULT_SELECTION.hyperscaler));
  const model = resolveModel({ choices, inferred: inferred.provider, hyperscaler, framework: framework.framework });
  const pattern = resolvePattern({ chosen: choices.pattern, inferred: inferred.pattern, framework: framework.framework });
  const tools = resolveTools(choices, inferred.tools);
  const cloudFramework: PlanHint | undefined =
    !choices.framework && !inferred.framework && named.cloud
      ? {
          kind: 'framework',
          value: framework.framework,
          message: `${choices.hyperscaler ? 'You chose' : 'You mentioned'} ${hyperscalerName(named.cloud)}: we'll preselect ${entry.name} on ${providerName(model.model.provider)} — you can change this next.`,
        }
      : undefined;
  const frameworkCloud: PlanHint | undefined =
    !named.cloud && hyperscaler !== DEFAULT_SELECTION.hyperscaler
      ? { kind: 'hyperscaler', value: hyperscaler, message: `${entry.name} runs on ${hyperscalerName(hyperscaler)}, so we'll target ${hyperscalerName(hyperscaler)}.` }
      : undefined;
  const hints = [framework.hint, cloudFramework, named.hint, frameworkCloud, model.hint, ...pattern.hints, ...tools.hints].filter(
    (hint): hint is PlanHint => hint !== undefined,
  );
  return { framework: framework.framework, pattern: pattern.pattern, hyperscaler, model: model.model, tools: tools.tools, hints };
}
