// A real watsonx.ai server on 127.0.0.1: IAM token exchange, text/chat and text/chat_stream (SSE), model specs.
import type { ParsedChatRequest } from './chat-request';
import { InvalidRequestError } from './error-responses';
import { sendJson } from './http-io';
import { startLoopbackHttp, type LoopbackExchange } from './loopback-http';
import { providerServer, wireWriter, type ChatWire, type LoopbackProviderServer } from './loopback-provider-server';
import { REDACTED } from './recorded-request';
import type { ReplyTarget } from './reply-writer';
import type { ScriptError } from './script';
import { ScriptedChat, type ChatAnswerWriter, type ScriptOptions } from './scripted-chat';
import { parseWatsonxChatRequest, WatsonxRequestError, watsonxChatResponse, watsonxError, watsonxStreamEvents } from './watsonx-wire';

export interface LoopbackWatsonxOptions extends ScriptOptions {
  /** When set, the IAM endpoint accepts only this API key and chat needs a token it issued. */
  readonly apiKey?: string;
  /** Model ids listed by GET /ml/v1/foundation_model_specs (default `ibm/granite-loopback`). */
  readonly models?: ReadonlyArray<string>;
  /** Seconds until an issued IAM token expires (default 3600). */
  readonly tokenLifetimeSeconds?: number;
}

export interface LoopbackWatsonxServer extends LoopbackProviderServer {
  /** The IAM base URL (this server; the token endpoint is `<iamUrl>/identity/token`). */
  readonly iamUrl: string;
}

const WIRE: ChatWire = { error: watsonxError, message: watsonxChatResponse, streamFrames: watsonxStreamEvents, streamContentType: 'text/event-stream; charset=utf-8' };

function writer(target: ReplyTarget, stream: boolean): ChatAnswerWriter {
  return wireWriter(WIRE, target, stream);
}

/** Form bodies are recorded with the API key replaced. */
function redactBody(path: string, body: unknown): unknown {
  if (path !== '/identity/token' || typeof body !== 'string') return body;
  const form = new URLSearchParams(body);
  if (form.has('apikey')) form.set('apikey', REDACTED);
  return form.toString();
}

export async function createLoopbackWatsonx(options: LoopbackWatsonxOptions = {}): Promise<LoopbackWatsonxServer> {
  const chat = new ScriptedChat(options, 'chatcmpl-tool-loopback-');
  const models = options.models ?? ['ibm/granite-loopback'];
  const issued = new Set<string>();

  function issueToken(exchange: LoopbackExchange): void {
    const form = new URLSearchParams(exchange.rawBody);
    const { target } = exchange;
    if (form.get('grant_type') !== 'urn:ibm:params:oauth:grant-type:apikey') {
      return sendJson(target.response, { status: 400, body: { errorCode: 'BXNIM0109E', errorMessage: 'Property missing or empty. Property: grant_type' } });
    }
    if (options.apiKey !== undefined && form.get('apikey') !== options.apiKey) {
      return sendJson(target.response, { status: 400, body: { errorCode: 'BXNIM0415E', errorMessage: 'Provided API key could not be found.', context: { requestId: 'loopback' } } });
    }
    const token = `loopback-iam-token-${issued.size + 1}`;
    issued.add(token);
    const lifetime = options.tokenLifetimeSeconds ?? 3600;
    sendJson(target.response, { status: 200, body: { access_token: token, refresh_token: 'not_supported', token_type: 'Bearer', expires_in: lifetime, expiration: Math.floor(Date.now() / 1000) + lifetime, scope: 'ibm openid' } });
  }

  async function handle(exchange: LoopbackExchange): Promise<void> {
    const { target, method, path } = exchange;
    const fail = (error: ScriptError): void => writer(target, false).error(error);
    if (method === 'POST' && path === '/identity/token') return issueToken(exchange);
    const token = (exchange.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    if (options.apiKey !== undefined && !issued.has(token)) return fail({ status: 401, message: 'Failed to authenticate the request due to an expired token' });
    if (exchange.query.get('version') === null) return fail({ status: 400, code: 'missing_version', message: "Missing query parameter 'version'" });
    if (method === 'GET' && path === '/ml/v1/foundation_model_specs') {
      const resources = models.map((id) => ({ model_id: id, label: id.split('/').pop(), provider: 'loopback', functions: [{ id: 'text_chat' }, { id: 'text_generation' }] }));
      return sendJson(target.response, { status: 200, body: { total_count: resources.length, limit: 100, first: { href: `${path}?limit=100` }, resources }, headers: target.headers });
    }
    const stream = path === '/ml/v1/text/chat_stream';
    if (method !== 'POST' || (!stream && path !== '/ml/v1/text/chat')) return fail({ status: 404, code: 'not_found', message: `Not found: ${method} ${path}` });
    let request: ParsedChatRequest;
    try {
      request = parseWatsonxChatRequest(exchange.body.body, stream);
    } catch (error) {
      if (!(error instanceof WatsonxRequestError) && !(error instanceof InvalidRequestError)) throw error;
      return fail({ status: 400, code: error instanceof WatsonxRequestError ? error.code : 'json_validation_error', message: error.message });
    }
    await chat.answer({ target, request, writer: writer(target, stream) });
  }

  const http = await startLoopbackHttp({ handle, onFailure: (message) => chat.player.recordFailure(message), redactBody });
  return { ...providerServer(http, chat, http.origin), iamUrl: http.origin };
}
