import { describe, expect, it } from 'vitest';
import { postJson, useLoopbackServers } from './http-test-support';

const start = useLoopbackServers();
const hello = { model: 'loopback-model', messages: [{ role: 'user', content: 'Say hello' }] };
const toolCall = { id: 'call_a', type: 'function', function: { name: 'lookup', arguments: '{}' } };

interface ErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

describe('400 for malformed requests', () => {
  it.each([
    ['invalid JSON', '{"model": "m", "messages": [', null, null],
    ['an empty body', '', null, null],
    ['a body that is not an object', '[1, 2]', null, 'invalid_type'],
    ['no model', { messages: hello.messages }, 'model', 'missing_required_parameter'],
    ['no messages', { model: 'm' }, 'messages', 'missing_required_parameter'],
    ['messages that are not an array', { model: 'm', messages: 'hi' }, 'messages', 'invalid_type'],
    ['an empty messages array', { model: 'm', messages: [] }, 'messages', 'empty_array'],
    ['an unknown role', { model: 'm', messages: [{ role: 'robot', content: 'beep' }] }, 'messages[0].role', 'invalid_value'],
    ['a user message without content', { model: 'm', messages: [{ role: 'user' }] }, 'messages[0].content', 'missing_required_parameter'],
    ['a temperature that is a string', { ...hello, temperature: 'hot' }, 'temperature', 'invalid_type'],
    ['a stream flag that is a string', { ...hello, stream: 'yes' }, 'stream', 'invalid_type'],
    ['stream_options without stream', { ...hello, stream_options: { include_usage: true } }, 'stream_options', 'invalid_value'],
    ['a tool without a name', { ...hello, tools: [{ type: 'function', function: {} }] }, 'tools[0].function.name', 'missing_required_parameter'],
    ['a tool message without tool_call_id', { model: 'm', messages: [{ role: 'assistant', content: null, tool_calls: [toolCall] }, { role: 'tool', content: '42' }] }, 'messages[1].tool_call_id', 'missing_required_parameter'],
    [
      'a tool_call_id no assistant call made',
      { model: 'm', messages: [{ role: 'user', content: 'go' }, { role: 'assistant', content: null, tool_calls: [toolCall] }, { role: 'tool', tool_call_id: 'call_b', content: '42' }] },
      'messages[2].tool_call_id',
      'invalid_tool_call_id',
    ],
    ['a tool call with non-string arguments', { model: 'm', messages: [{ role: 'assistant', tool_calls: [{ ...toolCall, function: { name: 'x', arguments: {} } }] }] }, 'messages[0].tool_calls[0].function.arguments', 'invalid_type'],
  ])('rejects %s', async (_case, body, param, code) => {
    const server = await start({ script: [{ reply: { text: 'never sent' } }] });
    const response = await postJson(`${server.url}/chat/completions`, body);
    expect(response.status).toBe(400);
    const error = ((await response.json()) as ErrorBody).error;
    expect(error).toMatchObject({ type: 'invalid_request_error', param, code });
    expect(error.message.length).toBeGreaterThan(10);
    // A malformed request does not consume the step.
    expect(() => server.assertScriptDone()).toThrow(/were never requested: step 1/);
  });

  it('accepts a tool result that answers an earlier call', async () => {
    const server = await start();
    const body = { model: 'm', messages: [{ role: 'user', content: 'go' }, { role: 'assistant', content: null, tool_calls: [toolCall] }, { role: 'tool', tool_call_id: 'call_a', content: '42' }] };
    expect((await postJson(`${server.url}/chat/completions`, body)).status).toBe(200);
  });
});

describe('authentication', () => {
  it('answers 401 without the key or with a wrong key, and never echoes the key', async () => {
    const server = await start({ apiKey: 'sk-right' });
    const missing = await postJson(`${server.url}/chat/completions`, hello);
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as ErrorBody).error).toMatchObject({ type: 'invalid_request_error', code: null, message: expect.stringContaining("didn't provide an API key") });
    const wrong = await postJson(`${server.url}/chat/completions`, hello, { headers: { authorization: 'Bearer sk-wrong' } });
    expect(wrong.status).toBe(401);
    const wrongText = await wrong.text();
    expect(JSON.parse(wrongText)).toMatchObject({ error: { code: 'invalid_api_key' } });
    expect(wrongText).not.toContain('sk-right');
    expect((await fetch(`${server.url}/models`)).status).toBe(401);
    expect((await postJson(`${server.url}/chat/completions`, hello, { headers: { authorization: 'Bearer sk-right' } })).status).toBe(200);
  });
});

describe('scripted errors', () => {
  it('answers 429 with Retry-After, then 500, then succeeds', async () => {
    const server = await start({
      script: [{ reply: { error: { status: 429, retryAfter: 7 } } }, { reply: { error: { status: 500, message: 'boom' } } }, { reply: { text: 'recovered' } }],
    });
    const limited = await postJson(`${server.url}/chat/completions`, hello);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(await limited.json()).toEqual({ error: { message: 'Rate limit reached for requests. Please try again later.', type: 'requests', param: null, code: 'rate_limit_exceeded' } });
    const broken = await postJson(`${server.url}/chat/completions`, hello);
    expect(broken.status).toBe(500);
    expect(await broken.json()).toEqual({ error: { message: 'boom', type: 'server_error', param: null, code: null } });
    expect((await postJson(`${server.url}/chat/completions`, hello)).status).toBe(200);
    server.assertScriptDone();
  });

  it('answers unknown routes with OpenAI-style 404s', async () => {
    const server = await start();
    const response = await fetch(`${server.url}/embeddings`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.message).toBe('Invalid URL (POST /v1/embeddings)');
  });
});

describe('script mismatches', () => {
  it('answers 400 naming the mismatch, records it, and fails assertScriptDone', async () => {
    const server = await start({
      script: [
        { label: 'greeting', expect: { lastUserMessage: 'hello' }, reply: { text: 'hi' } },
        { label: 'weather', expect: { toolsOffered: ['get_weather'] }, reply: { text: 'sunny' } },
      ],
    });
    expect((await postJson(`${server.url}/chat/completions`, { ...hello, messages: [{ role: 'user', content: 'well hello there' }] })).status).toBe(200);
    const response = await postJson(`${server.url}/chat/completions`, hello);
    expect(response.status).toBe(400);
    const error = ((await response.json()) as ErrorBody).error;
    expect(error.code).toBe('loopback_script_mismatch');
    expect(error.message).toContain('request 2 does not match script step 2 ("weather"): expected tools [get_weather] to be offered, but the request offered []');
    expect(server.failures).toHaveLength(1);
    expect(() => server.assertScriptDone()).toThrow(/1 script step\(s\) were never requested: step 2 \("weather"\)\n {2}- request 2 does not match/);
  });
});
