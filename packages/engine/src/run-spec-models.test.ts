// A model per agent: every pattern sends each agent's calls to that agent's own model (its own
// loopback server), usage names the model that ran with its catalog price, and steps of no agent
// (the built-in supervisor) use the run's model.
import type { AgentModel, AgentSpec, PatternId, ProjectSpecInput, RunEvent } from '@agent-generator/contracts';
import type { LoopbackModelServer, ParsedChatRequest, ScriptReply } from '@agent-generator/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { systemPrompts } from './patterns/recorded-requests.test-support';
import { collectRun, makeSpec, modelFor, ofType, stepOrder, useLoopback } from './run-harness.test-support';

const start = useLoopback();

/** Delegates once to the researcher when it may delegate; otherwise answers naming the model it is. */
function answer(request: ParsedChatRequest): ScriptReply {
  const delegated = request.messages.some((message) => message.role === 'tool');
  if (request.tools.some((tool) => tool.name === 'delegate') && !delegated) return { toolCalls: [{ name: 'delegate', arguments: { agent: 'researcher', task: 'Find facts' } }] };
  return { text: `answer from ${request.model}` };
}

const researcher = { id: 'researcher', role: 'Researcher', goal: 'Find facts', backstory: '' };
const writer = { id: 'writer', role: 'Writer', goal: 'Write', backstory: '' };
const agents = [researcher, writer];
const tasks = [
  { id: 'research', description: 'Research the topic', expectedOutput: 'Facts', agent: 'researcher' },
  { id: 'write', description: 'Write the article', expectedOutput: 'An article', agent: 'writer', context: ['research'] },
];

interface Team {
  /** The run's model: only steps of no agent may reach it. */
  readonly runServer: LoopbackModelServer;
  readonly researcherServer: LoopbackModelServer;
  readonly writerServer: LoopbackModelServer;
  readonly run: AgentModel;
  /** The researcher on an unpriced model, the writer on a catalog model (gpt-4o-mini) with a price. */
  readonly byAgent: Readonly<Record<string, AgentModel>>;
  /** How often the engine asked for each agent's model. */
  readonly asked: Map<string, number>;
  modelFor(agent: AgentSpec): AgentModel;
}

let team: Team;
beforeEach(async () => {
  const [runServer, researcherServer, writerServer] = await Promise.all([start({ respond: answer }), start({ respond: answer }), start({ respond: answer })]);
  const byAgent: Record<string, AgentModel> = {
    researcher: modelFor(researcherServer, { model: 'researcher-model' }),
    writer: modelFor(writerServer, { provider: 'openai', model: 'gpt-4o-mini' }),
  };
  const run = modelFor(runServer, { model: 'run-model' });
  const asked = new Map<string, number>();
  team = {
    runServer,
    researcherServer,
    writerServer,
    run,
    byAgent,
    asked,
    modelFor(agent) {
      asked.set(agent.id, (asked.get(agent.id) ?? 0) + 1);
      return byAgent[agent.id] ?? run;
    },
  };
});

function runTeam(pattern: PatternId, overrides: Partial<ProjectSpecInput> = {}): Promise<RunEvent[]> {
  const spec = makeSpec({ pattern, agents, tasks, ...overrides });
  return collectRun({ spec, model: team.run, modelFor: (agent) => team.modelFor(agent), input: 'octopuses', groupChat: { maxRounds: 2 } });
}

/** The first line of each system prompt a server received: who spoke to that model. */
function speakers(server: LoopbackModelServer): string[] {
  return systemPrompts(server.requests).map((prompt) => prompt.split('\n')[0] ?? '');
}

/** Each usage event with the agent of the innermost step it happened in. */
function usageByAgent(events: ReadonlyArray<RunEvent>): Array<{ agent: string; model: string | undefined; costUsd: number | undefined }> {
  const open: string[] = [];
  const found: Array<{ agent: string; model: string | undefined; costUsd: number | undefined }> = [];
  for (const event of events) {
    if (event.type === 'step-start') open.push(event.agent ?? '');
    if (event.type === 'step-end') open.pop();
    if (event.type === 'usage') found.push({ agent: open.at(-1) ?? '', model: event.model, costUsd: event.costUsd });
  }
  return found;
}

/** Each step-start as "agent=provider/model". */
function stepModels(events: ReadonlyArray<RunEvent>): string[] {
  return ofType(events, 'step-start').map((event) => `${event.agent ?? ''}=${event.model ?? 'none'}`);
}

