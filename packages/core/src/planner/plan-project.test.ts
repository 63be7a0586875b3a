import { FRAMEWORK_IDS, MAX_IDEA_LENGTH, ProjectSpecSchema, UserError, type ProjectSpec } from '@agent-generator/contracts';
import { describe, expect, it } from 'vitest';
import { planProject } from './plan-project';

/** The structural promises every planned spec keeps, beyond the schema. */
function expectWellFormed(spec: ProjectSpec): void {
  expect(ProjectSpecSchema.safeParse(spec).success).toBe(true);
  expect(spec.agents.length).toBeGreaterThanOrEqual(2);
  expect(spec.agents.length).toBeLessThanOrEqual(5);
  expect(spec.tasks.map((task) => task.agent)).toEqual(spec.agents.map((agent) => agent.id));
  spec.tasks.forEach((task, index) => expect(task.context).toEqual(index === 0 ? [] : [spec.tasks[index - 1]!.id]));
  for (const tool of spec.tools) expect(spec.agents.some((agent) => agent.tools.includes(tool.id))).toBe(true);
  expect(spec.agents.filter((agent) => agent.allowDelegation).length).toBe(spec.pattern === 'supervisor' ? 1 : 0);
  expect(spec.inputs).toHaveLength(1);
  const placeholder = `{${spec.inputs[0]!.name}}`;
  const texts = [...spec.agents.flatMap((agent) => [agent.role, agent.goal, agent.backstory]), ...spec.tasks.flatMap((task) => [task.description, task.expectedOutput])];
  // The only braces in planned texts are the input placeholder: idea text cannot add another.
  for (const text of texts) expect(text.replaceAll(placeholder, '')).not.toMatch(/[{}]/);
  expect(spec.output.file === 'report.md' || spec.output.file === `${spec.slug}-output.md`).toBe(true);
}

const STARTER_PROMPTS = [
  'Create a multi-agent system with 3 agents',
  'Create YAML for a Honda Marketing Supervisor agent that delegates to a Content Curator agent, with a wikipedia search tool',
  'Create an orchestration for invoice processing',
  'Create a research assistant with Wikipedia search',
  'Create a search agent with Google',
];

const IDEAS = [
  ...STARTER_PROMPTS,
  'Find new papers about multi-agent systems every week, summarise them and email me a digest',
  'A customer support chatbot that answers FAQs from our knowledge base and escalates to Slack',
  'Triage GitHub issues, label bugs and post a summary to the team channel',
  'Query the sales database, calculate monthly totals and save the report to a file',
  'Agents brainstorm product names, debate them and pick the best one',
  'Scrape competitor websites, compare prices and write a "pricing" memo with {braces} and `ticks`',
  'Un agent qui résume les actualités et envoie un e-mail — 每天',
];

describe('planProject: the starter prompts', () => {
  it('plans “with 3 agents” as exactly three agents on the local default', () => {
    const { spec } = planProject(STARTER_PROMPTS[0]!);
    expectWellFormed(spec);
    expect(spec.agents.map((agent) => agent.id)).toEqual(['researcher', 'analyst', 'writer']);
    expect([spec.framework, spec.pattern, spec.hyperscaler, spec.model.provider, spec.model.id]).toEqual(['crewai', 'sequential', 'on_prem', 'ollama', 'llama3.1:8b']);
  });

  it('keeps the agents the Honda prompt names, with the supervisor delegating and the curator searching', () => {
    const { spec } = planProject(STARTER_PROMPTS[1]!);
    expectWellFormed(spec);
    expect(spec.pattern).toBe('supervisor');
    expect(spec.agents[0]).toMatchObject({ id: 'honda_marketing_supervisor', role: 'Honda Marketing Supervisor', allowDelegation: true, tools: [] });
    expect(spec.agents[1]).toMatchObject({ id: 'content_curator', role: 'Content Curator', tools: ['web_search'] });
  });

  it('reads invoices with the PDF reader', () => {
    const { spec } = planProject(STARTER_PROMPTS[2]!);
    expectWellFormed(spec);
    expect(spec.tools.map((tool) => tool.id)).toEqual(['pdf_reader']);
    expect(spec.name).toBe('Orchestration for Invoice Processing');
  });

  it('shapes a research assistant as researcher → analyst → writer, with search on the researcher', () => {
    const { spec } = planProject(STARTER_PROMPTS[3]!);
    expectWellFormed(spec);
    expect(spec.agents.map((agent) => agent.id)).toEqual(['researcher', 'analyst', 'writer']);
    expect(spec.agents[0]!.tools).toEqual(['web_search']);
    expect([spec.name, spec.slug]).toEqual(['Research Assistant', 'research-assistant']);
  });

  it('gives a Google search agent the web search tool', () => {
    const { spec, hints } = planProject(STARTER_PROMPTS[4]!);
    expectWellFormed(spec);
    expect(spec.tools.map((tool) => tool.id)).toEqual(['web_search']);
    expect(hints).toContainEqual({ kind: 'tool', value: 'web_search', message: '“Google” suggests the Web search tool.' });
    expect(spec.hyperscaler).toBe('on_prem');
  });
});

