// Rules `model.ok` / `model.unknown` / `model.provider-mismatch` / `model.no-tool-calling` / `model.passthrough`.
import type { Catalog, ModelEntry, ProviderEntry, ProviderId } from '@agent-generator/contracts';
import { listOf, modelsServedBy, modelsWithId, possessive, providerIn } from '../catalog-lookup';
import { finding, type Finding, type RuleContext } from '../finding';

// Providers that accept each other's model ids, so a sibling's id is passed through, not refused:
// OllaBridge forwards to an Ollama server (github.com/ruslanmv/ollabridge), and Azure OpenAI
// deployments are by default named after the OpenAI model they serve
// (learn.microsoft.com/azure/ai-services/openai/how-to/create-resource).
const SHARED_MODEL_IDS: ReadonlyArray<ReadonlyArray<ProviderId>> = [
  ['ollama', 'ollabridge'],
  ['openai', 'azure-openai'],
];

// An OpenAI-compatible endpoint (vLLM, LiteLLM, LM Studio) serves whatever its operator loaded;
// there is no list to check an id against (docs.vllm.ai: OpenAI-compatible server, `--served-model-name`).
const OPERATOR_DEFINED: ReadonlyArray<ProviderId> = ['openai-compatible'];

function shareIds(first: ProviderId, second: ProviderId): boolean {
  return first === second || SHARED_MODEL_IDS.some((group) => group.includes(first) && group.includes(second));
}

function describe(model: ModelEntry, provider: ProviderEntry): string {
  const price = model.price.input === 0 && model.price.output === 0 ? 'no per-token cost' : `US$${model.price.input} / US$${model.price.output} per million tokens in / out`;
  const context = String(model.contextWindow).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${model.label} from ${provider.label} (id ${model.id}): ${context} tokens of context, ${price}.`;
}

function example(catalog: Catalog, provider: ProviderEntry, needsTools: boolean): string {
  const candidate = modelsServedBy(catalog, provider.id).find((model) => model.toolCalling || !needsTools);
  return candidate ? ` (e.g. ${candidate.id})` : '';
}

function withProvider(context: RuleContext, provider: ProviderEntry, id: string): Finding {
  const { catalog, selection } = context;
  const toolCount = new Set(selection.tools ?? []).size;
  const base = { category: 'model', subject: id } as const;
  if (OPERATOR_DEFINED.includes(provider.id)) {
    const message = `${id} is sent to your ${provider.label} as is; make sure the server serves a model by that name${toolCount > 0 ? ' with tool calling' : ''}.`;
    return finding({ ...base, rule: 'model.passthrough', severity: 'ok', message });
  }
  const entry = modelsServedBy(catalog, provider.id).find((model) => model.id === id);
  if (entry && !entry.toolCalling && toolCount > 0) {
    const message =
      `${entry.label} cannot call tools, but the agents here have ${toolCount} tool(s) that would never be used. ` +
      `Pick one of ${possessive(provider.label)} models with tool calling${example(catalog, provider, true)} or drop the tools.`;
    return finding({ ...base, rule: 'model.no-tool-calling', severity: 'warn', message });
  }
  if (entry) return finding({ ...base, rule: 'model.ok', severity: 'ok', message: describe(entry, provider) });
  const owners = [...new Set(modelsWithId(catalog, id).map((model) => model.provider))];
  if (owners.length > 0 && !owners.some((owner) => shareIds(owner, provider.id))) {
    const ownerLabels = listOf(owners.map((owner) => providerIn(catalog, owner).label));
    const message =
      `${id} is served by ${ownerLabels}, not by ${provider.label}, so every call would fail. ` +
      `Pick one of ${possessive(provider.label)} models${example(catalog, provider, toolCount > 0)} or switch the provider to ${ownerLabels}.`;
    return finding({ ...base, rule: 'model.provider-mismatch', severity: 'err', message });
  }
  const message =
    `${id} is not in our catalog for ${provider.label}; it is passed to ${provider.label} as is. ` +
    `Check that ${provider.label} accepts this id${toolCount > 0 ? ' and that the model can call tools' : ''}, ` +
    `or pick a catalog model${example(catalog, provider, toolCount > 0)}.`;
  return finding({ ...base, rule: 'model.unknown', severity: 'warn', message });
}

function withoutProvider(context: RuleContext, id: string): Finding {
  const entries = modelsWithId(context.catalog, id);
  const base = { category: 'model', subject: id } as const;
  const [first] = entries;
  if (!first) {
    const message = `${id} is not in our catalog; choose the provider that serves it, or pick a catalog model (e.g. ${context.catalog.models[0]?.id ?? 'from the list'}).`;
    return finding({ ...base, rule: 'model.unknown', severity: 'warn', message });
  }
  const toolCount = new Set(context.selection.tools ?? []).size;
  if (toolCount > 0 && entries.every((model) => !model.toolCalling)) {
    const message = `${first.label} cannot call tools, but the agents here have ${toolCount} tool(s) that would never be used. Pick a model with tool calling or drop the tools.`;
    return finding({ ...base, rule: 'model.no-tool-calling', severity: 'warn', message });
  }
  const providers = listOf(entries.map((model) => providerIn(context.catalog, model.provider).label));
  return finding({ ...base, rule: 'model.ok', severity: 'ok', message: `${first.label} (${id}) is served by ${providers}; choose one of them as the provider.` });
}

export function modelFit(context: RuleContext): ReadonlyArray<Finding> {
  const { selection, catalog } = context;
  if (!selection.model?.trim()) return [];
  if (!selection.provider) return [withoutProvider(context, selection.model)];
  return [withProvider(context, providerIn(catalog, selection.provider), selection.model)];
}
