import { describe, expect, it } from 'vitest';
import type { ParsedChatRequest } from './chat-request';
import { ScriptPlayer } from './script-player';

function chatRequest(overrides: Partial<ParsedChatRequest> = {}): ParsedChatRequest {
  return { model: 'gpt-test', messages: [{ role: 'user', content: 'What is the weather in Paris?', toolCalls: [] }], stream: false, includeUsage: false, tools: [], body: {}, ...overrides };
}

describe('ScriptPlayer', () => {
  it('consumes matching steps in order and is then done', () => {
    const player = new ScriptPlayer([{ expect: { lastUserMessage: /weather/i, model: 'gpt-test' }, reply: { text: 'one' } }, { reply: { text: 'two' } }]);
    expect(player.decide(chatRequest(), 1)).toEqual({ kind: 'reply', reply: { text: 'one' } });
    expect(player.decide(chatRequest(), 2)).toEqual({ kind: 'reply', reply: { text: 'two' } });
    expect(() => player.assertDone()).not.toThrow();
  });

  it('names every difference of a mismatching request and keeps the step', () => {
    const player = new ScriptPlayer([{ label: 'asks for weather', expect: { model: 'other', lastUserMessage: 'Berlin', toolsOffered: ['get_weather'], toolResultFor: 'call_9', stream: true }, reply: { text: 'x' } }]);
    const decision = player.decide(chatRequest({ tools: [{ name: 'search' }] }), 1);
    expect(decision.kind).toBe('mismatch');
    const message = decision.kind === 'mismatch' ? decision.message : '';
    expect(message).toContain('step 1 ("asks for weather")');
    expect(message).toContain('expected model "other", but it was "gpt-test"');
    expect(message).toContain('to contain "Berlin", but it was "What is the weather in Paris?"');
    expect(message).toContain('expected tools [get_weather] to be offered, but the request offered [search]');
    expect(message).toContain('expected a tool result for call "call_9"');
    expect(message).toContain('expected stream: true, but it was false');
    expect(() => player.assertDone()).toThrow(/1 script step\(s\) were never requested: step 1 \("asks for weather"\)[\s\S]*does not match/);
  });

  it('reports requests that arrive after the script ended', () => {
    const player = new ScriptPlayer([{ reply: { text: 'only' } }]);
    player.decide(chatRequest(), 1);
    expect(player.decide(chatRequest(), 2)).toEqual({ kind: 'mismatch', message: 'request 2 arrived after all 1 script steps were used' });
    expect(() => player.assertDone()).toThrow(/request 2 arrived after all 1 script steps were used/);
  });

  it('matches a global regular expression the same way every time', () => {
    const player = new ScriptPlayer([{ expect: { lastUserMessage: /paris/gi }, reply: { text: 'a' } }, { expect: { lastUserMessage: /paris/gi }, reply: { text: 'b' } }]);
    expect(player.decide(chatRequest(), 1).kind).toBe('reply');
    expect(player.decide(chatRequest(), 2).kind).toBe('reply');
  });
});