describe('planProject: reading the idea', () => {
  it('is not fooled by workflow, reactive, flowers or awsome', () => {
    const { spec, hints } = planProject('A workflow that sends flowers to reactive customers of an awsome shop');
    expect([spec.framework, spec.pattern, spec.hyperscaler]).toEqual(['crewai', 'sequential', 'on_prem']);
    expect(hints.filter((hint) => ['framework', 'pattern', 'hyperscaler'].includes(hint.kind))).toEqual([]);
  });

  it('turns “on AWS” into AWS with Strands on Bedrock, and says so', () => {
    const { spec, hints } = planProject('A research crew on AWS that writes a weekly brief');
    expect([spec.hyperscaler, spec.framework, spec.model.provider, spec.model.id]).toEqual(['aws', 'strands', 'bedrock', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0']);
    expect(hints).toContainEqual({ kind: 'framework', value: 'strands', message: 'You mentioned AWS: we\'ll preselect Strands Agents on AWS Bedrock — you can change this next.' });
    expect(hints.some((hint) => hint.kind === 'hyperscaler' && hint.value === 'aws')).toBe(true);
  });

  it.each([
    ['an assistant on Azure', 'azure', 'langgraph', 'azure-openai'],
    ['an assistant on Google Cloud', 'gcp', 'langgraph', 'vertex'],
    ['an assistant for our IBM team', 'ibm', 'watsonx-orchestrate', 'watsonx'],
    ['an assistant that runs offline', 'on_prem', 'crewai', 'ollama'],
  ])('“%s” → %s, %s, %s', (idea, hyperscaler, framework, provider) => {
    const { spec } = planProject(idea);
    expect([spec.hyperscaler, spec.framework, spec.model.provider]).toEqual([hyperscaler, framework, provider]);
  });

  it('uses a framework the idea names, and its default pattern', () => {
    const { spec, hints } = planProject('Use LangGraph to answer questions about our docs');
    expect([spec.framework, spec.pattern]).toEqual(['langgraph', 'graph']);
    expect(hints[0]).toEqual({ kind: 'framework', value: 'langgraph', message: 'You named LangGraph: we\'ll preselect it — you can change this next.' });
  });

  it('adds a delegating supervisor first for the supervisor pattern', () => {
    const { spec } = planProject('A manager that researches competitors and writes a summary');
    expectWellFormed(spec);
    expect(spec.pattern).toBe('supervisor');
    expect(spec.agents[0]).toMatchObject({ id: 'supervisor', allowDelegation: true, tools: [] });
    expect(spec.agents.slice(1).every((agent) => !agent.allowDelegation)).toBe(true);
    expect(spec.agents.length).toBeGreaterThanOrEqual(3);
  });

  it('falls back to the framework’s default pattern when the idea asks for one it lacks, and says why', () => {
    const { spec, hints } = planProject('Agents debate product names and critique each other');
    expect([spec.framework, spec.pattern]).toEqual(['crewai', 'sequential']);
    const hint = hints.find((candidate) => candidate.kind === 'pattern');
    expect(hint?.value).toBe('sequential');
    expect(hint?.message).toContain('CrewAI does not support');
    expect(hint?.message).toContain('AutoGen');
  });

  it('keeps a group chat when the named framework has one', () => {
    expect(planProject('AutoGen agents debate product names').spec.pattern).toBe('group-chat');
  });

  it('never preselects a provider the framework cannot reach', () => {
    const { spec, hints } = planProject('A watsonx Orchestrate agent that works offline');
    expect(spec.framework).toBe('watsonx-orchestrate');
    expect(spec.model.provider).toBe('watsonx');
    expect(hints.some((hint) => hint.kind === 'provider')).toBe(true);
  });

  it('adds a reviewer when the idea asks for review', () => {
    const ids = planProject('Draft a blog post and have it reviewed by an editor').spec.agents.map((agent) => agent.id);
    expect(ids).toContain('reviewer');
  });

  it.each([
    ['Build a team with two agents', 2],
    ['Build a team with 4 agents', 4],
    ['Build a team with 9 agents', 5],
    ['Build a team with 1 agents', 2],
  ])('“%s” → %i agents', (idea, count) => {
    expect(planProject(idea).spec.agents).toHaveLength(count);
  });

  it('says when it could not honour the number of agents asked for', () => {
    const { hints } = planProject('Build a team with 9 agents');
    expect(hints.some((hint) => hint.kind === 'agents' && hint.message.includes('You asked for 9 agents'))).toBe(true);
  });

  it('derives a topic input and uses it as the placeholder', () => {
    const { spec } = planProject('Find papers about retrieval-augmented generation and write a digest');
    expect(spec.inputs).toEqual([{ name: 'topic', description: 'The subject the agents work on', default: 'retrieval-augmented generation' }]);
    expect(spec.agents[0]!.goal).toContain('{topic}');
    expect(spec.output.file).toBe(`${spec.slug}-output.md`);
  });

  it('writes report ideas to report.md', () => {
    expect(planProject('Analyse our sales and write a report').spec.output).toEqual({ format: 'markdown', file: 'report.md' });
  });

  it('keeps the idea verbatim apart from control characters', () => {
    expect(planProject('  Find papers\u0000 on "agents"\r\nthen write  ').spec.idea).toBe('Find papers on "agents"\nthen write');
  });
});

describe('planProject: every framework × idea', () => {
  it.each(FRAMEWORK_IDS.flatMap((framework) => IDEAS.map((idea) => [framework, idea] as const)))('%s: %s', (framework, idea) => {
    const { spec } = planProject(idea, { framework });
    expectWellFormed(spec);
    expect(spec.framework).toBe(framework);
  });

  it.each(IDEAS)('plans “%s” the same way twice, byte for byte', (idea) => {
    expect(JSON.stringify(planProject(idea))).toBe(JSON.stringify(planProject(idea)));
  });
});

describe('planProject: invalid ideas', () => {
  it.each(['', '   ', '\n\t  \n', '\u0000\u0007\u001b'])('refuses %j with a UserError', (idea) => {
    expect(() => planProject(idea)).toThrow(UserError);
    try {
      planProject(idea);
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('Describe your idea') });
    }
  });

  it('refuses an idea over the limit and names the limit', () => {
    expect(() => planProject('a'.repeat(MAX_IDEA_LENGTH + 1))).toThrow(new RegExp(`limit is ${MAX_IDEA_LENGTH}`));
    expect(planProject(` ${'a'.repeat(MAX_IDEA_LENGTH)} `).spec.idea).toHaveLength(MAX_IDEA_LENGTH);
  });

  it('counts characters as the spec does: an emoji is one character', () => {
    expect(planProject('🤖'.repeat(MAX_IDEA_LENGTH)).spec.idea).toHaveLength(2 * MAX_IDEA_LENGTH);
    expect(() => planProject('🤖'.repeat(MAX_IDEA_LENGTH + 1))).toThrow(UserError);
  });
});
