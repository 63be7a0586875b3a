// Turns a scripted text or tool-call reply into one completion: ids, content, tool calls, usage.
import type { ParsedChatRequest, WireToolCall } from './chat-request';
import type { FinishReason, TextReply, ToolCallsReply } from './script';
import { countCompletionTokens, countPromptTokens } from './tokenizer';

export interface Usage {
  readonly prompt_tokens: number;
  readonly completion_tokens: number;
  readonly total_tokens: number;
  readonly prompt_tokens_details: { readonly cached_tokens: number };
  readonly completion_tokens_details: { readonly reasoning_tokens: number };
}

export interface Completion {
  readonly id: string;
  readonly created: number;
  readonly model: string;
  readonly content: string | null;
  readonly contentDeltas: ReadonlyArray<string>;
  readonly toolCalls: ReadonlyArray<WireToolCall>;
  readonly argumentsDeltaSize: number;
  readonly finishReason: FinishReason;
  readonly usage: Usage;
}

/** Ids and time for one completion, supplied by the server so they stay deterministic. */
export interface CompletionContext {
  readonly completionId: string;
  /** Unix seconds. */
  readonly created: number;
  readonly nextToolCallId: () => string;
}

export const SYSTEM_FINGERPRINT = 'fp_loopback';
const DEFAULT_ARGUMENTS_DELTA_SIZE = 8;

/** Splits text into stream deltas: fixed-size pieces, or one word (with its leading spaces) each. */
export function splitText(text: string, size?: number): ReadonlyArray<string> {
  if (size !== undefined && size > 0) {
    const pieces: string[] = [];
    for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
    return pieces;
  }
  return text.match(/\s*\S+|\s+/g) ?? [];
}

export function buildCompletion(options: { readonly reply: TextReply | ToolCallsReply; readonly request: ParsedChatRequest; readonly context: CompletionContext }): Completion {
  const { reply, request, context } = options;
  const toolCalls: ReadonlyArray<WireToolCall> =
    'toolCalls' in reply
      ? reply.toolCalls.map((call) => ({ id: call.id ?? context.nextToolCallId(), type: 'function', function: { name: call.name, arguments: JSON.stringify(call.arguments) } }))
      : [];
  const content = reply.text ?? null;
  const promptTokens = countPromptTokens(request);
  const completionTokens = countCompletionTokens({ content, toolCalls });
  return {
    id: context.completionId,
    created: context.created,
    model: request.model,
    content,
    contentDeltas: splitText(content ?? '', reply.deltaSize),
    toolCalls,
    argumentsDeltaSize: 'argumentsDeltaSize' in reply && reply.argumentsDeltaSize !== undefined ? reply.argumentsDeltaSize : DEFAULT_ARGUMENTS_DELTA_SIZE,
    finishReason: 'finishReason' in reply && reply.finishReason !== undefined ? reply.finishReason : toolCalls.length > 0 ? 'tool_calls' : 'stop',
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0 },
    },
  };
}
