// Bedrock Converse / ConverseStream wire format: request parsing, stream events, responses, errors.
import { encodeEvent } from './aws-event-stream';
import type { OfferedTool, ParsedChatRequest, ParsedMessage, WireToolCall } from './chat-request';
import { splitText, type Completion } from './completion';
import type { ScriptError } from './script';
import { toolArguments } from './scripted-chat';

type Json = Readonly<Record<string, unknown>>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const arrayOf = (value: unknown): ReadonlyArray<Json> => (Array.isArray(value) ? value.filter(isObject) : []);
const textOf = (blocks: ReadonlyArray<Json>): string =>
  blocks.flatMap((block) => (typeof block.text === 'string' ? [block.text] : isObject(block.json) ? [JSON.stringify(block.json)] : [])).join('');

function parseMessage(message: Json): ReadonlyArray<ParsedMessage> {
  const blocks = arrayOf(message.content);
  if (message.role === 'assistant') {
    const toolCalls: WireToolCall[] = blocks.flatMap((block) =>
      isObject(block.toolUse) ? [{ id: String(block.toolUse.toolUseId), type: 'function' as const, function: { name: String(block.toolUse.name), arguments: JSON.stringify(block.toolUse.input ?? {}) } }] : [],
    );
    return [{ role: 'assistant', content: textOf(blocks), toolCalls }];
  }
  const results = blocks.flatMap((block): ParsedMessage[] =>
    isObject(block.toolResult) ? [{ role: 'tool', content: textOf(arrayOf(block.toolResult.content)), toolCalls: [], toolCallId: String(block.toolResult.toolUseId) }] : [],
  );
  const text = textOf(blocks.filter((block) => typeof block.text === 'string'));
  return [...results, ...(text.length > 0 || results.length === 0 ? [{ role: 'user' as const, content: text, toolCalls: [] }] : [])];
}

/** The Converse body as the script engine sees it; the model id comes from the URL path. */
export function parseConverseRequest(options: { readonly body: unknown; readonly modelId: string; readonly stream: boolean }): ParsedChatRequest {
  const body = isObject(options.body) ? options.body : {};
  if (!Array.isArray(body.messages)) throw new Error('1 validation error detected: Value null at \'messages\' failed to satisfy constraint: Member must not be null');
  const system = textOf(arrayOf(body.system));
  const toolConfig = isObject(body.toolConfig) ? body.toolConfig : {};
  const tools: OfferedTool[] = arrayOf(toolConfig.tools).flatMap((tool) => {
    const spec = isObject(tool.toolSpec) ? tool.toolSpec : undefined;
    if (spec === undefined) return [];
    const schema = isObject(spec.inputSchema) && isObject(spec.inputSchema.json) ? { parameters: { ...spec.inputSchema.json } } : {};
    return [{ name: String(spec.name), ...(typeof spec.description === 'string' ? { description: spec.description } : {}), ...schema }];
  });
  const messages = [...(system.length > 0 ? [{ role: 'system' as const, content: system, toolCalls: [] }] : []), ...arrayOf(body.messages).flatMap(parseMessage)];
  return { model: options.modelId, messages, stream: options.stream, includeUsage: true, tools, body };
}

const STOP_REASONS = { stop: 'end_turn', length: 'max_tokens', tool_calls: 'tool_use', content_filter: 'content_filtered' } as const;
/** Real Bedrock events carry a random-length `p` field that pads them against size analysis. */
const PADDING = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ';

const usageOf = (completion: Completion): Json => ({
  inputTokens: completion.usage.prompt_tokens,
  outputTokens: completion.usage.completion_tokens,
  totalTokens: completion.usage.total_tokens,
});

/** The whole Converse answer. */
export function converseResponse(completion: Completion): Json {
  const content = [
    ...(completion.content === null || completion.content === '' ? [] : [{ text: completion.content }]),
    ...completion.toolCalls.map((call) => ({ toolUse: { toolUseId: call.id, name: call.function.name, input: toolArguments(call.function.arguments) } })),
  ];
  return { output: { message: { role: 'assistant', content } }, stopReason: STOP_REASONS[completion.finishReason], usage: usageOf(completion), metrics: { latencyMs: 1 } };
}

/** The ConverseStream events, each framed as an event-stream message. */
export function converseStreamFrames(completion: Completion): ReadonlyArray<Buffer> {
  const event = (type: string, body: Json): Buffer => encodeEvent(type, { ...body, p: PADDING.slice(0, 1 + (type.length % PADDING.length)) });
  const frames = [event('messageStart', { role: 'assistant' })];
  let index = 0;
  if (completion.content !== null && completion.content !== '') {
    for (const text of completion.contentDeltas) frames.push(event('contentBlockDelta', { contentBlockIndex: index, delta: { text } }));
    frames.push(event('contentBlockStop', { contentBlockIndex: index }));
    index += 1;
  }
  for (const call of completion.toolCalls) {
    frames.push(event('contentBlockStart', { contentBlockIndex: index, start: { toolUse: { toolUseId: call.id, name: call.function.name } } }));
    for (const input of splitText(call.function.arguments, completion.argumentsDeltaSize)) frames.push(event('contentBlockDelta', { contentBlockIndex: index, delta: { toolUse: { input } } }));
    frames.push(event('contentBlockStop', { contentBlockIndex: index }));
    index += 1;
  }
  frames.push(event('messageStop', { stopReason: STOP_REASONS[completion.finishReason] }));
  frames.push(event('metadata', { usage: usageOf(completion), metrics: { latencyMs: 1 } }));
  return frames;
}

const ERROR_TYPES: Readonly<Record<number, string>> = {
  400: 'ValidationException',
  401: 'UnrecognizedClientException',
  403: 'AccessDeniedException',
  404: 'ResourceNotFoundException',
  408: 'ModelTimeoutException',
  429: 'ThrottlingException',
  500: 'InternalServerException',
  503: 'ServiceUnavailableException',
};

/** Status, body and headers of a Bedrock error answer (the type travels in x-amzn-ErrorType). */
export function bedrockError(error: ScriptError): { readonly status: number; readonly body: Json; readonly headers: Readonly<Record<string, string>> } {
  const type = error.type ?? ERROR_TYPES[error.status] ?? (error.status >= 500 ? 'InternalServerException' : 'ValidationException');
  return { status: error.status, body: { message: error.message ?? `loopback ${type}` }, headers: { 'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/` } };
}
