import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { describe, expect, it } from 'vitest';
import { useLoopbackServers } from './http-test-support';
import type { LoopbackModelServer } from './loopback-model-server';

const start = useLoopbackServers();
const API_KEY = 'sk-loopback-test';

function clientFor(server: LoopbackModelServer, maxRetries = 0): OpenAI {
  return new OpenAI({ apiKey: API_KEY, baseURL: server.url, maxRetries });
}

const weatherTool = {
  type: 'function' as const,
  function: { name: 'get_weather', description: 'Current weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};

describe('the official openai client', () => {
  it('reads a non-streaming completion with usage', async () => {
    const server = await start({ apiKey: API_KEY, models: ['gpt-loopback'], script: [{ expect: { model: 'gpt-loopback', stream: false }, reply: { text: 'Hello from loopback.' } }] });
    const completion = await clientFor(server).chat.completions.create({ model: 'gpt-loopback', messages: [{ role: 'user', content: 'Hello?' }] });
    expect(completion.choices[0]?.message.content).toBe('Hello from loopback.');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({ prompt_tokens: 3 + 2 + 3, completion_tokens: 4, total_tokens: 12 });
    const models = await clientFor(server).models.list();
    expect(models.data.map((model) => model.id)).toEqual(['gpt-loopback']);
    server.assertScriptDone();
  });

  it('streams text that reassembles to the scripted text, with a usage chunk when asked', async () => {
    const text = 'Streaming, word by word, through the official client.';
    const server = await start({ script: [{ reply: { text, deltaSize: 3 } }] });
    const stream = await clientFor(server).chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'Stream please' }], stream: true, stream_options: { include_usage: true } });
    let assembled = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    let finishReason: string | null | undefined;
    for await (const chunk of stream) {
      assembled += chunk.choices[0]?.delta.content ?? '';
      finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
      usage = chunk.usage ?? usage;
    }
    expect(assembled).toBe(text);
    expect(finishReason).toBe('stop');
    expect(usage?.completion_tokens).toBe(11);
    expect(usage?.total_tokens).toBe((usage?.prompt_tokens ?? 0) + 11);
  });

  it('completes a tool-call round trip, streamed and accumulated by the client helper', async () => {
    const server = await start({
      script: [
        { label: 'asks for the tool', expect: { toolsOffered: ['get_weather'], lastUserMessage: 'Paris' }, reply: { toolCalls: [{ id: 'call_weather', name: 'get_weather', arguments: { city: 'Paris' } }] } },
        { label: 'answers with the result', expect: { toolResultFor: 'call_weather' }, reply: { text: 'It is 21 °C in Paris.' } },
      ],
    });
    const client = clientFor(server);
    const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'What is the weather in Paris?' }];
    const runner = client.chat.completions.stream({ model: 'm', messages, tools: [weatherTool] });
    const first = await runner.finalChatCompletion();
    const call = first.choices[0]?.message.tool_calls?.[0];
    expect(first.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call?.id).toBe('call_weather');
    expect(call?.type === 'function' ? [call.function.name, JSON.parse(call.function.arguments)] : undefined).toEqual(['get_weather', { city: 'Paris' }]);
    const assistant = first.choices[0]?.message;
    if (assistant === undefined || call === undefined) throw new Error('no tool call');
    messages.push({ role: 'assistant', content: assistant.content, tool_calls: assistant.tool_calls ?? [] }, { role: 'tool', tool_call_id: call.id, content: '{"celsius":21}' });
    const second = await client.chat.completions.create({ model: 'm', messages, tools: [weatherTool] });
    expect(second.choices[0]?.message.content).toBe('It is 21 °C in Paris.');
    server.assertScriptDone();
    const sent = server.requests[1]?.body as { messages: Array<{ role: string; tool_call_id?: string }> };
    expect(sent.messages.at(-1)).toMatchObject({ role: 'tool', tool_call_id: 'call_weather' });
  });

  it('raises the client error classes for 401, 429, 500 and 400', async () => {
    const server = await start({ apiKey: API_KEY, script: [{ reply: { error: { status: 429, retryAfter: 3 } } }, { reply: { error: { status: 500 } } }] });
    const request = { model: 'm', messages: [{ role: 'user' as const, content: 'hi' }] };
    const wrongKey = new OpenAI({ apiKey: 'sk-wrong', baseURL: server.url, maxRetries: 0 });
    await expect(wrongKey.chat.completions.create(request)).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    const limited = await clientFor(server).chat.completions.create(request).catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect(limited).toMatchObject({ status: 429, code: 'rate_limit_exceeded', type: 'requests' });
    expect((limited as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe('3');
    await expect(clientFor(server).chat.completions.create(request)).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    const bad = await clientFor(server).chat.completions.create({ model: 'm', messages: [] }).catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(OpenAI.BadRequestError);
    expect(bad).toMatchObject({ param: 'messages', code: 'empty_array' });
  });

  it('lets the client retry after a 429 as Retry-After says', async () => {
    const server = await start({ script: [{ reply: { error: { status: 429, retryAfter: 0 } } }, { reply: { text: 'second time lucky' } }] });
    const completion = await clientFor(server, 2).chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    expect(completion.choices[0]?.message.content).toBe('second time lucky');
    expect(server.requests.map((request) => request.headers['x-stainless-retry-count'])).toEqual(['0', '1']);
    server.assertScriptDone();
  });

  it('lets the client abort a stream mid-way and the server answers the next request', async () => {
    const server = await start({ script: [{ reply: { text: 'one two three four five six seven eight nine ten', chunkDelayMs: 30 } }, { reply: { text: 'fine' } }] });
    const client = clientFor(server);
    const stream = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'count' }], stream: true });
    let received = '';
    for await (const chunk of stream) {
      received += chunk.choices[0]?.delta.content ?? '';
      if (received.includes('two')) stream.controller.abort();
    }
    expect(received).toBe('one two');
    const next = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'again' }] });
    expect(next.choices[0]?.message.content).toBe('fine');
    expect(server.failures).toEqual([]);
  });
});
