import { describe, expect, it } from 'vitest';
import type { ParsedChatRequest } from './chat-request';
import { buildCompletion, splitText } from './completion';
import { completionChunks } from './completion-chunks';
import { completionResponseBody } from './completion-response';
import { decodeSseData, encodeSseData, SSE_DONE } from './sse-encoder';

const request: ParsedChatRequest = {
  model: 'm',
  messages: [{ role: 'user', content: 'hi', toolCalls: [] }],
  stream: true,
  includeUsage: true,
  tools: [],
  body: {},
};
let ids = 0;
const context = { completionId: 'chatcmpl-1', created: 1_700_000_000, nextToolCallId: () => `call_${(ids += 1)}` };

interface Chunk {
  choices: Array<{ delta: { role?: string; content?: string | null; tool_calls?: Array<{ index: number; id?: string; type?: string; function: { name?: string; arguments?: string } }> }; finish_reason: string | null }>;
  usage?: unknown;
}

describe('splitText', () => {
  it('splits into words with their leading spaces, or fixed-size pieces', () => {
    expect(splitText('Hello brave  world')).toEqual(['Hello', ' brave', '  world']);
    expect(splitText('abcdefg', 3)).toEqual(['abc', 'def', 'g']);
    expect(splitText('')).toEqual([]);
  });
});

describe('completionChunks', () => {
  it('sends the role first, then content, then finish reason, then usage', () => {
    const completion = buildCompletion({ reply: { text: 'Hello there world', deltaSize: 5 }, request, context });
    const chunks = completionChunks(completion, { includeUsage: true }) as unknown as Chunk[];
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe('Hello there world');
    expect(chunks.filter((chunk) => chunk.choices[0]?.delta.content).length).toBe(4);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)?.choices).toEqual([]);
    expect(chunks.at(-1)?.usage).toEqual(completion.usage);
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
  });

  it('streams each tool call as id, type and name, then argument fragments that rejoin to the JSON', () => {
    const reply = { toolCalls: [{ name: 'search', arguments: { query: 'loopback servers', limit: 3 } }, { name: 'clock', arguments: {} }], argumentsDeltaSize: 4 };
    const completion = buildCompletion({ reply, request, context });
    const chunks = completionChunks(completion, { includeUsage: false }) as unknown as Chunk[];
    const deltas = chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
    expect(deltas[0]).toEqual({ index: 0, id: 'call_1', type: 'function', function: { name: 'search', arguments: '' } });
    const argumentsOf = (index: number): string => deltas.filter((delta) => delta.index === index).map((delta) => delta.function.arguments ?? '').join('');
    expect(JSON.parse(argumentsOf(0))).toEqual({ query: 'loopback servers', limit: 3 });
    expect(argumentsOf(1)).toBe('{}');
    expect(deltas.filter((delta) => delta.index === 0).length).toBeGreaterThan(3);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
    expect(chunks.some((chunk) => 'usage' in chunk)).toBe(false);
  });

  it('gives the same message in the non-streaming body', () => {
    const completion = buildCompletion({ reply: { toolCalls: [{ name: 'clock', arguments: {}, id: 'call_fixed' }], text: 'Checking.' }, request, context });
    const body = completionResponseBody(completion) as { object: string; choices: Array<{ message: unknown; finish_reason: string }> };
    expect(body.object).toBe('chat.completion');
    expect(body.choices[0]).toMatchObject({
      message: { role: 'assistant', content: 'Checking.', tool_calls: [{ id: 'call_fixed', type: 'function', function: { name: 'clock', arguments: '{}' } }] },
      finish_reason: 'tool_calls',
    });
  });
});

describe('SSE framing', () => {
  it('round-trips data payloads and ends with [DONE]', () => {
    const text = encodeSseData({ a: 'line\nbreak' }) + encodeSseData([1]) + SSE_DONE;
    expect(decodeSseData(text)).toEqual(['{"a":"line\\nbreak"}', '[1]', '[DONE]']);
  });
});
