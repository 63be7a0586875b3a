// The chat-completions request as the loopback server understands it, after validation.

export type MessageRole = 'system' | 'developer' | 'user' | 'assistant' | 'tool' | 'function';

export interface WireToolCall {
  readonly id: string;
  readonly type: 'function';
  readonly function: { readonly name: string; readonly arguments: string };
}

/** One message with its content flattened to text (text parts joined; other parts ignored). */
export interface ParsedMessage {
  readonly role: MessageRole;
  readonly content: string | null;
  readonly name?: string;
  /** Tool calls an assistant message made; empty for every other role. */
  readonly toolCalls: ReadonlyArray<WireToolCall>;
  /** Set on `tool` messages: the assistant tool call this message answers. */
  readonly toolCallId?: string;
}

export interface OfferedTool {
  readonly name: string;
  readonly description?: string;
  readonly parameters?: Record<string, unknown>;
}

export interface ParsedChatRequest {
  readonly model: string;
  readonly messages: ReadonlyArray<ParsedMessage>;
  readonly stream: boolean;
  /** `stream_options.include_usage`: a usage chunk is sent before `[DONE]`. */
  readonly includeUsage: boolean;
  readonly tools: ReadonlyArray<OfferedTool>;
  /** The request body as received, for assertions on fields the server does not interpret. */
  readonly body: Readonly<Record<string, unknown>>;
}

/** The text of the last `user` message, or undefined when there is none. */
export function lastUserMessage(request: Pick<ParsedChatRequest, 'messages'>): string | undefined {
  const message = request.messages.findLast((candidate) => candidate.role === 'user');
  return message === undefined ? undefined : (message.content ?? '');
}
