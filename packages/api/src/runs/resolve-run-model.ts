// Picks the models a run uses from the stored provider settings. An agent runs on the run's own
// choice (picked in Test), else its own model, else the spec's, else the first enabled provider with
// a default model; a choice whose provider is not configured and enabled passes to the next level.
// AgentModels are kept across runs per provider settings version and model (they hold no run state,
// and a watsonx one keeps its IAM token). The model SDKs load on first use, so a server that never
// runs anything never pays for them.
import type { AgentModel, AgentSpec, ProjectSpec, ProviderSettingsRecord, RunRecord, Store } from '@agent-generator/contracts';
import type { ProjectModel } from '@agent-generator/engine';
import type * as Models from '@agent-generator/models';
import { createProviderSecrets, type ProviderSecrets } from '../services/provider-secrets';

/** A provider (a catalog id such as `openai`, or a settings kind such as `gemini`) and a model id. */
export interface ModelChoice {
  readonly provider: string;
  readonly id: string;
}

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
  /** Told once per choice passed over because its provider is not configured and enabled (no secrets in it). */
  readonly onFallback?: (notice: string) => void;
}

/** Undefined when the run has no model: no choice is configured and no enabled provider has a default model. */
export type ResolveRunModel = (request: ResolveRunModelRequest) => Promise<ResolvedRunModel | undefined>;

/** An enabled provider's settings record, the model API it speaks, and the model to call on it. */
interface Target {
  readonly record: ProviderSettingsRecord;
  readonly kind: Models.ProviderKind;
  readonly model: string;
}

interface Level {
  /** Names the level in a fallback notice. */
  readonly label: string;
  readonly choice: ModelChoice | null | undefined;
}

const nameOf = (target: Target): string => `${target.record.id}/${target.model}`;

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

/** The first level whose choice is configured and enabled, else the fallback; each choice passed over is told. */
function chooseTarget(levels: ReadonlyArray<Level>, options: { readonly find: (choice: ModelChoice) => Target | undefined; readonly fallback: Target | undefined; readonly tell: (notice: string) => void }): Target | undefined {
  const passedOver: Array<{ readonly label: string; readonly choice: ModelChoice }> = [];
  let chosen: Target | undefined;
  for (const { label, choice } of levels) {
    if (choice === null || choice === undefined) continue;
    chosen = options.find(choice);
    if (chosen !== undefined) break;
    passedOver.push({ label, choice });
  }
  chosen ??= options.fallback;
  if (chosen === undefined) return undefined;
  for (const { label, choice } of passedOver) {
    options.tell(`${label} ${choice.provider}/${choice.id} is not used: ${choice.provider} is not configured and enabled in Settings → Providers; ${nameOf(chosen)} runs instead.`);
  }
  return chosen;
}

/** Models kept across runs; a settings change (new updatedAt) makes new ones. */
const MAX_KEPT_MODELS = 64;

export function createStoreModelResolver(options: { readonly sessionSecret: string; readonly fetch?: typeof fetch }): ResolveRunModel {
  const secrets = createProviderSecrets(options.sessionSecret);
  const kept = new Map<string, AgentModel>();
  return async ({ store, run, spec, onFallback }) => {
    const models = await import('@agent-generator/models');
    const enabled = (await store.providerSettings.list()).filter((record) => record.enabled);
    const find = targetFinder(models, enabled);
    const fallback = enabled.map((record) => (record.defaultModel === null ? undefined : find({ provider: record.id, id: record.defaultModel }))).find((target) => target !== undefined);
    const told = new Set<string>();
    const tell = (notice: string): void => {
      if (!told.has(notice)) onFallback?.(notice);
      told.add(notice);
    };
    const choose = (levels: ReadonlyArray<Level>): Target | undefined => chooseTarget(levels, { find, fallback, tell });
    const picked: Level = { label: 'The model picked for this run', choice: run.model };
    const projectLevel: Level = { label: "The project's model", choice: spec.model };
    const runTarget = choose([picked, projectLevel]);
    if (runTarget === undefined) return undefined;
    const agentModelOf = (target: Target): AgentModel => {
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
    return {
      agentModel: (agent) => {
        const levels = agent === undefined ? [picked, projectLevel] : [picked, { label: `Agent "${agent.id}"'s model`, choice: agent.model }, projectLevel];
        return Promise.resolve(agentModelOf(choose(levels) ?? runTarget));
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

/** Every model a spec run needs, made before it starts (a provider whose settings are incomplete fails the run at once). */
export async function engineModels(resolved: ResolvedRunModel, spec: ProjectSpec): Promise<EngineModels> {
  const model = await resolved.agentModel();
  const byAgent = new Map(await Promise.all(spec.agents.map(async (agent) => [agent.id, await resolved.agentModel(agent)] as const)));
  return { model, modelFor: (agent) => byAgent.get(agent.id) ?? model };
}
