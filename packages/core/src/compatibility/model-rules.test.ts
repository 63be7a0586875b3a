// Model rows: catalog models, models of another provider, unknown ids, and tool calling.
import type { Catalog, Diagnostic, Selection } from '@agent-generator/contracts';
import { describe, expect, it } from 'vitest';
import { catalog, modelsOf } from '../catalog/index';
import { evaluate } from './evaluate';
import { rowProblems } from './test-helpers';

const modelRow = (selection: Selection, source: Catalog = catalog): Diagnostic | undefined =>
  evaluate(selection, source).find((row) => row.category === 'model');

describe('model rows', () => {
  it('accepts every catalog model with its own provider on every framework', () => {
    for (const model of catalog.models) {
      for (const framework of catalog.frameworks) {
        const row = modelRow({ framework: framework.id, provider: model.provider, model: model.id, tools: ['calculator'] });
        expect(row).toMatchObject({ rule: 'model.ok', severity: 'ok', subject: model.id, step: 'framework', alternatives: [] });
      }
    }
  });

  it('refuses a model of another provider and offers the provider’s own models or the model’s provider', () => {
    const selection: Selection = { framework: 'langgraph', provider: 'openai', model: 'claude-sonnet-4-5-20250929' };
    const row = modelRow(selection);
    expect(row).toMatchObject({ rule: 'model.provider-mismatch', severity: 'err' });
    expect(row?.message).toMatch(/served by Anthropic, not by OpenAI/);
    expect(row?.alternatives).toEqual([{ model: 'gpt-4o-mini' }, { provider: 'anthropic' }, { model: 'gpt-4o' }]);
    expect(rowProblems(selection)).toEqual([]);
  });

  it('checks every catalog model against every provider that does not list it', () => {
    for (const model of catalog.models) {
      for (const provider of catalog.providers) {
        // An OpenAI-compatible endpoint serves what its operator loaded: any id is accepted there.
        if (provider.id === 'openai-compatible' || modelsOf(provider.id).some((candidate) => candidate.id === model.id)) continue;
        const selection: Selection = { framework: 'langgraph', provider: provider.id, model: model.id };
        const row = modelRow(selection);
        expect(row?.severity).not.toBe('ok');
        expect(rowProblems(selection)).toEqual([]);
      }
    }
  });

  it('passes a sibling provider’s id through with a warning instead of refusing it', () => {
    // OllaBridge forwards to Ollama; Azure deployments are named after OpenAI models.
    expect(modelRow({ framework: 'langgraph', provider: 'ollabridge', model: 'qwen2.5:7b' })?.rule).toBe('model.unknown');
    expect(modelRow({ framework: 'langgraph', provider: 'azure-openai', model: 'gpt-5' })?.rule).toBe('model.unknown');
  });

  it('warns about an id missing from the catalog and passes it through', () => {
    const row = modelRow({ framework: 'crewai', provider: 'ollama', model: 'mistral-nemo:12b', tools: ['web_search'] });
    expect(row).toMatchObject({ rule: 'model.unknown', severity: 'warn', subject: 'mistral-nemo:12b' });
    expect(row?.message).toMatch(/passed to Ollama as is/);
    expect(row?.message).toMatch(/can call tools/);
    expect(row?.alternatives[0]).toEqual({ model: 'llama3.1:8b' });
  });

  it('takes any id for an OpenAI-compatible endpoint, whose operator defines the models', () => {
    const row = modelRow({ framework: 'react', provider: 'openai-compatible', model: 'Qwen/Qwen2.5-7B-Instruct' });
    expect(row).toMatchObject({ rule: 'model.passthrough', severity: 'ok' });
  });

  it('names the providers of a catalog model when no provider is chosen', () => {
    expect(modelRow({ framework: 'react', model: 'llama3.1:8b' })).toMatchObject({ rule: 'model.ok', severity: 'ok' });
    expect(modelRow({ framework: 'react', model: 'llama3.1:8b' })?.message).toMatch(/Ollama or OllaBridge/);
    const unknown = modelRow({ framework: 'react', model: 'no-such-model' });
    expect(unknown).toMatchObject({ rule: 'model.unknown', severity: 'warn' });
    expect(unknown?.alternatives[0]).toEqual({ model: 'gpt-4o-mini' });
  });

  it('shows no model row when no model (or a blank one) is chosen', () => {
    expect(modelRow({ framework: 'react', provider: 'openai' })).toBeUndefined();
    expect(modelRow({ framework: 'react', provider: 'openai', model: '  ' })).toBeUndefined();
  });
});

describe('tool calling', () => {
  // The shipped catalog has only tool-calling models; a catalog with one that is not proves the rule.
  const textOnly = { id: 'text-only-1', label: 'Text Only 1', provider: 'openai', contextWindow: 8_192, price: { input: 1, output: 2 }, toolCalling: false } as const;
  const withTextOnly: Catalog = { ...catalog, models: [textOnly, ...catalog.models] };

  it('warns when tools are selected for a model that cannot call them', () => {
    const selection: Selection = { framework: 'langgraph', provider: 'openai', model: 'text-only-1', tools: ['web_search', 'calculator'] };
    const row = modelRow(selection, withTextOnly);
    expect(row).toMatchObject({ rule: 'model.no-tool-calling', severity: 'warn' });
    expect(row?.message).toMatch(/2 tool\(s\)/);
    expect(row?.alternatives[0]).toEqual({ model: 'gpt-4o-mini' });
    expect(row?.alternatives).toContainEqual({ tools: [] });
    expect(rowProblems(selection, withTextOnly)).toEqual([]);
  });

  it('accepts the same model without tools', () => {
    expect(modelRow({ framework: 'langgraph', provider: 'openai', model: 'text-only-1' }, withTextOnly)?.rule).toBe('model.ok');
  });

  it('repairs the model with a tool-calling one when an alternative switches the provider', () => {
    const granite = { id: 'granite-text', label: 'Granite text', provider: 'watsonx', contextWindow: 8_192, price: { input: 1, output: 1 }, toolCalling: false } as const;
    const source: Catalog = { ...catalog, models: [granite, ...catalog.models] };
    const selection: Selection = { framework: 'watsonx-orchestrate', hyperscaler: 'ibm', provider: 'ollama', model: 'llama3.1:8b' };
    const providerRow = (input: Selection) => evaluate(input, source).find((row) => row.category === 'provider');
    expect(providerRow(selection)?.alternatives[0]).toEqual({ provider: 'watsonx', model: 'granite-text' });
    expect(providerRow({ ...selection, tools: ['calculator'] })?.alternatives[0]).toEqual({ provider: 'watsonx', model: 'ibm/granite-3-3-8b-instruct' });
  });
});
