import { OperationalError, projectSpecJsonSchema, UserError, type ModelClient, type ModelRequest } from '@agent-generator/contracts';
import { describe, expect, it } from 'vitest';
import { planWithModel } from './plan-with-model';

interface ScriptedModel extends ModelClient {
  readonly requests: ModelRequest[];
}

/** A model that answers from a script, one answer per request, and records what it was asked. */
function scriptedModel(answers: ReadonlyArray<string | Error>): ScriptedModel {
  const queue = [...answers];
  const requests: ModelRequest[] = [];
  return {
    modelId: 'scripted-model',
    requests,
    async generate(request) {
      requests.push(request);
      const answer = queue.shift();
      if (answer === undefined) throw new Error('the script has no more answers');
      if (answer instanceof Error) throw answer;
      return { text: answer };
    },
  };
}

const IDEA = 'Find papers about agent memory and write a digest';

function draft(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 1,
    name: 'Memory Digest',
    slug: 'memory-digest',
    idea: 'something the model paraphrased',
    framework: 'langgraph',
    pattern: 'graph',
    hyperscaler: 'gcp',
    model: { provider: 'vertex', id: 'gemini-2.5-flash' },
    agents: [
      { id: 'scout', role: 'Scout', goal: 'Find papers on {topic}', backstory: 'Reads arXiv daily.', tools: ['web_search'] },
      { id: 'author', role: 'Author', goal: 'Write the digest', backstory: 'Writes clearly.' },
    ],
    tasks: [
      { id: 'find', description: 'Find papers on {topic}', expectedOutput: 'A list', agent: 'scout' },
      { id: 'write', description: 'Write the digest', expectedOutput: 'Markdown', agent: 'author', context: ['find'] },
    ],
    tools: [{ id: 'web_search' }],
    inputs: [{ name: 'topic', description: 'Subject', default: 'agent memory' }],
    output: { format: 'markdown', file: 'report.md' },
    ...overrides,
  };
}

const json = (value: unknown): string => JSON.stringify(value);

