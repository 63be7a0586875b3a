// Converts our conversation and tool definitions into the AI SDK's messages and (non-executing) tools.
import type { AgentMessage, ChatMessage, ToolDefinition } from '@agent-generator/contracts';
import { UserError } from '@agent-generator/contracts';
import type { jsonSchema, ModelMessage, tool, ToolSet } from 'ai';

/** The AI SDK's tool helpers, passed in by the caller that imported the SDK on first use. */
export interface SdkToolHelpers {
  readonly jsonSchema: typeof jsonSchema;
  readonly tool: typeof tool;
}

function toModelMessage(message: AgentMessage): ModelMessage {
  switch (message.role) {
    case 'system':
      return { role: 'system', content: message.content };
    case 'user':
      return { role: 'user', content: message.content };
    case 'assistant':
      return {
        role: 'assistant',
        content: [
          ...(message.content.length > 0 ? [{ type: 'text' as const, text: message.content }] : []),
          ...(message.toolCalls ?? []).map((call) => ({ type: 'tool-call' as const, toolCallId: call.id, toolName: call.name, input: call.arguments })),
        ],
      };
    case 'tool':
      return { role: 'tool', content: [{ type: 'tool-result', toolCallId: message.toolCallId, toolName: message.toolName, output: { type: 'text', value: message.content } }] };
  }
}

/** Consecutive tool results travel in one tool message, as every provider expects them after one turn. */
export function toModelMessages(messages: ReadonlyArray<AgentMessage>): ModelMessage[] {
  const converted: ModelMessage[] = [];
  for (const message of messages) {
    const next = toModelMessage(message);
    const previous = converted.at(-1);
    if (next.role === 'tool' && previous?.role === 'tool') previous.content.push(...next.content);
    else converted.push(next);
  }
  return converted;
}

/** Tools without `execute`: the SDK reports the calls and the engine runs them. */
export function toToolSet(tools: ReadonlyArray<ToolDefinition> | undefined, sdk: SdkToolHelpers): ToolSet | undefined {
  if (tools === undefined || tools.length === 0) return undefined;
  return Object.fromEntries(tools.map((definition) => [definition.name, sdk.tool({ description: definition.description, inputSchema: sdk.jsonSchema({ ...definition.parameters }) })]));
}

/** The planner's messages; it never sends tool results, so those are refused. */
export function planMessages(messages: ReadonlyArray<ChatMessage>): ModelMessage[] {
  return messages.map((message): ModelMessage => {
    if (message.role === 'tool') throw new UserError('invalid_input', 'generate() takes system, user and assistant messages; send tool results through stream().');
    return message.role === 'assistant' ? { role: 'assistant', content: message.content } : { role: message.role, content: message.content };
  });
}
