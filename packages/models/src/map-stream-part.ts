// Maps one AI SDK full-stream part to our ModelStreamPart (or nothing, for parts the engine ignores).
import type { ModelStreamPart } from '@agent-generator/contracts';
import type { TextStreamPart, ToolSet } from 'ai';

type FinishReason = Extract<ModelStreamPart, { type: 'finish' }>['reason'];

export function mapFinishReason(reason: string): FinishReason {
  switch (reason) {
    case 'stop':
    case 'length':
    case 'content-filter':
    case 'tool-calls':
      return reason;
    default:
      return 'other';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Thrown for `error` and `abort` parts so the caller's catch classifies them. */
export class StreamPartError extends Error {
  constructor(readonly part: unknown) {
    super('the model stream reported an error');
  }
}

export function mapStreamPart(part: TextStreamPart<ToolSet>): ModelStreamPart | undefined {
  switch (part.type) {
    case 'text-delta':
      return part.text.length > 0 ? { type: 'text-delta', delta: part.text } : undefined;
    case 'tool-call':
      return { type: 'tool-call', call: { id: part.toolCallId, name: part.toolName, arguments: isRecord(part.input) ? part.input : {} } };
    case 'finish':
      return { type: 'finish', reason: mapFinishReason(part.finishReason), usage: { inputTokens: part.totalUsage.inputTokens ?? 0, outputTokens: part.totalUsage.outputTokens ?? 0 } };
    case 'error':
      throw part.error;
    case 'abort':
      throw new StreamPartError(part);
    default:
      return undefined;
  }
}
