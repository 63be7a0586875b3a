// Anthropic Messages API wire format: request parsing, SSE events, whole messages and errors.
import type { OfferedTool, ParsedChatRequest, ParsedMessage, WireToolCall } from './chat-request';
import type { Completion } from './completion';
import { splitText } from './completion';
import type { ScriptError } from './script';
import { toolArguments } from './scripted-chat';

type Json = Readonly<Record<string, unknown>>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const blocksOf = (content: unknown): ReadonlyArray<Json> => (typeof content === 'string' ? [{ type: 'text', text: content }] : Array.isArray(content) ? content.filter(isObject) : []);
const textOf = (blocks: ReadonlyArray<Json>): string => blocks.flatMap((block) => (block.type === 'text' && typeof block.text === 'string' ? [block.text] : [])).join('');

/** Thrown for a body the real API would refuse with 400 invalid_request_error. */
export class AnthropicRequestError extends Error {}

function parseMessage(message: Json): ReadonlyArray<ParsedMessage> {
  const blocks = blocksOf(message.content);
  if (message.role === 'assistant') {
    const toolCalls: WireToolCall[] = blocks
      .filter((block) => block.type === 'tool_use')
      .map((block) => ({ id: String(block.id), type: 'function', function: { name: String(block.name), arguments: JSON.stringify(block.input ?? {}) } }));
    return [{ role: 'assistant', content: textOf(blocks), toolCalls }];
  }
  const results = blocks
    .filter((block) => block.type === 'tool_result')
    .map((block): ParsedMessage => ({ role: 'tool', content: textOf(blocksOf(block.content)), toolCalls: [], toolCallId: String(block.tool_use_id) }));
  const text = textOf(blocks);
  return [...results, ...(text.length > 0 || results.length === 0 ? [{ role: 'user' as const, content: text, toolCalls: [] }] : [])];
}

export function parseAnthropicRequest(body: unknown): ParsedChatRequest {
  if (!isObject(body)) throw new AnthropicRequestError('The request body must be a JSON object.');
  if (typeof body.model !== 'string') throw new AnthropicRequestError('model: Field required');
  if (typeof body.max_tokens !== 'number') throw new AnthropicRequestError('max_tokens: Field required');
  if (!Array.isArray(body.messages)) throw new AnthropicRequestError('messages: Field required');
  const system = typeof body.system === 'string' ? body.system : textOf(blocksOf(body.system));
  const messages: ParsedMessage[] = [...(system.length > 0 ? [{ role: 'system' as const, content: system, toolCalls: [] }] : []), ...body.messages.filter(isObject).flatMap(parseMessage)];
  const tools: OfferedTool[] = (Array.isArray(body.tools) ? body.tools.filter(isObject) : []).map((tool) => ({
    name: String(tool.name),
    ...(typeof tool.description === 'string' ? { description: tool.description } : {}),
    ...(isObject(tool.input_schema) ? { parameters: { ...tool.input_schema } } : {}),
  }));
  return { model: body.model, messages, stream: body.stream === true, includeUsage: true, tools, body };
}

const STOP_REASONS = { stop: 'end_turn', length: 'max_tokens', tool_calls: 'tool_use', content_filter: 'refusal' } as const;

function contentBlocks(completion: Completion): ReadonlyArray<Json> {
  return [
    ...(completion.content === null || completion.content === '' ? [] : [{ type: 'text', text: completion.content }]),
    ...completion.toolCalls.map((call) => ({ type: 'tool_use', id: call.id, name: call.function.name, input: toolArguments(call.function.arguments) })),
  ];
}

/** The non-streamed `message` object. */
export function anthropicMessage(completion: Completion): Json {
  return {
    id: `msg_${completion.id}`,
    type: 'message',
    role: 'assistant',
    model: completion.model,
    content: contentBlocks(completion),
    stop_reason: STOP_REASONS[completion.finishReason],
    stop_sequence: null,
    usage: { input_tokens: completion.usage.prompt_tokens, output_tokens: completion.usage.completion_tokens },
  };
}

const sse = (event: string, data: Json): string => `event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`;

/** The SSE events of a streamed message, in the order the Messages API sends them. */
export function anthropicStreamEvents(completion: Completion): ReadonlyArray<string> {
  const start = { ...anthropicMessage(completion), content: [], stop_reason: null, usage: { input_tokens: completion.usage.prompt_tokens, output_tokens: 1 } };
  const events = [sse('message_start', { message: start }), sse('ping', {})];
  let index = 0;
  if (completion.content !== null && completion.content !== '') {
    events.push(sse('content_block_start', { index, content_block: { type: 'text', text: '' } }));
    for (const text of completion.contentDeltas) events.push(sse('content_block_delta', { index, delta: { type: 'text_delta', text } }));
    events.push(sse('content_block_stop', { index }));
    index += 1;
  }
  for (const call of completion.toolCalls) {
    events.push(sse('content_block_start', { index, content_block: { type: 'tool_use', id: call.id, name: call.function.name, input: {} } }));
    for (const piece of splitText(call.function.arguments, completion.argumentsDeltaSize)) events.push(sse('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: piece } }));
    events.push(sse('content_block_stop', { index }));
    index += 1;
  }
  events.push(sse('message_delta', { delta: { stop_reason: STOP_REASONS[completion.finishReason], stop_sequence: null }, usage: { output_tokens: completion.usage.completion_tokens } }));
  events.push(sse('message_stop', {}));
  return events;
}

const ERROR_TYPES: Readonly<Record<number, string>> = { 400: 'invalid_request_error', 401: 'authentication_error', 403: 'permission_error', 404: 'not_found_error', 413: 'request_too_large', 429: 'rate_limit_error', 500: 'api_error', 529: 'overloaded_error' };

/** Status, body and headers of an Anthropic error answer. */
export function anthropicError(error: ScriptError): { readonly status: number; readonly body: Json; readonly headers: Readonly<Record<string, string>> } {
  const type = error.type ?? ERROR_TYPES[error.status] ?? (error.status >= 500 ? 'api_error' : 'invalid_request_error');
  return {
    status: error.status,
    body: { type: 'error', error: { type, message: error.message ?? `loopback ${type}` } },
    headers: error.retryAfter === undefined ? {} : { 'retry-after': String(error.retryAfter) },
  };
}
