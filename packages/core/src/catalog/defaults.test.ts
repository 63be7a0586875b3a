import { HYPERSCALER_IDS, PROVIDER_IDS } from '@agent-generator/contracts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SELECTION, defaultFrameworkFor, defaultModelFor, defaultModelOfProvider } from './defaults';
import { findModel, frameworkById, modelsOf, providerById } from './index';

describe('catalog defaults', () => {
  it.each(HYPERSCALER_IDS)('the default model for %s is a catalog model of that cloud’s own provider', (hyperscaler) => {
    const model = defaultModelFor(hyperscaler);
    expect(findModel(model.provider, model.id)).toBeDefined();
    expect(providerById(model.provider).hyperscalers).toContain(hyperscaler);
  });

  it('names the models the product promises per cloud', () => {
    expect(HYPERSCALER_IDS.map((id) => `${id}=${defaultModelFor(id).provider}:${defaultModelFor(id).id}`)).toEqual([
      'azure=azure-openai:gpt-4.1',
      'aws=bedrock:us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      'gcp=vertex:gemini-2.5-flash',
      'ibm=watsonx:ibm/granite-3-3-8b-instruct',
      'on_prem=ollama:llama3.1:8b',
    ]);
  });

  it.each(HYPERSCALER_IDS)('the default framework for %s runs there, is not archived and reaches the default model natively', (hyperscaler) => {
    const framework = frameworkById(defaultFrameworkFor(hyperscaler));
    expect(framework.hyperscalers).toContain(hyperscaler);
    expect(framework.maturity).not.toBe('archived');
    expect(framework.providers[defaultModelFor(hyperscaler).provider]).toBe('native');
  });

  it('prefers the vendor’s framework and never the archived AutoGen', () => {
    expect(HYPERSCALER_IDS.map(defaultFrameworkFor)).toEqual(['langgraph', 'strands', 'langgraph', 'watsonx-orchestrate', 'crewai']);
  });

  it('has a consistent default selection', () => {
    expect(DEFAULT_SELECTION).toEqual({ framework: 'crewai', pattern: 'sequential', hyperscaler: 'on_prem', provider: 'ollama', model: 'llama3.1:8b' });
    expect(frameworkById(DEFAULT_SELECTION.framework).patterns[DEFAULT_SELECTION.pattern]).toBe('native');
    expect(findModel(DEFAULT_SELECTION.provider, DEFAULT_SELECTION.model)).toBeDefined();
  });

  it.each(PROVIDER_IDS)('a chosen provider %s without a model gets its first catalog model', (provider) => {
    const expected = modelsOf(provider)[0]?.id ?? DEFAULT_SELECTION.model;
    expect(defaultModelOfProvider(provider)).toEqual({ provider, id: expected });
  });

  it('returns copies, so a caller cannot change the table', () => {
    const model = defaultModelFor('aws');
    (model as { id: string }).id = 'changed';
    expect(defaultModelFor('aws').id).toBe('us.anthropic.claude-sonnet-4-5-20250929-v1:0');
  });
});
