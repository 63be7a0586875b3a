// The streaming, tool-calling model port the engine runs agents on; adapters live in packages/models.
import type { ModelClient } from './ports';

/** A tool the model may call: name, description and a JSON Schema for its arguments object. */
export interface ToolDefinition {
  readonly name: string;
  readonly description: string;
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** One tool call the model asked for; `arguments` is the parsed JSON object it sent. */
export interface ToolCallRequest {
  readonly id: string;
  readonly name: string;
  readonly arguments: Readonly<Record<string, unknown>>;
}

/** A conversation turn the engine sends back to the model, tool calls and results included. */
export type AgentMessage =
  | { readonly role: 'system' | 'user'; readonly content: string }
  | { readonly role: 'assistant'; readonly content: string; readonly toolCalls?: ReadonlyArray<ToolCallRequest> }
  | { readonly role: 'tool'; readonly toolCallId: string; readonly toolName: string; readonly content: string };

export interface TokenUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

export interface AgentModelRequest {
  readonly messages: ReadonlyArray<AgentMessage>;
  readonly tools?: ReadonlyArray<ToolDefinition>;
  readonly temperature?: number;
  readonly maxOutputTokens?: number;
  readonly signal?: AbortSignal;
}

/** What a model stream yields, in order: text deltas and tool calls, then exactly one finish. */
export type ModelStreamPart =
  | { readonly type: 'text-delta'; readonly delta: string }
  | { readonly type: 'tool-call'; readonly call: ToolCallRequest }
  | {
      readonly type: 'finish';
      readonly reason: 'stop' | 'tool-calls' | 'length' | 'content-filter' | 'other';
      readonly usage: TokenUsage;
    };

/**
 * A model the engine can run agents on. `stream` throws (or the iterable rejects) with an
 * OperationalError coded `model_error` / `rate_limited` / `unauthenticated` / `unavailable`
 * whose message a user understands and which never contains a credential.
 */
export interface AgentModel extends ModelClient {
  readonly provider: string;
  stream(request: AgentModelRequest): AsyncIterable<ModelStreamPart>;
}
