// Provider rows: provider × framework support, provider × hyperscaler hosting, and their alternatives.
import { FRAMEWORK_IDS, HYPERSCALER_IDS, PROVIDER_IDS, type HyperscalerId, type ProviderId } from '@agent-generator/contracts';
import { describe, expect, it } from 'vitest';
import { frameworkById, providerById } from '../catalog/index';
import { evaluate } from './evaluate';
import { hostingOf, type Hosting } from './provider-hosting';
import { rowProblems } from './test-helpers';

const H = 'home';
const X = 'cross-cloud';
const L = 'leaves-premises';
// Written out by hand from providers.ts: first-party clouds are home; OpenAI and Anthropic are public
// APIs (home on any cloud); local servers are home anywhere; everything hosted leaves the premises.
const HOSTING: Record<ProviderId, Record<HyperscalerId, Hosting>> = {
  openai: { azure: H, aws: H, gcp: H, ibm: H, on_prem: L },
  'azure-openai': { azure: H, aws: X, gcp: X, ibm: X, on_prem: L },
  anthropic: { azure: H, aws: H, gcp: H, ibm: H, on_prem: L },
  bedrock: { azure: X, aws: H, gcp: X, ibm: X, on_prem: L },
  vertex: { azure: X, aws: X, gcp: H, ibm: X, on_prem: L },
  watsonx: { azure: X, aws: X, gcp: X, ibm: H, on_prem: L },
  ollama: { azure: H, aws: H, gcp: H, ibm: H, on_prem: H },
  ollabridge: { azure: H, aws: H, gcp: H, ibm: H, on_prem: H },
  'openai-compatible': { azure: H, aws: H, gcp: H, ibm: H, on_prem: H },
};

const providerRow = (selection: Parameters<typeof evaluate>[0]) => evaluate(selection).find((row) => row.category === 'provider');

describe('provider × hyperscaler', () => {
  const cells = PROVIDER_IDS.flatMap((provider) => HYPERSCALER_IDS.map((hyperscaler) => ({ provider, hyperscaler })));

  it.each(cells)('$provider on $hyperscaler', ({ provider, hyperscaler }) => {
    const expected = HOSTING[provider][hyperscaler];
    expect(hostingOf(providerById(provider), hyperscaler)).toBe(expected);
    // LangGraph calls every provider natively, so only the hosting decides the row.
    const row = providerRow({ framework: 'langgraph', provider, hyperscaler });
    expect(row?.severity).toBe(expected === H ? 'ok' : 'warn');
    expect(row?.rule).toBe(expected === H ? 'provider.native' : 'provider.hyperscaler');
    if (expected === L) expect(row?.message).toMatch(/leaves your premises/);
    if (expected === X) expect(row?.message).toMatch(/crosses clouds/);
    expect(rowProblems({ framework: 'langgraph', provider, hyperscaler })).toEqual([]);
  });

  it('proposes the cloud’s own provider first for Bedrock on Azure', () => {
    const row = providerRow({ framework: 'langgraph', provider: 'bedrock', hyperscaler: 'azure' });
    expect(row?.message).toMatch(/Azure's own provider is Azure OpenAI/);
    expect(row?.alternatives[0]).toEqual({ provider: 'openai' });
    expect(row?.alternatives).toContainEqual({ hyperscaler: 'aws' });
  });

  it('proposes a local provider for a hosted one on-prem, and keeps the model consistent', () => {
    const row = providerRow({ framework: 'crewai', provider: 'anthropic', model: 'claude-haiku-4-5-20251001', hyperscaler: 'on_prem' });
    expect(row).toMatchObject({ rule: 'provider.hyperscaler', severity: 'warn' });
    expect(row?.alternatives).toContainEqual({ provider: 'ollama', model: 'llama3.1:8b' });
    expect(row?.alternatives).toContainEqual({ hyperscaler: 'azure' });
    for (const alternative of row?.alternatives ?? []) {
      if (alternative.provider) expect(providerById(alternative.provider).hyperscalers).toContain('on_prem');
    }
  });

  it('needs two changes for a hosted provider on-prem with watsonx Orchestrate, and finds them', () => {
    const row = providerRow({ framework: 'watsonx-orchestrate', provider: 'openai', hyperscaler: 'on_prem' });
    expect(row).toMatchObject({ rule: 'provider.adapter', severity: 'warn' });
    expect(row?.alternatives.length).toBeGreaterThan(0);
    for (const alternative of row?.alternatives ?? []) expect(Object.keys(alternative)).toHaveLength(2);
  });
});

describe('provider × framework', () => {
  const cells = FRAMEWORK_IDS.flatMap((framework) => PROVIDER_IDS.map((provider) => ({ framework, provider })));
  const expectedRule = { native: 'provider.native', adapter: 'provider.adapter', unsupported: 'provider.unsupported' } as const;
  const expectedSeverity = { native: 'ok', adapter: 'warn', unsupported: 'err' } as const;

  it.each(cells)('$framework with $provider', ({ framework, provider }) => {
    const support = frameworkById(framework).providers[provider];
    const row = providerRow({ framework, provider });
    expect(row).toMatchObject({ rule: expectedRule[support], severity: expectedSeverity[support], subject: provider, step: 'framework' });
    for (const hyperscaler of [undefined, ...HYPERSCALER_IDS]) {
      expect(rowProblems({ framework, provider, ...(hyperscaler ? { hyperscaler } : {}) })).toEqual([]);
    }
  });

  it('refuses Ollama on watsonx Orchestrate and offers the native provider or another framework', () => {
    const row = providerRow({ framework: 'watsonx-orchestrate', provider: 'ollama', model: 'llama3.1:8b', hyperscaler: 'ibm' });
    expect(row).toMatchObject({ rule: 'provider.unsupported', severity: 'err' });
    expect(row?.alternatives[0]).toEqual({ provider: 'watsonx', model: 'ibm/granite-3-3-8b-instruct' });
    expect(row?.alternatives.some((alternative) => alternative.framework !== undefined)).toBe(true);
  });

  it('states both problems when a provider is reached via adapter and from another cloud', () => {
    const row = providerRow({ framework: 'react', provider: 'bedrock', hyperscaler: 'gcp' });
    expect(row).toMatchObject({ rule: 'provider.adapter', severity: 'warn' });
    expect(row?.message).toMatch(/via adapter/);
    expect(row?.message).toMatch(/crosses clouds/);
  });
});
