import { UserError } from '@agent-generator/contracts';
import { describe, expect, it } from 'vitest';
import { planProject } from './plan-project';
import type { PlanChoices } from './plan-types';

const LOUD_IDEA = 'Use LangGraph on AWS with a supervisor that debates, searches the web and emails a report';

describe('planProject: explicit choices always win', () => {
  it('uses every explicit choice over what the idea says', () => {
    const choices: PlanChoices = { framework: 'crewai', pattern: 'sequential', hyperscaler: 'azure', provider: 'openai', model: 'gpt-4o', tools: ['calculator'], name: 'My Crew' };
    const { spec, hints } = planProject(LOUD_IDEA, choices);
    expect([spec.framework, spec.pattern, spec.hyperscaler, spec.model.provider, spec.model.id]).toEqual(['crewai', 'sequential', 'azure', 'openai', 'gpt-4o']);
    expect(spec.tools).toEqual([{ id: 'calculator', config: {} }]);
    expect(spec.agents.some((agent) => agent.tools.includes('calculator'))).toBe(true);
    expect([spec.name, spec.slug]).toEqual(['My Crew', 'my-crew']);
    expect(spec.agents.every((agent) => !agent.allowDelegation)).toBe(true);
    const kinds = hints.filter((hint) => hint.message.includes('your choice wins') || hint.message.includes('we keep your list')).map((hint) => hint.kind);
    expect(kinds).toEqual(expect.arrayContaining(['framework', 'hyperscaler', 'pattern', 'tool']));
  });

  it('keeps an explicit pattern even where the framework lacks it (the compatibility check reports it)', () => {
    expect(planProject('a simple pipeline', { framework: 'react', pattern: 'supervisor' }).spec.pattern).toBe('supervisor');
  });

  it('treats an empty tool list as “no tools”', () => {
    const { spec } = planProject('search the web and email me', { tools: [] });
    expect(spec.tools).toEqual([]);
    expect(spec.agents.every((agent) => agent.tools.length === 0)).toBe(true);
  });

  it('derives the framework from an explicitly chosen cloud', () => {
    const { spec, hints } = planProject('summarise the news', { hyperscaler: 'ibm' });
    expect([spec.framework, spec.model.provider]).toEqual(['watsonx-orchestrate', 'watsonx']);
    expect(hints[0]?.message).toMatch(/^You chose IBM: we'll preselect watsonx Orchestrate/);
  });

  it('gives a chosen provider its first catalog model', () => {
    expect(planProject('summarise the news', { provider: 'anthropic' }).spec.model).toEqual({ provider: 'anthropic', id: 'claude-sonnet-4-5-20250929' });
    expect(planProject('summarise the news', { provider: 'openai-compatible' }).spec.model).toEqual({ provider: 'openai-compatible', id: 'llama3.1:8b' });
  });

  it('implies the cloud of a first-party provider', () => {
    const { spec } = planProject('summarise the news', { provider: 'bedrock' });
    expect([spec.hyperscaler, spec.framework]).toEqual(['aws', 'strands']);
  });

  it('finds the provider of a chosen model id, preferring the cloud’s own', () => {
    expect(planProject('summarise the news', { model: 'gpt-4.1', hyperscaler: 'azure' }).spec.model).toEqual({ provider: 'azure-openai', id: 'gpt-4.1' });
    expect(planProject('summarise the news', { model: 'gpt-4.1' }).spec.model).toEqual({ provider: 'openai', id: 'gpt-4.1' });
    expect(planProject('summarise the news', { model: 'my-finetune:7b' }).spec.model).toEqual({ provider: 'ollama', id: 'my-finetune:7b' });
  });

  it('uses the cloud’s model, not one the idea names, once the person chose the cloud', () => {
    expect(planProject('use Claude for this', { hyperscaler: 'gcp' }).spec.model.provider).toBe('vertex');
    expect(planProject('use Claude for this').spec.model.provider).toBe('anthropic');
    expect(planProject('answer with Gemini').spec).toMatchObject({ hyperscaler: 'gcp', model: { provider: 'vertex', id: 'gemini-2.5-flash' } });
  });

  it.each<[string, PlanChoices]>([
    ['framework', { framework: 'wxo' as never }],
    ['pattern', { pattern: 'chain' as never }],
    ['hyperscaler', { hyperscaler: 'oracle' as never }],
    ['provider', { provider: 'mistral' as never }],
    ['model', { model: 'bad id with spaces' }],
    ['tools', { tools: ['web_search', 'web_search'] }],
    ['tools', { tools: ['teleport' as never] }],
    ['name', { name: '   ' }],
    ['name', { name: 'x'.repeat(121) }],
  ])('refuses an invalid %s choice with a UserError naming it', (field, choices) => {
    expect(() => planProject('summarise the news', choices)).toThrow(UserError);
    expect(() => planProject('summarise the news', choices)).toThrow(new RegExp(`${field} \\(`));
  });

  it('gives reserved and non-Latin names a usable slug', () => {
    expect(planProject('x', { name: 'Test' }).spec.slug).toBe('test-project');
    expect(planProject('x', { name: '研究助手' }).spec.slug).toBe('agent-project');
    expect(planProject('x', { name: '3D printing helper' }).spec.slug).toBe('project-3d-printing-helper');
    expect(planProject('x', { name: 'Café Crème Critic' }).spec.slug).toBe('cafe-creme-critic');
  });
});
