// A deterministic stand-in tokenizer, so usage figures are exact and predictable in tests.
import type { OfferedTool, ParsedMessage, WireToolCall } from './chat-request';

const TOKEN_PATTERN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;

/** Fixed cost of each message (role and separators), as chat formats add per message. */
export const MESSAGE_OVERHEAD_TOKENS = 3;
/** Fixed cost of priming the assistant's reply. */
export const REPLY_PRIMER_TOKENS = 3;

/** One token per run of letters/digits and one per other non-space character; spaces are free. */
export function countTokens(text: string): number {
  return text.match(TOKEN_PATTERN)?.length ?? 0;
}

function countToolCallTokens(toolCalls: ReadonlyArray<WireToolCall>): number {
  return toolCalls.reduce((sum, call) => sum + countTokens(call.function.name) + countTokens(call.function.arguments), 0);
}

/** Prompt tokens: each message's overhead and text, tool calls it carries, the tools offered, the primer. */
export function countPromptTokens(request: { readonly messages: ReadonlyArray<ParsedMessage>; readonly tools: ReadonlyArray<OfferedTool> }): number {
  const messageTokens = request.messages.reduce(
    (sum, message) => sum + MESSAGE_OVERHEAD_TOKENS + countTokens(message.content ?? '') + countTokens(message.name ?? '') + countToolCallTokens(message.toolCalls),
    0,
  );
  const toolTokens = request.tools.reduce((sum, tool) => sum + countTokens(JSON.stringify(tool)), 0);
  return messageTokens + toolTokens + REPLY_PRIMER_TOKENS;
}

/** Completion tokens: the reply's text plus each tool call's name and JSON arguments. */
export function countCompletionTokens(completion: { readonly content: string | null; readonly toolCalls: ReadonlyArray<WireToolCall> }): number {
  return countTokens(completion.content ?? '') + countToolCallTokens(completion.toolCalls);
}
