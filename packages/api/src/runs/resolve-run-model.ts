// Picks the model a run uses from the stored provider settings: the run's own choice, else the
// first enabled provider with a default model. Undefined when none is configured. The model SDKs
// load on first use, so a server that never runs anything never pays for them.
import type { AgentModel, ProviderSettingsRecord, RunRecord, Store } from '@agent-generator/contracts';
import type { ProjectModel } from '@agent-generator/engine';
import type { ProviderKind } from '@agent-generator/models';
import { createProviderSecrets } from '../services/provider-secrets';

/** The chosen model: as the spec runtime's AgentModel, or as the settings a generated project reads. */
export interface ResolvedRunModel {
  agentModel(): Promise<AgentModel>;
  projectModel(): Promise<ProjectModel>;
}

export type ResolveRunModel = (request: { readonly store: Store; readonly run: RunRecord }) => Promise<ResolvedRunModel | undefined>;

function optionText(record: ProviderSettingsRecord, name: string): Record<string, string> {
  const value = record.options[name];
  return typeof value === 'string' && value !== '' ? { [name]: value } : {};
}

export function createStoreModelResolver(options: { readonly sessionSecret: string; readonly fetch?: typeof fetch }): ResolveRunModel {
  const secrets = createProviderSecrets(options.sessionSecret);
  return async ({ store, run }) => {
    const providers = (await store.providerSettings.list()).filter((record) => record.enabled);
    const chosen = run.model === null ? providers.find((record) => record.defaultModel !== null) : providers.find((record) => record.id === run.model?.provider);
    const model = run.model?.id ?? chosen?.defaultModel ?? undefined;
    if (chosen === undefined || model === undefined) return undefined;
    const { PROVIDER_KINDS } = await import('@agent-generator/models');
    const declared = typeof chosen.options.kind === 'string' ? chosen.options.kind : chosen.id;
    const kind: ProviderKind | undefined = PROVIDER_KINDS.find((candidate) => candidate === declared);
    if (kind === undefined) return undefined;
    const apiKey = chosen.apiKeyCiphertext === null ? undefined : secrets.open({ providerId: chosen.id, sealed: chosen.apiKeyCiphertext });
    const connection = { ...(chosen.baseUrl === null ? {} : { baseUrl: chosen.baseUrl }), ...(apiKey === undefined ? {} : { apiKey }) };
    const extras = ['region', 'project', 'spaceId', 'apiVersion'].reduce<Record<string, string>>((all, name) => ({ ...all, ...optionText(chosen, name) }), {});
    const timeoutMs = typeof chosen.options.timeoutMs === 'number' ? { timeoutMs: chosen.options.timeoutMs } : {};
    const maxRetries = typeof chosen.options.maxRetries === 'number' ? { maxRetries: chosen.options.maxRetries } : {};
    return {
      async agentModel() {
        const { createAgentModel } = await import('@agent-generator/models');
        return createAgentModel({ provider: kind, model, ...connection, ...extras, ...timeoutMs, ...maxRetries }, options.fetch === undefined ? {} : { fetch: options.fetch });
      },
      async projectModel() {
        const { catalogProviderId } = await import('@agent-generator/models');
        return { provider: catalogProviderId(kind), id: model, ...connection };
      },
    };
  };
}
