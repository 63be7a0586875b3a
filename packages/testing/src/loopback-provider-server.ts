// What every provider loopback server (Anthropic, Bedrock, Gemini, watsonx, Azure) exposes to tests,
// and the two pieces they share: writing a scripted answer in a wire format, and the server handle.
import type { Completion } from './completion';
import { sendJson } from './http-io';
import type { LoopbackHttp } from './loopback-http';
import type { RecordedRequest } from './recorded-request';
import type { ReplyTarget } from './reply-writer';
import type { ScriptError } from './script';
import { writeFrames, type ChatAnswerWriter, type ScriptedChat } from './scripted-chat';

export interface LoopbackProviderServer {
  /** The base URL to give the provider's client (each server's doc says what it includes). */
  readonly url: string;
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly port: number;
  /** Every request received, credential headers kept as `[redacted]`. */
  readonly requests: ReadonlyArray<RecordedRequest>;
  /** Script mismatches, requests past the script's end and respond-callback errors, so far. */
  readonly failures: ReadonlyArray<string>;
  /** Throws, listing unconsumed steps and failures, unless the script ran exactly as written. */
  assertScriptDone(): void;
  /** Stops listening and cuts open streams and pending delayed replies. */
  close(): Promise<void>;
}

/** How one provider's wire format writes an error, a whole answer and a streamed one. */
export interface ChatWire {
  error(error: ScriptError): { readonly status: number; readonly body: unknown; readonly headers?: Readonly<Record<string, string>> };
  message(completion: Completion): unknown;
  streamFrames(completion: Completion): ReadonlyArray<string | Uint8Array>;
  readonly streamContentType: string;
}

/** The answer writer of one exchange: JSON, or the wire's streamed frames when the client asked to stream. */
export function wireWriter(wire: ChatWire, target: ReplyTarget, stream: boolean): ChatAnswerWriter {
  return {
    error: (error: ScriptError) => {
      const plan = wire.error(error);
      sendJson(target.response, { status: plan.status, body: plan.body, headers: { ...target.headers, ...plan.headers } });
    },
    completion: async (completion, options) => {
      if (!stream) return sendJson(target.response, { status: 200, body: wire.message(completion), headers: target.headers });
      await writeFrames(target, { contentType: wire.streamContentType, frames: wire.streamFrames(completion), chunkDelayMs: options.chunkDelayMs });
    },
  };
}

/** The test-facing handle of a provider server listening through `http` and answering from `chat`. */
export function providerServer(http: LoopbackHttp, chat: ScriptedChat, url: string): LoopbackProviderServer {
  return {
    url,
    origin: http.origin,
    port: http.port,
    requests: http.requests,
    get failures() {
      return chat.player.failures;
    },
    assertScriptDone: () => chat.player.assertDone(),
    close: () => http.close(),
  };
}
