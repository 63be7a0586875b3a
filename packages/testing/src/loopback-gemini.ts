// A real Gemini API / Vertex AI generateContent server on 127.0.0.1 (SSE streaming, function calls, usage).
import type { ParsedChatRequest } from './chat-request';
import { geminiError, generateContentResponse, generateContentSseEvents, parseGenerateContentRequest } from './gemini-wire';
import { sendJson } from './http-io';
import { startLoopbackHttp, type LoopbackExchange } from './loopback-http';
import { providerServer, wireWriter, type ChatWire, type LoopbackProviderServer } from './loopback-provider-server';
import type { ReplyTarget } from './reply-writer';
import type { ScriptError } from './script';
import { ScriptedChat, type ChatAnswerWriter, type ScriptOptions } from './scripted-chat';

export interface LoopbackGeminiOptions extends ScriptOptions {
  /** When set, requests need `x-goog-api-key: <apiKey>` (or `?key=`), or the bearer `accessToken`. */
  readonly apiKey?: string;
  /** A Vertex AI OAuth access token accepted as `Authorization: Bearer <accessToken>`. */
  readonly accessToken?: string;
  /** Names listed by GET /v1beta/models (default `gemini-loopback`). */
  readonly models?: ReadonlyArray<string>;
}

/** Gemini API (`/v1beta/models/…`), Vertex AI (`/v1beta1/projects/P/locations/L/publishers/google/models/…`) and Vertex express mode (`/v1/publishers/google/models/…`). */
const ROUTE = /^(?:\/v1beta|\/v1beta1\/projects\/[^/]+\/locations\/[^/]+\/publishers\/google|\/v1\/publishers\/google)\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

const WIRE: ChatWire = { error: geminiError, message: generateContentResponse, streamFrames: generateContentSseEvents, streamContentType: 'text/event-stream' };

function writer(target: ReplyTarget, stream: boolean): ChatAnswerWriter {
  return wireWriter(WIRE, target, stream);
}

function authorize(exchange: LoopbackExchange, options: LoopbackGeminiOptions): (ScriptError & { readonly reason?: string }) | undefined {
  if (options.apiKey === undefined && options.accessToken === undefined) return undefined;
  if (options.accessToken !== undefined && exchange.headers.authorization === `Bearer ${options.accessToken}`) return undefined;
  const key = exchange.headers['x-goog-api-key'] ?? exchange.query.get('key') ?? undefined;
  if (key === undefined) return { status: 403, message: "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API." };
  if (key !== options.apiKey) return { status: 400, message: 'API key not valid. Please pass a valid API key.', reason: 'API_KEY_INVALID' };
  return undefined;
}

export async function createLoopbackGemini(options: LoopbackGeminiOptions = {}): Promise<LoopbackProviderServer> {
  const chat = new ScriptedChat(options, 'gemini_call_');
  const models = options.models ?? ['gemini-loopback'];

  async function handle(exchange: LoopbackExchange): Promise<void> {
    const { target, method, path } = exchange;
    const fail = (error: ScriptError): void => writer(target, false).error(error);
    const denied = authorize(exchange, options);
    if (denied !== undefined) return fail(denied);
    if (method === 'GET' && path === '/v1beta/models') {
      const list = models.map((name) => ({ name: `models/${name}`, version: '001', displayName: name, supportedGenerationMethods: ['generateContent', 'countTokens'] }));
      return sendJson(target.response, { status: 200, body: { models: list }, headers: target.headers });
    }
    const route = ROUTE.exec(path);
    if (method !== 'POST' || route?.[1] === undefined) return fail({ status: 404, message: `The requested URL ${path} was not found on this server.` });
    const stream = route[2] === 'streamGenerateContent';
    if (stream && exchange.query.get('alt') !== 'sse') return fail({ status: 400, message: 'The loopback server streams only with ?alt=sse (JSON-array streaming is not implemented).' });
    let request: ParsedChatRequest;
    try {
      request = parseGenerateContentRequest({ body: exchange.body.body, model: route[1], stream });
    } catch (error) {
      return fail({ status: 400, message: error instanceof Error ? error.message : String(error) });
    }
    await chat.answer({ target, request, writer: writer(target, stream) });
  }

  const http = await startLoopbackHttp({ handle, onFailure: (message) => chat.player.recordFailure(message) });
  return providerServer(http, chat, `${http.origin}/v1beta`);
}
