// The script engine shared by the provider loopback servers: picks the reply, builds the completion.
import type { ParsedChatRequest } from './chat-request';
import { buildCompletion, type Completion } from './completion';
import { pause } from './http-io';
import { createReplySource, type ReplyDecision, type ReplySource } from './reply-source';
import type { ReplyTarget } from './reply-writer';
import type { RespondFunction, ScriptError, ScriptStep } from './script';
import { ScriptPlayer } from './script-player';

/** Script options every provider loopback server accepts, as the OpenAI one does. */
export interface ScriptOptions {
  /** Expected requests and their answers, consumed in order. */
  readonly script?: ReadonlyArray<ScriptStep>;
  /** Dynamic mode; without `script` or `respond` the server echoes the last user message. */
  readonly respond?: RespondFunction;
}

/** What a provider route must know how to send: an error, or a completion (streamed or whole). */
export interface ChatAnswerWriter {
  error(error: ScriptError): void;
  completion(completion: Completion, options: { readonly chunkDelayMs: number }): Promise<void>;
}

export class ScriptedChat {
  readonly player: ScriptPlayer;
  private readonly source: ReplySource;
  private requestCount = 0;
  private toolCallCount = 0;

  constructor(
    options: ScriptOptions,
    private readonly toolCallPrefix: string,
  ) {
    this.player = new ScriptPlayer(options.script ?? []);
    this.source = createReplySource({ player: this.player, ...(options.script === undefined ? {} : { script: options.script }), ...(options.respond === undefined ? {} : { respond: options.respond }) });
  }

  /** The reply decision alone, for servers that reuse the OpenAI reply writer. */
  decide(request: ParsedChatRequest, requestNumber: number): Promise<ReplyDecision> {
    return this.source(request, requestNumber);
  }

  /** Decides the reply to `request` and hands it to `writer`, after the reply's delay. */
  async answer(options: { readonly target: ReplyTarget; readonly request: ParsedChatRequest; readonly writer: ChatAnswerWriter }): Promise<void> {
    const { target, request, writer } = options;
    const requestNumber = (this.requestCount += 1);
    const decision = await this.source(request, requestNumber);
    if (decision.kind === 'mismatch') return writer.error({ status: 400, message: `loopback script mismatch: ${decision.message}` });
    if (decision.kind === 'respond-failed') return writer.error({ status: 500, message: `loopback respond callback failed: ${decision.message}` });
    const reply = decision.reply;
    if (!(await pause(reply.delayMs ?? 0, target.signal))) return;
    if ('error' in reply) return writer.error(reply.error);
    const completion = buildCompletion({
      reply,
      request,
      context: { completionId: `loopback-${requestNumber}`, created: 0, nextToolCallId: () => `${this.toolCallPrefix}${(this.toolCallCount += 1)}` },
    });
    await writer.completion(completion, { chunkDelayMs: reply.chunkDelayMs ?? 0 });
  }
}

/** Writes stream frames one by one with the given pause between them; stops when the client leaves. */
export async function writeFrames(target: ReplyTarget, options: { readonly contentType: string; readonly frames: ReadonlyArray<string | Uint8Array>; readonly chunkDelayMs: number }): Promise<void> {
  const { response, signal } = target;
  response.writeHead(200, { 'content-type': options.contentType, 'cache-control': 'no-cache', ...target.headers });
  response.flushHeaders();
  for (const [index, frame] of options.frames.entries()) {
    if (index > 0 && !(await pause(options.chunkDelayMs, signal))) return;
    if (signal.aborted || response.destroyed) return;
    if (!response.write(frame)) {
      await new Promise<void>((resolve) => {
        response.once('drain', () => resolve());
        response.once('close', () => resolve());
      });
    }
  }
  if (!signal.aborted) response.end();
}

/** Parses a tool call's JSON arguments back into an object (they were built from one). */
export function toolArguments(json: string): Record<string, unknown> {
  return JSON.parse(json) as Record<string, unknown>;
}
