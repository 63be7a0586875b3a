import { describe, expect, it } from 'vitest';
import { countCompletionTokens, countPromptTokens, countTokens, MESSAGE_OVERHEAD_TOKENS, REPLY_PRIMER_TOKENS } from './tokenizer';

describe('countTokens', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['hello', 1],
    ['Hello, world!', 4],
    ['it costs 42.50 €', 6],
    ['naïve café', 2],
    ['get_weather', 3],
    ['{"city":"Paris"}', 9],
  ])('counts %j as %i tokens', (text, tokens) => {
    expect(countTokens(text)).toBe(tokens);
  });
});

describe('prompt and completion tokens', () => {
  it('adds per-message overhead, tool calls, offered tools and the reply primer', () => {
    const tool = { name: 'get_weather', parameters: { type: 'object' } };
    const toolCall = { id: 'call_1', type: 'function' as const, function: { name: 'get_weather', arguments: '{"city":"Paris"}' } };
    const tokens = countPromptTokens({
      messages: [
        { role: 'user', content: 'Weather in Paris?', toolCalls: [] },
        { role: 'assistant', content: null, toolCalls: [toolCall] },
      ],
      tools: [tool],
    });
    const expected = 2 * MESSAGE_OVERHEAD_TOKENS + 4 + (3 + 9) + countTokens(JSON.stringify(tool)) + REPLY_PRIMER_TOKENS;
    expect(tokens).toBe(expected);
  });

  it('counts reply text and tool-call names and arguments', () => {
    const toolCalls = [{ id: 'call_1', type: 'function' as const, function: { name: 'add', arguments: '{"a":1}' } }];
    expect(countCompletionTokens({ content: 'Sure.', toolCalls })).toBe(2 + 1 + 7);
  });
});
