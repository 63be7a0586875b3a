// Picks the models a run uses from the stored provider settings. An agent runs on the run's own
// choice (picked in Test), else its own model, else the spec's, else the first enabled provider with
// a default model; a choice whose provider is not configured and enabled, or whose model a local
// provider (Ollama, OllaBridge) does not have, passes to the next level with a notice.
// AgentModels are kept across runs per provider settings version and model (they hold no run state,
// and a watsonx one keeps its IAM token). The model SDKs load on first use, so a server that never
// runs anything never pays for them.
import type { AgentModel, AgentSpec, ProjectSpec, ProviderSettingsRecord, RunRecord, Store } from '@agent-generator/contracts';
import type { ProjectModel } from '@agent-generator/engine';
import type * as Models from '@agent-generator/models';
import { createProviderSecrets, type ProviderSecrets } from '../services/provider-secrets';
import { chooseTarget, type Level, type ModelChoice, type Target } from './choose-run-target';
import { createLocalModelLists, type Availability, type LocalModelLists } from './local-model-lists';

/** The chosen models: as the spec runtime's AgentModels, or as the settings a generated project reads. */
export interface ResolvedRunModel {
  /** For an agent: the run's choice, else the agent's own model, else the run's model. Without one: the run's model. */
  agentModel(agent?: AgentSpec): Promise<AgentModel>;
  /** The run's model (its choice, else the spec's, else the default): a generated project runs on one model. */
  projectModel(): Promise<ProjectModel>;
}

export interface ResolveRunModelRequest {
  readonly store: Store;
  readonly run: RunRecord;
  readonly spec: ProjectSpec;
  /** Told once per choice passed over (provider not configured and enabled, or model not on a local provider); no secrets in it. */
  readonly onFallback?: (notice: string) => void;
}

/** Undefined when the run has no model: no choice is configured and no enabled provider has a default model. */
export type ResolveRunModel = (request: ResolveRunModelRequest) => Promise<ResolvedRunModel | undefined>;

/** Providers whose API lists the models they have, so a choice they lack can be passed over. */
const LISTING_KINDS: ReadonlyArray<Models.ProviderKind> = ['ollama', 'ollabridge'];
/** A local server answers its list at once; one that does not leaves the choice as it is. */
const DISCOVERY_TUNING = { timeoutMs: 5_000, maxRetries: 0 } as const;

/** The target a choice names, when its provider is configured and enabled. */
function targetFinder(models: typeof Models, enabled: ReadonlyArray<ProviderSettingsRecord>): (choice: ModelChoice) => Target | undefined {
  return (choice) => {
    const named = models.PROVIDER_KINDS.find((kind) => kind === choice.provider);
    const catalogId = named === undefined ? choice.provider : models.catalogProviderId(named);
    const record = enabled.find((candidate) => candidate.id === catalogId);
    if (record === undefined) return undefined;
    // The stored kind when it belongs to this provider (Gemini or Vertex for `vertex`), else the first that does.
    const kinds = models.PROVIDER_KINDS.filter((kind) => models.catalogProviderId(kind) === record.id);
    const kind = kinds.find((candidate) => candidate === record.options.kind) ?? kinds[0];
    return kind === undefined ? undefined : { record, kind, model: choice.id };
  };
}

function optionText(record: ProviderSettingsRecord, name: string): Record<string, string> {
  const value = record.options[name];
  return typeof value === 'string' && value !== '' ? { [name]: value } : {};
}

function connectionOf(target: Target, secrets: ProviderSecrets): { readonly baseUrl?: string; readonly apiKey?: string } {
  const { record } = target;
  const apiKey = record.apiKeyCiphertext === null ? undefined : secrets.open({ providerId: record.id, sealed: record.apiKeyCiphertext });
  return { ...(record.baseUrl === null ? {} : { baseUrl: record.baseUrl }), ...(apiKey === undefined ? {} : { apiKey }) };
}

function settingsOf(target: Target, secrets: ProviderSecrets): Models.ProviderSettingsInput {
  const { record } = target;
  const extras = ['region', 'project', 'spaceId', 'apiVersion'].reduce<Record<string, string>>((all, name) => ({ ...all, ...optionText(record, name) }), {});
  const timeoutMs = typeof record.options.timeoutMs === 'number' ? { timeoutMs: record.options.timeoutMs } : {};
  const maxRetries = typeof record.options.maxRetries === 'number' ? { maxRetries: record.options.maxRetries } : {};
  return { provider: target.kind, model: target.model, ...connectionOf(target, secrets), ...extras, ...timeoutMs, ...maxRetries };
}

/**
 * Whether a target's provider has its model: asked of providers that list theirs, assumed of the
 * others. One run asks once per provider and model, also when the list could not be read.
 */
