// Folds OpenAI-style chat completion chunks (OpenAI-compatible servers, watsonx.ai chat_stream) into
// ModelStreamParts: text as it comes, tool calls and finish at the end.
import type { ModelStreamPart, TokenUsage, ToolCallRequest } from '@agent-generator/contracts';
import { mapFinishReason } from '../map-stream-part';

type Loose = Readonly<Record<string, unknown>>;
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const WIRE_FINISH: Readonly<Record<string, string>> = { tool_calls: 'tool-calls', content_filter: 'content-filter', stop: 'stop', length: 'length' };

export function parseArguments(text: string): Readonly<Record<string, unknown>> {
  try {
    const value = JSON.parse(text.length === 0 ? '{}' : text) as unknown;
    return isObject(value) ? value : {};
  } catch {
    return {};
  }
}

export function usageOf(value: unknown): TokenUsage | undefined {
  if (!isObject(value)) return undefined;
  return { inputTokens: Number(value.prompt_tokens ?? 0), outputTokens: Number(value.completion_tokens ?? 0) };
}

export function finishReasonOf(reason: unknown, hasToolCalls: boolean): Extract<ModelStreamPart, { type: 'finish' }>['reason'] {
  if (hasToolCalls) return 'tool-calls';
  return typeof reason === 'string' ? mapFinishReason(WIRE_FINISH[reason] ?? reason) : 'other';
}

export class ChatChunkFolder {
  private readonly calls = new Map<number, { id: string; name: string; arguments: string }>();
  private finishReason: unknown;
  private usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };

  /** `callPrefix` names tool calls that arrive without an id (`<prefix>-call-<index>`). */
  constructor(private readonly callPrefix: string) {}

  /** The text of one chunk ('' when none); tool-call fragments, finish reason and usage are remembered. */
  accept(chunk: unknown): string {
    if (!isObject(chunk)) return '';
    this.usage = usageOf(chunk.usage) ?? this.usage;
    const choice = Array.isArray(chunk.choices) ? (chunk.choices[0] as unknown) : undefined;
    if (!isObject(choice)) return '';
    if (typeof choice.finish_reason === 'string') this.finishReason = choice.finish_reason;
    const delta = isObject(choice.delta) ? choice.delta : {};
    for (const fragment of Array.isArray(delta.tool_calls) ? delta.tool_calls.filter(isObject) : []) this.addFragment(fragment);
    return typeof delta.content === 'string' ? delta.content : '';
  }

  /** True once a chunk carried a finish reason (a stream cut short never gets one). */
  get finished(): boolean {
    return this.finishReason !== undefined;
  }

  /** The tool calls, then the one finish part. */
  finish(): ReadonlyArray<ModelStreamPart> {
    const calls: ToolCallRequest[] = [...this.calls.values()].map((call) => ({ id: call.id, name: call.name, arguments: parseArguments(call.arguments) }));
    return [...calls.map((call) => ({ type: 'tool-call' as const, call })), { type: 'finish', reason: finishReasonOf(this.finishReason, calls.length > 0), usage: this.usage }];
  }

  private addFragment(fragment: Loose): void {
    const index = typeof fragment.index === 'number' ? fragment.index : this.calls.size;
    const current = this.calls.get(index) ?? { id: '', name: '', arguments: '' };
    const fn = isObject(fragment.function) ? fragment.function : {};
    this.calls.set(index, {
      id: typeof fragment.id === 'string' && fragment.id.length > 0 ? fragment.id : current.id || `${this.callPrefix}-call-${index}`,
      name: current.name + (typeof fn.name === 'string' ? fn.name : ''),
      arguments: current.arguments + (typeof fn.arguments === 'string' ? fn.arguments : ''),
    });
  }
}
