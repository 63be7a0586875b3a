// Our conversation and tools as OpenAI-style chat messages and functions (OpenAI-compatible servers,
// watsonx.ai text/chat).
import type { AgentMessage, ChatMessage, ToolDefinition } from '@agent-generator/contracts';
import { UserError } from '@agent-generator/contracts';

export type ChatCompletionMessage =
  | { readonly role: 'system' | 'user'; readonly content: string }
  | { readonly role: 'assistant'; readonly content: string; readonly tool_calls?: ReadonlyArray<{ readonly id: string; readonly type: 'function'; readonly function: { readonly name: string; readonly arguments: string } }> }
  | { readonly role: 'tool'; readonly tool_call_id: string; readonly content: string };

export function toChatCompletionMessages(messages: ReadonlyArray<AgentMessage>): ReadonlyArray<ChatCompletionMessage> {
  return messages.map((message): ChatCompletionMessage => {
    switch (message.role) {
      case 'system':
      case 'user':
        return { role: message.role, content: message.content };
      case 'assistant': {
        const calls = (message.toolCalls ?? []).map((call) => ({ id: call.id, type: 'function' as const, function: { name: call.name, arguments: JSON.stringify(call.arguments) } }));
        return calls.length === 0 ? { role: 'assistant', content: message.content } : { role: 'assistant', content: message.content, tool_calls: calls };
      }
      case 'tool':
        return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
    }
  });
}

export function toChatTools(tools: ReadonlyArray<ToolDefinition> | undefined): ReadonlyArray<Record<string, unknown>> {
  return (tools ?? []).map((tool) => ({ type: 'function', function: { name: tool.name, description: tool.description, parameters: tool.parameters } }));
}

export function planChatCompletionMessages(messages: ReadonlyArray<ChatMessage>): ReadonlyArray<ChatCompletionMessage> {
  return messages.map((message): ChatCompletionMessage => {
    if (message.role === 'tool') throw new UserError('invalid_input', 'generate() takes system, user and assistant messages; send tool results through stream().');
    return { role: message.role, content: message.content };
  });
}
