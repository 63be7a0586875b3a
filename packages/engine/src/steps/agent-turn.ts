// An agent's turn: model call, then its tool calls with their results sent back, until it answers.
import type { AgentMessage, AgentModel } from '@agent-generator/contracts';
import type { RunContext } from '../run-context';
import type { ToolSet } from '../tools/tool';
import { callModel } from './model-call';
import { runToolCall } from './tool-call';

export interface AgentTurnOptions {
  readonly context: RunContext;
  /** The model of the agent taking the turn. */
  readonly model: AgentModel;
  readonly stepId: string;
  readonly messages: ReadonlyArray<AgentMessage>;
  readonly tools: ToolSet;
}

/** The agent's final answer; the run's step and token limits bound the loop. */
export async function runAgentTurn(options: AgentTurnOptions): Promise<string> {
  const { context, model, stepId, tools } = options;
  const conversation: AgentMessage[] = [...options.messages];
  for (;;) {
    const turn = await callModel({ context, model, stepId, messages: conversation, tools });
    if (turn.toolCalls.length === 0) return turn.text;
    conversation.push({ role: 'assistant', content: turn.text, toolCalls: turn.toolCalls });
    for (const call of turn.toolCalls) {
      const outcome = await runToolCall({ context, stepId, call, tools });
      conversation.push({ role: 'tool', toolCallId: call.id, toolName: call.name, content: outcome.content });
    }
  }
}
