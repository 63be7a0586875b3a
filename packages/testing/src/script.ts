// The script format: the requests a test expects, in order, and what the model answers to each.
import type { ParsedChatRequest } from './chat-request';

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

/** Timing shared by every reply: a pause before answering, and between stream chunks. */
export interface ReplyTiming {
  /** Milliseconds to wait before the response starts (to test timeouts and cancellation). */
  readonly delayMs?: number;
  /** Milliseconds to wait between streamed chunks (to test aborts mid-stream). */
  readonly chunkDelayMs?: number;
}

export interface TextReply extends ReplyTiming {
  readonly text: string;
  /** Characters per streamed content delta; by default the text streams a word at a time. */
  readonly deltaSize?: number;
  readonly finishReason?: FinishReason;
}

export interface ScriptToolCall {
  readonly name: string;
  readonly arguments: Readonly<Record<string, unknown>>;
  /** The tool call id; by default `call_<n>`, counting tool calls from 1 per server. */
  readonly id?: string;
}

export interface ToolCallsReply extends ReplyTiming {
  readonly toolCalls: ReadonlyArray<ScriptToolCall>;
  /** Optional assistant text sent before the tool calls. */
  readonly text?: string;
  readonly deltaSize?: number;
  /** Characters per streamed `function.arguments` fragment (default 8). */
  readonly argumentsDeltaSize?: number;
}

export interface ScriptError {
  readonly status: number;
  readonly message?: string;
  /** Seconds, sent as the Retry-After header. */
  readonly retryAfter?: number;
  readonly type?: string;
  readonly code?: string | null;
}

export interface ErrorReply extends ReplyTiming {
  readonly error: ScriptError;
}

export type ScriptReply = TextReply | ToolCallsReply | ErrorReply;

/** Conditions a request must meet to be answered by a step; every one given must hold. */
export interface StepExpectation {
  readonly model?: string;
  /** The last `user` message contains this text, or matches this pattern. */
  readonly lastUserMessage?: string | RegExp;
  /** Tools that must be offered (by function name); others may be offered too. */
  readonly toolsOffered?: ReadonlyArray<string>;
  /** A `tool` message answering this tool call id is present. */
  readonly toolResultFor?: string;
  readonly stream?: boolean;
}

export interface ScriptStep {
  /** Named in mismatch reports. */
  readonly label?: string;
  readonly expect?: StepExpectation;
  readonly reply: ScriptReply;
}

/** Dynamic mode: computes the reply for each request. */
export type RespondFunction = (request: ParsedChatRequest) => ScriptReply | Promise<ScriptReply>;
