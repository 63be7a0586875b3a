// watsonx.ai text/chat wire format: request parsing, chat_stream SSE chunks, responses and errors.
import type { OfferedTool, ParsedChatRequest } from './chat-request';
import type { Completion } from './completion';
import { completionChunks } from './completion-chunks';
import { parseChatMessages } from './parse-chat-messages';
import type { ScriptError } from './script';

type Json = Readonly<Record<string, unknown>>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A 400 the real service would answer, with its error code. */
export class WatsonxRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function parseWatsonxChatRequest(body: unknown, stream: boolean): ParsedChatRequest {
  if (!isObject(body)) throw new WatsonxRequestError('json_type_error', 'Json document validation error: request body must be an object');
  if (typeof body.model_id !== 'string') throw new WatsonxRequestError('json_validation_error', "Json document validation error: 'model_id' is a required property");
  if (typeof body.project_id !== 'string' && typeof body.space_id !== 'string') throw new WatsonxRequestError('invalid_input_argument', 'Either project_id or space_id must be specified');
  const tools: OfferedTool[] = (Array.isArray(body.tools) ? body.tools.filter(isObject) : []).flatMap((tool) => {
    const definition = isObject(tool.function) ? tool.function : undefined;
    if (definition === undefined) return [];
    return [{ name: String(definition.name), ...(typeof definition.description === 'string' ? { description: definition.description } : {}), ...(isObject(definition.parameters) ? { parameters: { ...definition.parameters } } : {}) }];
  });
  return { model: body.model_id, messages: parseChatMessages(body.messages), stream, includeUsage: true, tools, body };
}

const usageOf = (completion: Completion): Json => ({ completion_tokens: completion.usage.completion_tokens, prompt_tokens: completion.usage.prompt_tokens, total_tokens: completion.usage.total_tokens });

/** The whole text/chat answer. */
export function watsonxChatResponse(completion: Completion): Json {
  const message = { role: 'assistant', content: completion.content ?? '', ...(completion.toolCalls.length > 0 ? { tool_calls: completion.toolCalls } : {}) };
  return { id: `chatcmpl-${completion.id}`, model_id: completion.model, model: completion.model, choices: [{ index: 0, message, finish_reason: completion.finishReason }], created: completion.created, usage: usageOf(completion) };
}

/** text/chat_stream SSE events (`id`, `event: message`, `data`); usage rides on the finishing chunk. */
export function watsonxStreamEvents(completion: Completion): ReadonlyArray<string> {
  const chunks = completionChunks(completion, { includeUsage: false }).map((chunk, index, all) => {
    const rest = Object.fromEntries(Object.entries(chunk).filter(([key]) => key !== 'system_fingerprint' && key !== 'object'));
    return { ...rest, id: `chatcmpl-${completion.id}`, model_id: completion.model, model_version: '1.0.0', ...(index === all.length - 1 ? { usage: usageOf(completion) } : {}) };
  });
  return chunks.map((chunk, index) => `id: ${index + 1}\nevent: message\ndata: ${JSON.stringify(chunk)}\n\n`);
}

const CODES: Readonly<Record<number, string>> = { 400: 'invalid_input_argument', 401: 'authentication_token_expired', 403: 'authorization_rejected', 404: 'model_not_supported', 429: 'token_quota_reached', 500: 'internal_error', 503: 'service_unavailable' };

/** Status, body and headers of a watsonx.ai error (`{ errors: [{ code, message, more_info }], trace, status_code }`). */
export function watsonxError(error: ScriptError): { readonly status: number; readonly body: Json; readonly headers: Readonly<Record<string, string>> } {
  const code = error.code ?? CODES[error.status] ?? (error.status >= 500 ? 'internal_error' : 'invalid_input_argument');
  return {
    status: error.status,
    body: { errors: [{ code, message: error.message ?? `loopback ${code}`, more_info: 'https://cloud.ibm.com/apidocs/watsonx-ai' }], trace: 'loopback-trace', status_code: error.status },
    headers: error.retryAfter === undefined ? {} : { 'retry-after': String(error.retryAfter) },
  };
}