describe('planWithModel', () => {
  it('accepts a valid draft, asking once with the spec’s JSON Schema and the catalog ids', async () => {
    const model = scriptedModel([json(draft())]);
    const { spec, hints } = await planWithModel({ idea: IDEA, model });
    expect(model.requests).toHaveLength(1);
    const request = model.requests[0]!;
    expect(request.jsonSchema).toEqual({ name: 'project_spec', schema: projectSpecJsonSchema() });
    expect(request.temperature).toBe(0);
    const prompt = request.messages.map((message) => message.content).join('\n');
    for (const id of ['crewai', 'watsonx-orchestrate', 'group-chat', 'on_prem', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'github_issues', IDEA]) expect(prompt).toContain(id);
    expect(spec).toMatchObject({ framework: 'langgraph', pattern: 'graph', hyperscaler: 'gcp', slug: 'memory-digest', idea: IDEA });
    expect(spec.agents.map((agent) => agent.id)).toEqual(['scout', 'author']);
    expect(hints).toEqual([{ kind: 'agents', value: 'scout,author', message: 'scripted-model drafted 2 agents — Scout and Author; edit them in the next step.' }]);
  });

  it('reads JSON wrapped in prose and a code fence', async () => {
    const model = scriptedModel([`Here is the spec:\n\`\`\`json\n${JSON.stringify(draft(), null, 2)}\n\`\`\`\nEnjoy!`]);
    expect((await planWithModel({ idea: IDEA, model })).spec.name).toBe('Memory Digest');
  });

  it('sends one repair request quoting the problems, then accepts the repaired draft', async () => {
    const broken = draft({
      agents: [{ id: 'class', role: 'Scout', goal: 'Find', backstory: '' }, { id: 'author', role: 'Author', goal: 'Write', backstory: '' }],
      tasks: [{ id: 'find', description: 'Find', expectedOutput: 'List', agent: 'class', context: ['write'] }, { id: 'write', description: 'Write', expectedOutput: 'Doc', agent: 'author' }],
    });
    const model = scriptedModel([json(broken), json(draft())]);
    const { spec } = await planWithModel({ idea: IDEA, model });
    expect(spec.agents[0]!.id).toBe('scout');
    expect(model.requests).toHaveLength(2);
    const repair = model.requests[1]!.messages;
    expect(repair.at(-2)).toEqual({ role: 'assistant', content: json(broken) });
    expect(repair.at(-1)!.role).toBe('user');
    expect(repair.at(-1)!.content).toContain('agents.0.id');
    expect(repair.at(-1)!.content).toContain('tasks.0.context');
  });

  it('fails with a UserError naming the problems when the repair is invalid too, without a fallback plan', async () => {
    const model = scriptedModel([json(draft({ slug: 'Not A Slug' })), json(draft({ slug: 'still not a slug' }))]);
    const failure = planWithModel({ idea: IDEA, model });
    await expect(failure).rejects.toBeInstanceOf(UserError);
    await expect(failure).rejects.toMatchObject({ code: 'model_error', message: expect.stringMatching(/scripted-model.*repair.*slug/s) });
    expect(model.requests).toHaveLength(2);
  });

  it('says when the answer is not JSON at all', async () => {
    const model = scriptedModel(['I think you should use CrewAI.', 'Sure! CrewAI is great.']);
    await expect(planWithModel({ idea: IDEA, model })).rejects.toMatchObject({ code: 'model_error', message: expect.stringContaining('not JSON') });
    await expect(planWithModel({ idea: IDEA, model: scriptedModel(['[1, 2]', 'null']) })).rejects.toMatchObject({ message: expect.stringContaining('one JSON object') });
  });

  it('forces explicit choices onto the draft and records each override', async () => {
    const model = scriptedModel([json(draft())]);
    const choices = { framework: 'crewai', pattern: 'sequential', hyperscaler: 'aws', provider: 'bedrock', tools: ['calculator'], name: 'Paper Crew' } as const;
    const { spec, hints } = await planWithModel({ idea: IDEA, choices, model });
    expect([spec.framework, spec.pattern, spec.hyperscaler, spec.model.provider, spec.model.id]).toEqual(['crewai', 'sequential', 'aws', 'bedrock', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0']);
    expect([spec.name, spec.slug]).toEqual(['Paper Crew', 'paper-crew']);
    expect(spec.tools).toEqual([{ id: 'calculator', config: {} }]);
    expect(spec.agents.flatMap((agent) => agent.tools)).toEqual(['calculator']);
    expect(hints.map((hint) => hint.kind)).toEqual(['framework', 'pattern', 'hyperscaler', 'provider', 'tool', 'agents']);
    expect(hints[0]!.message).toBe('The model proposed “langgraph” for framework; you chose crewai, so we use crewai.');
    const prompt = model.requests[0]!.messages.at(-1)!.content;
    expect(prompt).toContain('framework: crewai');
    expect(prompt).toContain('tools (exactly these): calculator');
  });

  it('does not spend a repair on a field the person already chose', async () => {
    const model = scriptedModel([json(draft({ framework: 'CrewAI', pattern: 'assembly line' }))]);
    const { spec } = await planWithModel({ idea: IDEA, choices: { framework: 'crewai', pattern: 'sequential' }, model });
    expect([spec.framework, spec.pattern]).toEqual(['crewai', 'sequential']);
    expect(model.requests).toHaveLength(1);
  });

  it('refuses an invalid idea or choice before calling the model', async () => {
    const model = scriptedModel([json(draft())]);
    await expect(planWithModel({ idea: '  ', model })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(planWithModel({ idea: IDEA, choices: { model: 'no spaces allowed' }, model })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(model.requests).toHaveLength(0);
  });

  it('passes a failing model call through instead of planning without it', async () => {
    const outage = new OperationalError('unavailable', 'the model server did not answer');
    await expect(planWithModel({ idea: IDEA, model: scriptedModel([outage]) })).rejects.toBe(outage);
  });
});
