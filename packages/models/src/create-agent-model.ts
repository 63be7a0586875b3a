// The one entry point that turns provider settings into an AgentModel.
import { UserError, type AgentModel } from '@agent-generator/contracts';
import { ProviderSettingsSchema, type ProviderSettings, type ProviderSettingsInput } from './provider-settings';
import type { FetchFunction } from './providers/sdk-model-options';
import { createOpenAiCompatibleAgentModel } from './chat-completions/openai-compatible-agent-model';
import { createSdkAgentModel } from './sdk-agent-model';
import { createWatsonxAgentModel } from './watsonx/watsonx-agent-model';

export interface ModelOptions {
  /** Replaces global fetch for every call (tests, proxies). */
  readonly fetch?: FetchFunction;
}

/** Validates settings; the message names every invalid field and never echoes a value. */
export function parseProviderSettings(input: ProviderSettingsInput | ProviderSettings): ProviderSettings {
  const result = ProviderSettingsSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`);
  throw new UserError('invalid_input', `The provider settings are incomplete: ${problems.join('; ')}`, { fields: result.error.issues.map((issue) => issue.path.join('.')) });
}

export function createAgentModel(input: ProviderSettingsInput, options: ModelOptions = {}): AgentModel {
  const settings = parseProviderSettings(input);
  const fetchOption = options.fetch === undefined ? {} : { fetch: options.fetch };
  if (settings.provider === 'watsonx') return createWatsonxAgentModel({ settings, ...fetchOption });
  if (settings.provider === 'ollama' || settings.provider === 'ollabridge' || settings.provider === 'openai-compatible') {
    return createOpenAiCompatibleAgentModel({ settings: { ...settings, provider: settings.provider }, ...fetchOption });
  }
  return createSdkAgentModel({ settings: { ...settings, provider: settings.provider }, ...fetchOption });
}
