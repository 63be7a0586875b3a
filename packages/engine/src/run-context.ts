// Everything a step needs while a run executes: the spec, the models, limits, tools and the event sink.
import type { AgentModel, AgentSpec, ProjectSpec } from '@agent-generator/contracts';
import { UserError } from '@agent-generator/contracts';
import { createApprovals, type Approvals } from './approvals';
import type { EventChannel, RunEventDraft } from './event-channel';
import { RunLimiter } from './run-limits';
import { DEFAULT_GROUP_CHAT, type GroupChatSettings, type PermissionMode, type RunLimits, type RunSpecOptions } from './run-options';
import type { ToolSet } from './tools/tool';
import { createToolbox } from './tools/toolbox';

export interface RunContext {
  readonly spec: ProjectSpec;
  readonly input: string;
  /** The run's model, for steps of no agent (the built-in supervisor). */
  readonly model: AgentModel;
  readonly signal: AbortSignal;
  readonly permissionMode: PermissionMode;
  readonly limiter: RunLimiter;
  readonly approvals: Approvals;
  readonly approvalTimeoutMs: number;
  readonly groupChat: GroupChatSettings;
  emit(draft: RunEventDraft): void;
  nextStepId(): string;
  agent(id: string): AgentSpec;
  /** The model this agent runs on. */
  modelFor(agent: AgentSpec): AgentModel;
  /** The built-in tools an agent's spec lists and the run enables, by name. */
  toolsFor(agent: AgentSpec): ToolSet;
}

export interface RunContextOptions {
  readonly options: RunSpecOptions;
  readonly runId: string;
  readonly limits: RunLimits;
  readonly channel: EventChannel;
  readonly signal: AbortSignal;
}

export function createRunContext({ options, runId, limits, channel, signal }: RunContextOptions): RunContext {
  const toolbox = createToolbox({ config: options.tools ?? {}, runId, enabledTools: options.enabledTools });
  let steps = 0;
  const agentModels = new Map<string, AgentModel>();
  return {
    spec: options.spec,
    input: options.input,
    model: options.model,
    signal,
    permissionMode: options.permissionMode ?? 'safe',
    limiter: new RunLimiter(limits),
    approvals: options.approvals ?? createApprovals(),
    approvalTimeoutMs: options.approvalTimeoutMs ?? 120_000,
    groupChat: { ...DEFAULT_GROUP_CHAT, ...options.groupChat },
    emit: (draft) => channel.emit(draft),
    nextStepId: () => `step-${(steps += 1)}`,
    agent(id) {
      const agent = options.spec.agents.find((candidate) => candidate.id === id);
      if (agent === undefined) throw new UserError('invalid_input', `The spec has no agent "${id}".`);
      return agent;
    },
    modelFor(agent) {
      const known = agentModels.get(agent.id);
      if (known !== undefined) return known;
      const model = options.modelFor?.(agent) ?? options.model;
      agentModels.set(agent.id, model);
      return model;
    },
    toolsFor: (agent) => toolbox(agent.tools),
  };
}
