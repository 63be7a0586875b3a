// Sends a scripted reply over HTTP: after its delay, as an error, a JSON completion or an SSE stream.
import type { ServerResponse } from 'node:http';
import type { ParsedChatRequest } from './chat-request';
import { buildCompletion, type CompletionContext } from './completion';
import { completionChunks } from './completion-chunks';
import { completionResponseBody } from './completion-response';
import { errorReply } from './error-responses';
import { pause, sendError, sendJson, writeWithBackpressure } from './http-io';
import type { ScriptReply } from './script';
import { encodeSseData, SSE_DONE } from './sse-encoder';

export interface ReplyTarget {
  readonly response: ServerResponse;
  /** Aborts when the client goes away or the server closes. */
  readonly signal: AbortSignal;
  readonly headers: Readonly<Record<string, string>>;
  /** Told about each streamed chunk just before it is written (see LoopbackModelServerOptions.onChunk). */
  readonly onChunk?: (sent: SentChunk) => void;
}

/** One streamed chunk as it leaves the loopback server, stamped with `performance.now()`. */
export interface SentChunk {
  /** Position in this response's chunk sequence, from 0 (the role chunk). */
  readonly index: number;
  readonly chunk: Readonly<Record<string, unknown>>;
  /** `performance.now()` just before the write: comparable with the same process's clock. */
  readonly time: number;
}

async function streamCompletion(target: ReplyTarget, chunks: ReadonlyArray<Readonly<Record<string, unknown>>>, chunkDelayMs: number): Promise<void> {
  const { response, signal } = target;
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', ...target.headers });
  response.flushHeaders();
  for (const [index, chunk] of chunks.entries()) {
    if (index > 0 && !(await pause(chunkDelayMs, signal))) return;
    if (signal.aborted) return;
    target.onChunk?.({ index, chunk, time: performance.now() });
    await writeWithBackpressure(response, encodeSseData(chunk));
  }
  if (signal.aborted) return;
  response.end(SSE_DONE);
}

export async function writeReply(options: { readonly target: ReplyTarget; readonly reply: ScriptReply; readonly request: ParsedChatRequest; readonly context: CompletionContext }): Promise<void> {
  const { target, reply, request } = options;
  if (!(await pause(reply.delayMs ?? 0, target.signal))) return;
  if ('error' in reply) {
    const { status, ...overrides } = reply.error;
    const plan = errorReply(status, overrides);
    sendError(target.response, { ...plan, headers: { ...target.headers, ...plan.headers } });
    return;
  }
  const completion = buildCompletion({ reply, request, context: options.context });
  if (!request.stream) {
    sendJson(target.response, { status: 200, body: completionResponseBody(completion), headers: target.headers });
    return;
  }
  await streamCompletion(target, completionChunks(completion, { includeUsage: request.includeUsage }), reply.chunkDelayMs ?? 0);
}
