// One model call on the agent's model: streams text deltas out as events, collects tool calls,
// reports usage with that model's id and catalog cost.
import { OperationalError, type AgentMessage, type AgentModel, type ToolCallRequest, type TokenUsage } from '@agent-generator/contracts';
import type { RunContext } from '../run-context';
import type { ToolSet } from '../tools/tool';
import { costOfUsage } from '../usage-cost';

export interface ModelTurn {
  readonly text: string;
  readonly toolCalls: ReadonlyArray<ToolCallRequest>;
}

export interface ModelCallOptions {
  readonly context: RunContext;
  readonly model: AgentModel;
  readonly stepId: string;
  readonly messages: ReadonlyArray<AgentMessage>;
  readonly tools: ToolSet;
}

export async function callModel(options: ModelCallOptions): Promise<ModelTurn> {
  const { context, model, stepId } = options;
  context.limiter.countModelCall();
  const definitions = [...options.tools.values()].map((tool) => tool.definition);
  const stream = model.stream({ messages: options.messages, ...(definitions.length > 0 ? { tools: definitions } : {}), signal: context.signal });
  let text = '';
  const toolCalls: ToolCallRequest[] = [];
  let usage: TokenUsage | undefined;
  for await (const part of stream) {
    context.signal.throwIfAborted();
    switch (part.type) {
      case 'text-delta':
        text += part.delta;
        context.emit({ type: 'text-delta', stepId, delta: part.delta });
        break;
      case 'tool-call':
        toolCalls.push(part.call);
        break;
      case 'finish':
        usage = part.usage;
        break;
    }
  }
  if (usage === undefined) throw new OperationalError('model_error', 'The model stream ended before it finished its answer.');
  const costUsd = costOfUsage(model, usage);
  context.emit({ type: 'usage', inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, ...(costUsd === undefined ? {} : { costUsd }), model: model.modelId });
  context.limiter.countTokens(usage);
  return { text, toolCalls };
}
