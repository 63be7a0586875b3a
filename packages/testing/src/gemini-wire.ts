// Gemini generateContent wire format (Gemini API and Vertex AI): request parsing, SSE chunks, errors.
import type { OfferedTool, ParsedChatRequest, ParsedMessage, WireToolCall } from './chat-request';
import type { Completion } from './completion';
import type { ScriptError } from './script';
import { toolArguments } from './scripted-chat';

type Json = Readonly<Record<string, unknown>>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const arrayOf = (value: unknown): ReadonlyArray<Json> => (Array.isArray(value) ? value.filter(isObject) : []);
const textOf = (parts: ReadonlyArray<Json>): string => parts.flatMap((part) => (typeof part.text === 'string' ? [part.text] : [])).join('');

function parseContent(content: Json): ReadonlyArray<ParsedMessage> {
  const parts = arrayOf(content.parts);
  if (content.role === 'model') {
    const toolCalls: WireToolCall[] = parts.flatMap((part) =>
      isObject(part.functionCall) ? [{ id: String(part.functionCall.id ?? part.functionCall.name), type: 'function' as const, function: { name: String(part.functionCall.name), arguments: JSON.stringify(part.functionCall.args ?? {}) } }] : [],
    );
    return [{ role: 'assistant', content: textOf(parts), toolCalls }];
  }
  // Older Gemini models send no call ids; then a result is matched by the function it names.
  const results = parts.flatMap((part): ParsedMessage[] =>
    isObject(part.functionResponse) ? [{ role: 'tool', content: JSON.stringify(part.functionResponse.response ?? {}), toolCalls: [], toolCallId: String(part.functionResponse.id ?? part.functionResponse.name) }] : [],
  );
  const text = textOf(parts);
  return [...results, ...(text.length > 0 || results.length === 0 ? [{ role: 'user' as const, content: text, toolCalls: [] }] : [])];
}

export function parseGenerateContentRequest(options: { readonly body: unknown; readonly model: string; readonly stream: boolean }): ParsedChatRequest {
  const body = isObject(options.body) ? options.body : {};
  if (!Array.isArray(body.contents)) throw new Error('* GenerateContentRequest.contents: contents is not specified');
  const system = isObject(body.systemInstruction) ? textOf(arrayOf(body.systemInstruction.parts)) : '';
  const tools: OfferedTool[] = arrayOf(body.tools).flatMap((tool) =>
    arrayOf(tool.functionDeclarations).map((declaration) => ({
      name: String(declaration.name),
      ...(typeof declaration.description === 'string' ? { description: declaration.description } : {}),
      ...(isObject(declaration.parameters) ? { parameters: { ...declaration.parameters } } : {}),
    })),
  );
  const messages = [...(system.length > 0 ? [{ role: 'system' as const, content: system, toolCalls: [] }] : []), ...arrayOf(body.contents).flatMap(parseContent)];
  return { model: options.model, messages, stream: options.stream, includeUsage: true, tools, body };
}

const FINISH_REASONS = { stop: 'STOP', length: 'MAX_TOKENS', tool_calls: 'STOP', content_filter: 'SAFETY' } as const;

const usageMetadata = (completion: Completion): Json => ({
  promptTokenCount: completion.usage.prompt_tokens,
  candidatesTokenCount: completion.usage.completion_tokens,
  totalTokenCount: completion.usage.total_tokens,
});

function chunk(completion: Completion, parts: ReadonlyArray<Json>, last: boolean): Json {
  return {
    candidates: [{ content: { parts, role: 'model' }, index: 0, ...(last ? { finishReason: FINISH_REASONS[completion.finishReason] } : {}) }],
    ...(last ? { usageMetadata: usageMetadata(completion) } : {}),
    modelVersion: completion.model,
    responseId: completion.id,
  };
}

const functionCallParts = (completion: Completion): ReadonlyArray<Json> =>
  completion.toolCalls.map((call) => ({ functionCall: { id: call.id, name: call.function.name, args: toolArguments(call.function.arguments) } }));

/** The whole generateContent answer. */
export function generateContentResponse(completion: Completion): Json {
  const text = completion.content === null || completion.content === '' ? [] : [{ text: completion.content }];
  return chunk(completion, [...text, ...functionCallParts(completion)], true);
}

/** streamGenerateContent?alt=sse: one `data:` event per text delta, function calls whole, usage last. */
export function generateContentSseEvents(completion: Completion): ReadonlyArray<string> {
  const chunks: Json[] = completion.contentDeltas.map((text) => chunk(completion, [{ text }], false));
  chunks.push(chunk(completion, functionCallParts(completion), true));
  return chunks.map((value) => `data: ${JSON.stringify(value)}\r\n\r\n`);
}

const STATUSES: Readonly<Record<number, string>> = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 503: 'UNAVAILABLE', 504: 'DEADLINE_EXCEEDED' };

/** Status, body and headers of a Google API error (`{ error: { code, message, status, details } }`). */
export function geminiError(error: ScriptError & { readonly reason?: string }): { readonly status: number; readonly body: Json; readonly headers: Readonly<Record<string, string>> } {
  const status = error.type ?? STATUSES[error.status] ?? (error.status >= 500 ? 'INTERNAL' : 'INVALID_ARGUMENT');
  const details = [
    ...(error.reason === undefined ? [] : [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: error.reason, domain: 'googleapis.com' }]),
    ...(error.retryAfter === undefined ? [] : [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${error.retryAfter}s` }]),
  ];
  return { status: error.status, body: { error: { code: error.status, message: error.message ?? `loopback ${status}`, status, ...(details.length > 0 ? { details } : {}) } }, headers: {} };
}
