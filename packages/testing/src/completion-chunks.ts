// The `chat.completion.chunk` sequence for a streamed completion, in the order OpenAI sends it.
import { splitText, SYSTEM_FINGERPRINT, type Completion } from './completion';

type Delta = Readonly<Record<string, unknown>>;

function toolCallDeltas(completion: Completion): ReadonlyArray<Delta> {
  return completion.toolCalls.flatMap((call, index) => [
    { tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] },
    ...splitText(call.function.arguments, completion.argumentsDeltaSize).map((piece) => ({ tool_calls: [{ index, function: { arguments: piece } }] })),
  ]);
}

/**
 * Role delta first, then content deltas, tool-call deltas (id, type and name first, then argument
 * fragments), an empty delta with the finish reason and, when asked for, a usage chunk.
 */
export function completionChunks(completion: Completion, options: { readonly includeUsage: boolean }): ReadonlyArray<Record<string, unknown>> {
  const envelope = {
    id: completion.id,
    object: 'chat.completion.chunk',
    created: completion.created,
    model: completion.model,
    system_fingerprint: SYSTEM_FINGERPRINT,
  };
  const usageField = options.includeUsage ? { usage: null } : {};
  const choiceChunk = (delta: Delta, finishReason: string | null): Record<string, unknown> => ({
    ...envelope,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...usageField,
  });
  const roleDelta = { role: 'assistant', content: completion.toolCalls.length > 0 && completion.content === null ? null : '', refusal: null };
  const chunks = [
    choiceChunk(roleDelta, null),
    ...completion.contentDeltas.map((content) => choiceChunk({ content }, null)),
    ...toolCallDeltas(completion).map((delta) => choiceChunk(delta, null)),
    choiceChunk({}, completion.finishReason),
  ];
  return options.includeUsage ? [...chunks, { ...envelope, choices: [], usage: completion.usage }] : chunks;
}
