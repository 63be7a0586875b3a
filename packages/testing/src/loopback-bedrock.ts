// A real Bedrock Runtime server on 127.0.0.1: Converse and ConverseStream (AWS event-stream framing), SigV4 checked.
import { verifySigV4, type AwsCredentials } from './aws-sigv4';
import { bedrockError, converseResponse, converseStreamFrames, parseConverseRequest } from './bedrock-wire';
import type { ParsedChatRequest } from './chat-request';
import { startLoopbackHttp, type LoopbackExchange } from './loopback-http';
import { providerServer, wireWriter, type ChatWire, type LoopbackProviderServer } from './loopback-provider-server';
import type { ReplyTarget } from './reply-writer';
import type { ScriptError } from './script';
import { ScriptedChat, type ChatAnswerWriter, type ScriptOptions } from './scripted-chat';

export interface LoopbackBedrockOptions extends ScriptOptions {
  /** When set, requests must carry a valid SigV4 signature made with these credentials. */
  readonly credentials?: AwsCredentials;
  /** When set, the signature's credential scope must name this region. */
  readonly region?: string;
  /** When set, requests may instead send `Authorization: Bearer <apiKey>` (Bedrock API keys). */
  readonly apiKey?: string;
}

const ROUTE = /^\/model\/([^/]+)\/(converse|converse-stream)$/;

const WIRE: ChatWire = { error: bedrockError, message: converseResponse, streamFrames: converseStreamFrames, streamContentType: 'application/vnd.amazon.eventstream' };

function writer(target: ReplyTarget, stream: boolean): ChatAnswerWriter {
  return wireWriter(WIRE, target, stream);
}

function authorize(exchange: LoopbackExchange, options: LoopbackBedrockOptions): ScriptError | undefined {
  const authorization = exchange.headers.authorization ?? '';
  if (options.apiKey !== undefined && authorization === `Bearer ${options.apiKey}`) return undefined;
  if (options.credentials === undefined) return options.apiKey === undefined ? undefined : { status: 403, type: 'UnrecognizedClientException', message: 'Invalid API Key format: Must start with pre-defined prefix' };
  const problem = verifySigV4({
    method: exchange.method,
    rawPath: exchange.path,
    query: exchange.query,
    headers: exchange.headers,
    body: exchange.rawBody,
    credentials: options.credentials,
    service: 'bedrock',
    ...(options.region === undefined ? {} : { region: options.region }),
  });
  return problem === undefined ? undefined : { status: problem.status, type: problem.type, message: problem.message };
}

export async function createLoopbackBedrock(options: LoopbackBedrockOptions = {}): Promise<LoopbackProviderServer> {
  const chat = new ScriptedChat(options, 'tooluse_loopback_');

  async function handle(exchange: LoopbackExchange): Promise<void> {
    const { target } = exchange;
    const fail = (error: ScriptError): void => writer(target, false).error(error);
    const denied = authorize(exchange, options);
    if (denied !== undefined) return fail(denied);
    const route = ROUTE.exec(exchange.path);
    if (exchange.method !== 'POST' || route?.[1] === undefined) return fail({ status: 404, type: 'UnknownOperationException', message: `Unknown operation ${exchange.method} ${exchange.path}` });
    const stream = route[2] === 'converse-stream';
    let request: ParsedChatRequest;
    try {
      request = parseConverseRequest({ body: exchange.body.body, modelId: decodeURIComponent(route[1]), stream });
    } catch (error) {
      return fail({ status: 400, message: error instanceof Error ? error.message : String(error) });
    }
    await chat.answer({ target, request, writer: writer(target, stream) });
  }

  const http = await startLoopbackHttp({ handle, onFailure: (message) => chat.player.recordFailure(message) });
  return providerServer(http, chat, http.origin);
}
