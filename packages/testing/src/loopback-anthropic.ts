// A real Anthropic Messages API server on 127.0.0.1 (SSE streaming, tool use, usage), for tests.
import { AnthropicRequestError, anthropicError, anthropicMessage, anthropicStreamEvents, parseAnthropicRequest } from './anthropic-wire';
import type { ParsedChatRequest } from './chat-request';
import { sendJson } from './http-io';
import { startLoopbackHttp, type LoopbackExchange } from './loopback-http';
import { providerServer, wireWriter, type ChatWire, type LoopbackProviderServer } from './loopback-provider-server';
import type { ReplyTarget } from './reply-writer';
import type { ScriptError } from './script';
import { ScriptedChat, type ChatAnswerWriter, type ScriptOptions } from './scripted-chat';

export interface LoopbackAnthropicOptions extends ScriptOptions {
  /** When set, every request needs `x-api-key: <apiKey>`. */
  readonly apiKey?: string;
  /** Ids listed by GET /v1/models (default `claude-loopback`). */
  readonly models?: ReadonlyArray<string>;
}

const WIRE: ChatWire = { error: anthropicError, message: anthropicMessage, streamFrames: anthropicStreamEvents, streamContentType: 'text/event-stream; charset=utf-8' };

function writer(target: ReplyTarget, stream: boolean): ChatAnswerWriter {
  return wireWriter(WIRE, target, stream);
}

export async function createLoopbackAnthropic(options: LoopbackAnthropicOptions = {}): Promise<LoopbackProviderServer> {
  const chat = new ScriptedChat(options, 'toolu_loopback_');
  const models = options.models ?? ['claude-loopback'];

  async function handle(exchange: LoopbackExchange): Promise<void> {
    const { target, method, path } = exchange;
    const fail = (error: ScriptError): void => writer(target, false).error(error);
    if (options.apiKey !== undefined && exchange.headers['x-api-key'] !== options.apiKey) return fail({ status: 401, message: 'invalid x-api-key' });
    if (exchange.headers['anthropic-version'] === undefined) return fail({ status: 400, message: 'anthropic-version: header is required' });
    if (method === 'GET' && path === '/v1/models') {
      const data = models.map((id) => ({ type: 'model', id, display_name: id, created_at: '2025-01-01T00:00:00Z' }));
      return sendJson(target.response, { status: 200, body: { data, has_more: false, first_id: models[0] ?? null, last_id: models.at(-1) ?? null }, headers: target.headers });
    }
    if (method !== 'POST' || path !== '/v1/messages') return fail({ status: 404, message: `Not found: ${method} ${path}` });
    let request: ParsedChatRequest;
    try {
      request = parseAnthropicRequest(exchange.body.body);
    } catch (error) {
      if (error instanceof AnthropicRequestError) return fail({ status: 400, message: error.message });
      throw error;
    }
    await chat.answer({ target, request, writer: writer(target, request.stream) });
  }

  const http = await startLoopbackHttp({ handle, onFailure: (message) => chat.player.recordFailure(message) });
  return providerServer(http, chat, `${http.origin}/v1`);
}
