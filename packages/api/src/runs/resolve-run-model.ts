// Picks the model a run uses from the stored provider settings: the run's own choice, else the
// first enabled provider with a default model. Undefined when none is configured.
import type { AgentModel, ProviderSettingsRecord, RunRecord, Store } from '@agent-generator/contracts';
import { createAgentModel, PROVIDER_KINDS, type ProviderKind } from '@agent-generator/models';
import { createProviderSecrets } from '../services/provider-secrets';

export type ResolveRunModel = (request: { readonly store: Store; readonly run: RunRecord }) => Promise<AgentModel | undefined>;

function kindOf(record: ProviderSettingsRecord): ProviderKind | undefined {
  const declared = typeof record.options.kind === 'string' ? record.options.kind : record.id;
  return PROVIDER_KINDS.find((kind) => kind === declared);
}

function optionText(record: ProviderSettingsRecord, name: string): Record<string, string> {
  const value = record.options[name];
  return typeof value === 'string' && value !== '' ? { [name]: value } : {};
}

export function createStoreModelResolver(options: { readonly sessionSecret: string; readonly fetch?: typeof fetch }): ResolveRunModel {
  const secrets = createProviderSecrets(options.sessionSecret);
  return async ({ store, run }) => {
    const providers = (await store.providerSettings.list()).filter((record) => record.enabled);
    const chosen = run.model === null ? providers.find((record) => record.defaultModel !== null) : providers.find((record) => record.id === run.model?.provider);
    const kind = chosen && kindOf(chosen);
    const model = run.model?.id ?? chosen?.defaultModel ?? undefined;
    if (chosen === undefined || kind === undefined || model === undefined) return undefined;
    const apiKey = chosen.apiKeyCiphertext === null ? undefined : secrets.open({ providerId: chosen.id, sealed: chosen.apiKeyCiphertext });
    const extras = ['region', 'project', 'spaceId', 'apiVersion'].reduce<Record<string, string>>((all, name) => ({ ...all, ...optionText(chosen, name) }), {});
    const timeoutMs = typeof chosen.options.timeoutMs === 'number' ? { timeoutMs: chosen.options.timeoutMs } : {};
    const maxRetries = typeof chosen.options.maxRetries === 'number' ? { maxRetries: chosen.options.maxRetries } : {};
    return createAgentModel(
      { provider: kind, model, ...(chosen.baseUrl === null ? {} : { baseUrl: chosen.baseUrl }), ...(apiKey === undefined ? {} : { apiKey }), ...extras, ...timeoutMs, ...maxRetries },
      options.fetch === undefined ? {} : { fetch: options.fetch },
    );
  };
}
