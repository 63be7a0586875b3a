// A real OpenAI-compatible chat-completions server on 127.0.0.1, driven by a script, for tests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkAuthorization } from './authorize';
import { handleChatCompletions } from './chat-completions.routes';
import { errorReply } from './error-responses';
import { readBody, sendError } from './http-io';
import { DEFAULT_MODEL_ID, handleModels } from './models.routes';
import { parseBodyText, recordHeaders, type RecordedRequest } from './recorded-request';
import { createReplySource } from './reply-source';
import type { ReplyTarget, SentChunk } from './reply-writer';
import { routeRequest } from './route-request';
import type { RespondFunction, ScriptStep } from './script';
import { ScriptPlayer } from './script-player';

export interface LoopbackModelServerOptions {
  /** Expected requests and their answers, consumed in order. */
  readonly script?: ReadonlyArray<ScriptStep>;
  /** Dynamic mode; without `script` or `respond` the server echoes the last user message. */
  readonly respond?: RespondFunction;
  /** Ids listed by GET /v1/models; when given, other models get 404 model_not_found. */
  readonly models?: ReadonlyArray<string>;
  /** When set, every request needs `Authorization: Bearer <apiKey>`. */
  readonly apiKey?: string;
  /** Default 0: a free port. */
  readonly port?: number;
  /** Also answer at /chat/completions and /models, for clients that omit /v1. */
  readonly mountAtRoot?: boolean;
  /** Clock in milliseconds, for `created` and request times (default Date.now). */
  readonly now?: () => number;
  /** Called just before each streamed chunk is written, stamped with `performance.now()` (latency benches). */
  readonly onChunk?: (sent: SentChunk) => void;
}

export interface LoopbackModelServer {
  /** Base URL including /v1, e.g. http://127.0.0.1:41234/v1 — what OPENAI_BASE_URL should be. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly requests: ReadonlyArray<RecordedRequest>;
  /** Script mismatches, requests past the script's end and respond-callback errors, so far. */
  readonly failures: ReadonlyArray<string>;
  /** Throws, listing unconsumed steps and failures, unless the script ran exactly as written. */
  assertScriptDone(): void;
  /** Stops listening and cuts open streams and pending delayed replies. */
  close(): Promise<void>;
}

export async function createLoopbackModelServer(options: LoopbackModelServerOptions = {}): Promise<LoopbackModelServer> {
  const now = options.now ?? Date.now;
  const player = new ScriptPlayer(options.script ?? []);
  const replySource = createReplySource({ player, ...(options.script === undefined ? {} : { script: options.script }), ...(options.respond === undefined ? {} : { respond: options.respond }) });
  const requests: RecordedRequest[] = [];
  const closing = new AbortController();
  const counters = { requests: 0, chat: 0, toolCalls: 0 };
  const seconds = (): number => Math.floor(now() / 1000);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const clientGone = new AbortController();
    response.on('close', () => clientGone.abort());
    const target: ReplyTarget = { response, signal: AbortSignal.any([closing.signal, clientGone.signal]), headers: { 'x-request-id': `req_loopback_${(counters.requests += 1)}` }, ...(options.onChunk === undefined ? {} : { onChunk: options.onChunk }) };
    const path = new URL(request.url ?? '/', 'http://loopback').pathname;
    const method = request.method ?? 'GET';
    let text: string | undefined;
    try {
      text = await readBody(request);
    } catch {
      return; // the client went away while sending its body
    }
    const body = parseBodyText(text ?? '');
    requests.push({ method, path, headers: recordHeaders(request.headers), body: body.body, time: new Date(now()) });
    if (text === undefined) return sendError(response, { ...errorReply(413, { message: 'The request body is too large.' }), headers: target.headers });
    const denied = checkAuthorization(request.headers, options.apiKey);
    if (denied !== undefined) return sendError(response, { ...denied, headers: target.headers });
    const route = routeRequest({ method, path, mountAtRoot: options.mountAtRoot ?? false });
    const models = options.models ?? [DEFAULT_MODEL_ID];
    switch (route.kind) {
      case 'chat-completions':
        return handleChatCompletions({
          target,
          body,
          dependencies: {
            replySource,
            models: options.models,
            nextRequestNumber: () => (counters.chat += 1),
            contextFor: (requestNumber) => ({ completionId: `chatcmpl-loopback-${requestNumber}`, created: seconds(), nextToolCallId: () => `call_${(counters.toolCalls += 1)}` }),
          },
        });
      case 'list-models':
        return handleModels({ target, models, created: seconds() });
      case 'get-model':
        return handleModels({ target, models, created: seconds(), modelId: route.modelId });
      case 'not-found':
        return sendError(response, { ...errorReply(404, { message: `Invalid URL (${method} ${path})` }), headers: target.headers });
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      player.recordFailure(`the loopback server failed on ${request.method ?? ''} ${request.url ?? ''}: ${error instanceof Error ? error.message : String(error)}`);
      if (response.headersSent) response.destroy();
      else sendError(response, errorReply(500));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  let closed: Promise<void> | undefined;

  return {
    url: `${origin}/v1`,
    origin,
    port,
    requests,
    get failures() {
      return player.failures;
    },
    assertScriptDone: () => player.assertDone(),
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
