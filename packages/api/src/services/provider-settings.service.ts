// Model-provider settings on the server: the catalog's providers merged with stored rows and the
// local servers found at start-up; updates that seal the key; test connection and model lists.
import { OperationalError, UserError, type AgentModel, type JsonObject, type Store } from '@agent-generator/contracts';
import { catalog } from '@agent-generator/core';
import { listModels, testConnection, type ConnectionResult, type LocalProviderProbe, type ModelListing } from '@agent-generator/models';
import type { Logger } from '../logger';
import { entryState, type ProviderEntryState } from './provider-entry';
import { createProviderModelResolver, effectiveProvider, modelSettings, unreadableKeyError, type ProviderPatch, type ResolveAgentModel } from './provider-model';
import { createProviderSecrets, keyHint, type ProviderSecrets } from './provider-secrets';
import { providerView, type ProviderView } from './provider-view';

/** Test connection and model lists answer within seconds, without the run-time retries. */
const PROBE_TUNING = { timeoutMs: 10_000, maxRetries: 0 } as const;

export interface ProviderSettingsServiceOptions {
  readonly store: Store;
  readonly sessionSecret: string;
  readonly logger: Logger;
  readonly fetch?: typeof fetch;
  /** What the start-up probe found (Ollama, OllaBridge); awaited only when providers are listed. */
  readonly localProviders?: Promise<ReadonlyArray<LocalProviderProbe>>;
}

export class ProviderSettingsService {
  private readonly secrets: ProviderSecrets;
  private readonly resolver: ResolveAgentModel;

  constructor(private readonly options: ProviderSettingsServiceOptions) {
    this.secrets = createProviderSecrets(options.sessionSecret);
    this.resolver = createProviderModelResolver({ sessionSecret: options.sessionSecret, ...(options.fetch === undefined ? {} : { fetch: options.fetch }) });
  }

  async list(): Promise<ReadonlyArray<ProviderView>> {
    const [records, probes] = await Promise.all([this.options.store.providerSettings.list(), this.probes()]);
    return catalog.providers.flatMap((entry) => {
      const state = entryState({ providerId: entry.id, record: records.find((record) => record.id === entry.id), probes });
      return state === undefined ? [] : [providerView(state, this.secrets)];
    });
  }

  async get(id: string): Promise<ProviderView> {
    return providerView(await this.state(id), this.secrets);
  }

  async update(id: string, patch: ProviderPatch): Promise<ProviderView> {
    const state = await this.state(id);
    if (patch.kind !== undefined && !state.kinds.includes(patch.kind)) {
      throw new UserError('invalid_input', `${state.catalog.label} speaks ${state.kinds.join(' or ')}, not ${patch.kind}.`, { field: 'kind', kinds: state.kinds });
    }
    const next = effectiveProvider({ state, patch, secrets: this.secrets });
    const stored = state.record;
    const sealed = patch.apiKey === undefined ? { apiKeyCiphertext: stored?.apiKeyCiphertext ?? null, apiKeyHint: stored?.apiKeyHint ?? null } : this.seal(id, patch.apiKey);
    const options: JsonObject = { ...(state.kinds.length > 1 ? { kind: next.kind } : {}), ...next.options };
    const record = await this.options.store.providerSettings.put({ id, enabled: next.enabled, baseUrl: patch.baseUrl !== undefined ? patch.baseUrl : (stored?.baseUrl ?? null), defaultModel: next.defaultModel, options, ...sealed });
    // Field names only: never a value, so never the key.
    const changed = [...Object.keys(patch).filter((name) => name !== 'options'), ...Object.keys(patch.options ?? {})];
    this.options.logger.info({ provider: id, changed }, 'provider settings updated');
    return providerView({ ...state, kind: next.kind, record }, this.secrets);
  }

  /** Tests the stored settings, or unsaved edits laid over them. */
  async test(id: string, patch: ProviderPatch = {}): Promise<ConnectionResult> {
    const provider = effectiveProvider({ state: await this.state(id), patch, secrets: this.secrets });
    if (provider.keyUnreadable) return { ok: false, latencyMs: 0, message: unreadableKeyError(provider.label).message, code: 'invalid_input' };
    if (provider.defaultModel === null) return this.testByListing(id, patch);
    return testConnection(modelSettings(provider, { model: provider.defaultModel, ...PROBE_TUNING }), this.modelOptions());
  }

  async models(id: string, patch: ProviderPatch = {}): Promise<ModelListing> {
    const provider = effectiveProvider({ state: await this.state(id), patch, secrets: this.secrets });
    // The list call does not use the model id; a placeholder satisfies the settings schema.
    return listModels(modelSettings(provider, { model: provider.defaultModel ?? 'any', ...PROBE_TUNING }), this.modelOptions());
  }

  /** The model a run uses, or undefined when no provider is configured (see createProviderModelResolver). */
  resolveAgentModel(selection: { readonly provider?: string; readonly model?: string } = {}): Promise<AgentModel | undefined> {
    return this.resolver(this.options.store, selection);
  }

  private async testByListing(id: string, patch: ProviderPatch): Promise<ConnectionResult> {
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    try {
      const listing = await this.models(id, patch);
      if (!listing.offered) return { ok: false, latencyMs: elapsed(), message: `Choose a default model first: ${listing.message}`, code: 'invalid_input' };
      const count = listing.models.length;
      return { ok: true, latencyMs: elapsed(), message: `Connected: ${count} model${count === 1 ? '' : 's'} available. Choose a default model.` };
    } catch (error) {
      if (error instanceof UserError || error instanceof OperationalError) {
        return { ok: false, latencyMs: elapsed(), message: error.message, code: error.code };
      }
      throw error;
    }
  }

  private seal(id: string, apiKey: string | null): { readonly apiKeyCiphertext: string | null; readonly apiKeyHint: string | null } {
    return apiKey === null ? { apiKeyCiphertext: null, apiKeyHint: null } : { apiKeyCiphertext: this.secrets.seal({ providerId: id, plain: apiKey }), apiKeyHint: keyHint(apiKey) };
  }

  private async state(id: string): Promise<ProviderEntryState> {
    const [record, probes] = await Promise.all([this.options.store.providerSettings.get(id), this.probes()]);
    const state = entryState({ providerId: id, record, probes });
    if (state === undefined) {
      throw new UserError('not_found', `There is no model provider "${id.slice(0, 100)}". Known providers: ${catalog.providers.map((entry) => entry.id).join(', ')}.`, { provider: id.slice(0, 100) });
    }
    return state;
  }

  private probes(): Promise<ReadonlyArray<LocalProviderProbe>> {
    return this.options.localProviders ?? Promise.resolve([]);
  }

  private modelOptions(): { readonly fetch?: typeof fetch } {
    return this.options.fetch === undefined ? {} : { fetch: this.options.fetch };
  }
}
