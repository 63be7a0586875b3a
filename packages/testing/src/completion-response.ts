// The non-streaming `chat.completion` body for a completion.
import { SYSTEM_FINGERPRINT, type Completion } from './completion';

export function completionResponseBody(completion: Completion): Record<string, unknown> {
  const message = {
    role: 'assistant',
    content: completion.content,
    refusal: null,
    ...(completion.toolCalls.length > 0 ? { tool_calls: completion.toolCalls } : {}),
  };
  return {
    id: completion.id,
    object: 'chat.completion',
    created: completion.created,
    model: completion.model,
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices: [{ index: 0, message, logprobs: null, finish_reason: completion.finishReason }],
    usage: completion.usage,
  };
}