describe('runSpec: a model per agent', () => {
  it('sequential: each task goes to its agent’s model, and usage names that model with its own price', async () => {
    const events = await runTeam('sequential');
    expect(speakers(team.researcherServer)).toEqual(['You are Researcher.']);
    expect(speakers(team.writerServer)).toEqual(['You are Writer.']);
    expect(team.runServer.requests).toHaveLength(0);
    expect(team.researcherServer.requests.map((request) => (request.body as { model?: string }).model)).toEqual(['researcher-model']);
    const usage = usageByAgent(events);
    expect(usage.map(({ agent, model }) => `${agent}:${model ?? ''}`)).toEqual(['researcher:researcher-model', 'writer:gpt-4o-mini']);
    expect(usage[0]?.costUsd).toBeUndefined();
    const writerUsage = ofType(events, 'usage')[1];
    expect(writerUsage?.costUsd).toBeCloseTo(((writerUsage?.inputTokens ?? 0) * 0.15 + (writerUsage?.outputTokens ?? 0) * 0.6) / 1_000_000, 12);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'succeeded', output: 'answer from gpt-4o-mini' });
  });

  it('step-start names the model each agent runs on, as provider/model', async () => {
    const events = await runTeam('sequential');
    expect(stepModels(events)).toEqual(['researcher=openai-compatible/researcher-model', 'writer=openai/gpt-4o-mini']);
    const chat = await runTeam('group-chat');
    expect(stepModels(chat)).toEqual(['researcher=openai-compatible/researcher-model', 'writer=openai/gpt-4o-mini', 'researcher=openai-compatible/researcher-model', 'writer=openai/gpt-4o-mini']);
  });

  it('graph: each node runs on its agent’s model', async () => {
    const events = await runTeam('graph');
    expect(stepOrder(events)).toEqual(['research@researcher', 'write@writer']);
    expect(speakers(team.researcherServer)).toEqual(['You are Researcher.']);
    expect(speakers(team.writerServer)).toEqual(['You are Writer.']);
    expect(team.runServer.requests).toHaveLength(0);
  });

  it('group chat: every turn of an agent goes to its model, which the engine asks for once per agent', async () => {
    const events = await runTeam('group-chat');
    expect(stepOrder(events)).toEqual(['researcher', 'writer', 'researcher', 'writer']);
    expect(speakers(team.researcherServer)).toEqual(['You are Researcher.', 'You are Researcher.']);
    expect(speakers(team.writerServer)).toEqual(['You are Writer.', 'You are Writer.']);
    expect(usageByAgent(events).map(({ agent, model }) => `${agent}:${model ?? ''}`)).toEqual(['researcher:researcher-model', 'writer:gpt-4o-mini', 'researcher:researcher-model', 'writer:gpt-4o-mini']);
    expect(Object.fromEntries(team.asked)).toEqual({ researcher: 1, writer: 1 });
  });

  it('react: the lead agent works on its own model', async () => {
    const events = await runTeam('react', { tasks: [{ id: 'write', description: 'Write the article', expectedOutput: 'An article', agent: 'writer' }] });
    expect(stepOrder(events)).toEqual(['writer']);
    expect(speakers(team.writerServer)[0]).toBe('You are Writer.');
    expect(team.researcherServer.requests).toHaveLength(0);
    expect(team.runServer.requests).toHaveLength(0);
  });

  it('supervisor: the manager and the worker it delegates to each use their own model', async () => {
    const events = await runTeam('supervisor', { agents: [{ ...writer, allowDelegation: true }, researcher] });
    expect(stepOrder(events)).toEqual(['writer', 'researcher']);
    expect(speakers(team.writerServer)).toEqual(['You are Writer.', 'You are Writer.']);
    expect(speakers(team.researcherServer)).toEqual(['You are Researcher.']);
    expect(usageByAgent(events).map(({ agent, model }) => `${agent}:${model ?? ''}`)).toEqual(['writer:gpt-4o-mini', 'researcher:researcher-model', 'writer:gpt-4o-mini']);
    expect(team.runServer.requests).toHaveLength(0);
    expect(stepModels(events)).toEqual(['writer=openai/gpt-4o-mini', 'researcher=openai-compatible/researcher-model']);
  });

  it('supervisor: the built-in supervisor, which is no agent of the spec, runs on the run’s model', async () => {
    const events = await runTeam('supervisor');
    expect(stepOrder(events)).toEqual(['supervisor', 'researcher']);
    expect(speakers(team.runServer)).toEqual(['You are the supervisor of this team.', 'You are the supervisor of this team.']);
    expect(speakers(team.researcherServer)).toEqual(['You are Researcher.']);
    expect(usageByAgent(events).map(({ agent, model }) => `${agent}:${model ?? ''}`)).toEqual(['supervisor:run-model', 'researcher:researcher-model', 'supervisor:run-model']);
    expect(stepModels(events)).toEqual(['supervisor=openai-compatible/run-model', 'researcher=openai-compatible/researcher-model']);
  });

  it('without modelFor every agent runs on the run’s model', async () => {
    const spec = makeSpec({ pattern: 'sequential', agents, tasks });
    const events = await collectRun({ spec, model: team.run, input: 'octopuses' });
    expect(speakers(team.runServer)).toEqual(['You are Researcher.', 'You are Writer.']);
    expect(ofType(events, 'usage').map((event) => event.model)).toEqual(['run-model', 'run-model']);
  });
});