function availabilityChecker(options: { readonly models: typeof Models; readonly lists: LocalModelLists; readonly secrets: ProviderSecrets; readonly fetch: typeof fetch | undefined }): (target: Target) => Promise<Availability> {
  const { models, secrets } = options;
  const modelOptions = options.fetch === undefined ? {} : { fetch: options.fetch };
  const asked = new Map<string, Promise<Availability>>();
  return (target) => {
    if (!LISTING_KINDS.includes(target.kind)) return Promise.resolve('present');
    const key = [target.record.id, target.record.updatedAt, target.kind].join('\u0000');
    const known = asked.get(`${key}\u0000${target.model}`);
    if (known !== undefined) return known;
    const discover = () => models.listModels({ ...settingsOf(target, secrets), ...DISCOVERY_TUNING }, modelOptions);
    const availability = options.lists({ key, model: target.model, discover });
    asked.set(`${key}\u0000${target.model}`, availability);
    return availability;
  };
}

/** The enabled providers' default models, in settings order: the last levels of every choice. */
function defaultLevels(enabled: ReadonlyArray<ProviderSettingsRecord>, find: (choice: ModelChoice) => Target | undefined): ReadonlyArray<Level> {
  return enabled.flatMap((record) => {
    const choice = record.defaultModel === null ? undefined : { provider: record.id, id: record.defaultModel };
    return choice === undefined || find(choice) === undefined ? [] : [{ label: 'The default model', choice }];
  });
}

/** Models kept across runs; a settings change (new updatedAt) makes new ones. */
const MAX_KEPT_MODELS = 64;

export function createStoreModelResolver(options: { readonly sessionSecret: string; readonly fetch?: typeof fetch; readonly now?: () => number }): ResolveRunModel {
  const secrets = createProviderSecrets(options.sessionSecret);
  const kept = new Map<string, AgentModel>();
  const lists = createLocalModelLists({ now: options.now ?? Date.now });
  const agentModelOf = (models: typeof Models, target: Target): AgentModel => {
    const key = [target.record.id, target.record.updatedAt, target.kind, target.model].join('\u0000');
    const model = kept.get(key) ?? models.createAgentModel(settingsOf(target, secrets), options.fetch === undefined ? {} : { fetch: options.fetch });
    kept.delete(key);
    kept.set(key, model);
    for (const oldest of kept.keys()) {
      if (kept.size <= MAX_KEPT_MODELS) break;
      kept.delete(oldest);
    }
    return model;
  };
  return async ({ store, run, spec, onFallback }) => {
    const models = await import('@agent-generator/models');
    const enabled = (await store.providerSettings.list()).filter((record) => record.enabled);
    const find = targetFinder(models, enabled);
    const availability = availabilityChecker({ models, lists, secrets, fetch: options.fetch });
    const defaults = defaultLevels(enabled, find);
    const told = new Set<string>();
    const tell = (notice: string): void => {
      if (!told.has(notice)) onFallback?.(notice);
      told.add(notice);
    };
    const choose = (levels: ReadonlyArray<Level>): Promise<Target | undefined> => chooseTarget([...levels, ...defaults], { find, availability, tell });
    const picked: Level = { label: 'The model picked for this run', choice: run.model };
    const projectLevel: Level = { label: "The project's model", choice: spec.model };
    const runTarget = await choose([picked, projectLevel]);
    if (runTarget === undefined) return undefined;
    return {
      agentModel: async (agent) => {
        const levels = agent === undefined ? [picked, projectLevel] : [picked, { label: `Agent "${agent.id}"'s model`, choice: agent.model }, projectLevel];
        return agentModelOf(models, (await choose(levels)) ?? runTarget);
      },
      projectModel: () => Promise.resolve({ provider: models.catalogProviderId(runTarget.kind), id: runTarget.model, ...connectionOf(runTarget, secrets) }),
    };
  };
}

/** The models runSpec takes: the run's, and each agent's. */
export interface EngineModels {
  readonly model: AgentModel;
  readonly modelFor: (agent: AgentSpec) => AgentModel;
}

/**
 * Every model a spec run needs, made before it starts (a provider whose settings are incomplete fails
 * the run at once); one agent after the other, so the notices come in the spec's order.
 */
export async function engineModels(resolved: ResolvedRunModel, spec: ProjectSpec): Promise<EngineModels> {
  const model = await resolved.agentModel();
  const byAgent = new Map<string, AgentModel>();
  for (const agent of spec.agents) byAgent.set(agent.id, await resolved.agentModel(agent));
  return { model, modelFor: (agent) => byAgent.get(agent.id) ?? model };
}
