// Test helpers: a valid spec from a few fields, and a run collected with every event schema-checked.
import { ProjectSpecSchema, RunEventSchema, type AgentModel, type ProjectSpec, type ProjectSpecInput, type RunEvent } from '@agent-generator/contracts';
import { createAgentModel } from '@agent-generator/models';
import { createLoopbackModelServer, type LoopbackModelServer, type LoopbackModelServerOptions } from '@agent-generator/testing';
import { afterEach, expect } from 'vitest';
import { runSpec } from './run-spec';
import type { RunSpecOptions } from './run-options';

export function makeSpec(overrides: Partial<ProjectSpecInput> = {}): ProjectSpec {
  return ProjectSpecSchema.parse({
    version: 1,
    name: 'Test team',
    slug: 'test-team',
    idea: 'A team for engine tests.',
    framework: 'crewai',
    pattern: 'sequential',
    hyperscaler: 'on_prem',
    model: { provider: 'openai-compatible', id: 'loopback-model' },
    agents: [{ id: 'researcher', role: 'Researcher', goal: 'Find facts', backstory: 'Curious.' }],
    tasks: [{ id: 'research', description: 'Research the topic', expectedOutput: 'Facts', agent: 'researcher' }],
    ...overrides,
  });
}

/** Every loopback server a test starts is closed after it. */
export function useLoopback(): (options: LoopbackModelServerOptions) => Promise<LoopbackModelServer> {
  const servers: LoopbackModelServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (options) => {
    const server = await createLoopbackModelServer(options);
    servers.push(server);
    return server;
  };
}

export interface TestModelOptions {
  /** `openai` (with a catalog model id) to test prices; default `openai-compatible`. */
  readonly provider?: 'openai' | 'openai-compatible';
  readonly model?: string;
  readonly apiKey?: string;
  readonly timeoutMs?: number;
}

/** The real model adapter of @agent-generator/models, pointed at the loopback server, without retries. */
export function modelFor(server: LoopbackModelServer, options: TestModelOptions = {}): AgentModel {
  return createAgentModel({
    provider: options.provider ?? 'openai-compatible',
    baseUrl: server.url,
    model: options.model ?? 'loopback-model',
    apiKey: options.apiKey ?? 'test-key',
    maxRetries: 0,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
}

/** Runs to the end; checks every event against RunEventSchema, gap-free seq and one final event. */
export async function collectRun(options: RunSpecOptions, onEvent?: (event: RunEvent) => void): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  for await (const event of runSpec(options)) {
    events.push(RunEventSchema.parse(event));
    onEvent?.(event);
  }
  expectWellFormed(events);
  return events;
}

export function expectWellFormed(events: ReadonlyArray<RunEvent>): void {
  expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index));
  expect(events[0]?.type).toBe('run-start');
  const last = events.at(-1);
  expect(['run-end', 'run-error']).toContain(last?.type);
  expect(events.filter((event) => event.type === 'run-end' || event.type === 'run-error')).toHaveLength(1);
  expect(new Set(events.map((event) => event.runId)).size).toBe(1);
}

export function ofType<Type extends RunEvent['type']>(events: ReadonlyArray<RunEvent>, type: Type): Array<Extract<RunEvent, { type: Type }>> {
  return events.filter((event): event is Extract<RunEvent, { type: Type }> => event.type === type);
}

/** The agent (or task) of each step-start, in order. */
export function stepOrder(events: ReadonlyArray<RunEvent>): string[] {
  return ofType(events, 'step-start').map((event) => (event.kind === 'task' ? `${event.task ?? ''}@${event.agent ?? ''}` : (event.agent ?? '')));
}
