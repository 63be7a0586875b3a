// Public surface of @agent-generator/models: model providers behind the AgentModel port.
export { createAgentModel, parseProviderSettings, type ModelOptions } from './create-agent-model';
export { ProviderSettingsSchema, PROVIDER_KINDS, type ProviderKind, type ProviderSettings, type ProviderSettingsInput } from './provider-settings';
export { catalogProviderId, PROVIDERS, type ProviderFacts } from './provider-catalog';
export { listModels } from './discovery/list-models';
export type { ModelInfo, ModelListing } from './discovery/model-listing';
export { testConnection, type ConnectionResult } from './discovery/test-connection';
export { probeLocalProviders, type LocalProviderKind, type LocalProviderProbe } from './discovery/probe-local-providers';
