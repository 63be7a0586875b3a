import { describe, expect, it } from 'vitest';
import { postJson, useLoopbackServers } from './http-test-support';
import { decodeSseData } from './sse-encoder';

const start = useLoopbackServers();

const hello = { model: 'loopback-model', messages: [{ role: 'user', content: 'Say hello' }] };
const FIXED_TIME = Date.UTC(2025, 0, 2, 3, 4, 5);

describe('models', () => {
  it('lists the configured models and answers for one of them', async () => {
    const server = await start({ models: ['alpha', 'beta'], now: () => FIXED_TIME });
    const list = (await (await fetch(`${server.url}/models`)).json()) as { object: string; data: Array<{ id: string; object: string; created: number }> };
    expect(list.object).toBe('list');
    expect(list.data.map((model) => model.id)).toEqual(['alpha', 'beta']);
    expect(list.data[0]).toMatchObject({ object: 'model', created: FIXED_TIME / 1000 });
    expect((await fetch(`${server.url}/models/beta`)).status).toBe(200);
    const missing = await fetch(`${server.url}/models/gamma`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('model_not_found');
  });

  it('rejects chat requests for a model it does not serve, when models are configured', async () => {
    const server = await start({ models: ['alpha'] });
    const response = await postJson(`${server.url}/chat/completions`, hello);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { message: 'The model `loopback-model` does not exist or you do not have access to it.', type: 'invalid_request_error', param: 'model', code: 'model_not_found' } });
  });

  it('answers at / only when mounted there', async () => {
    const plain = await start();
    expect((await postJson(`${plain.origin}/chat/completions`, hello)).status).toBe(404);
    const rooted = await start({ mountAtRoot: true });
    expect((await fetch(`${rooted.origin}/models`)).status).toBe(200);
    const response = await postJson(`${rooted.origin}/chat/completions`, hello);
    expect(((await response.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]?.message.content).toBe('Say hello');
  });
});

describe('chat completions over fetch', () => {
  it('answers a non-streaming request with a complete chat.completion', async () => {
    const server = await start({ script: [{ reply: { text: 'Hello, world!' } }], now: () => FIXED_TIME });
    const response = await postJson(`${server.url}/chat/completions`, hello);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req_loopback_1');
    expect(await response.json()).toEqual({
      id: 'chatcmpl-loopback-1',
      object: 'chat.completion',
      created: FIXED_TIME / 1000,
      model: 'loopback-model',
      system_fingerprint: 'fp_loopback',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hello, world!', refusal: null }, logprobs: null, finish_reason: 'stop' }],
      // prompt: 3 per message + "Say hello" (2) + 3 primer; completion: Hello , world ! (4)
      usage: { prompt_tokens: 8, completion_tokens: 4, total_tokens: 12, prompt_tokens_details: { cached_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0 } },
    });
    server.assertScriptDone();
  });

  it('streams SSE chunks that reassemble to the scripted text and end with [DONE]', async () => {
    const text = 'The loopback server streams one word at a time.';
    const server = await start({ script: [{ expect: { stream: true }, reply: { text } }] });
    const response = await postJson(`${server.url}/chat/completions`, { ...hello, stream: true });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const payloads = decodeSseData(await response.text());
    expect(payloads.at(-1)).toBe('[DONE]');
    const chunks = payloads.slice(0, -1).map((payload) => JSON.parse(payload) as { object: string; choices: Array<{ delta: { role?: string; content?: string }; finish_reason: string | null }> });
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks[0]?.choices[0]?.delta).toMatchObject({ role: 'assistant', content: '' });
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(text);
    expect(chunks.length).toBe(text.split(' ').length + 2);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
  });

  it('echoes the last user message when neither script nor respond is given', async () => {
    const server = await start();
    const response = await postJson(`${server.url}/chat/completions`, { model: 'any', messages: [{ role: 'user', content: [{ type: 'text', text: 'first ' }, { type: 'text', text: 'second' }] }] });
    expect(((await response.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]?.message.content).toBe('first second');
  });

  it('records every request with the credential redacted', async () => {
    const server = await start({ apiKey: 'sk-secret-value', now: () => FIXED_TIME });
    await postJson(`${server.url}/chat/completions`, hello, { headers: { authorization: 'Bearer sk-secret-value', 'x-trace': 'abc' } });
    await fetch(`${server.url}/models`);
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /v1/chat/completions', 'GET /v1/models']);
    const [first] = server.requests;
    expect(first?.body).toEqual(hello);
    expect(first?.headers).toMatchObject({ authorization: '[redacted]', 'x-trace': 'abc' });
    expect(JSON.stringify(server.requests)).not.toContain('sk-secret-value');
    expect(first?.time.getTime()).toBe(FIXED_TIME);
  });

  it('answers dynamically through respond, and reports a respond callback that throws', async () => {
    const server = await start({
      respond: (request) => {
        if (request.messages.length > 1) throw new Error('only single messages are expected');
        return { text: `You said ${request.messages.length} message.` };
      },
    });
    const ok = await postJson(`${server.url}/chat/completions`, hello);
    expect(((await ok.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]?.message.content).toBe('You said 1 message.');
    const failing = await postJson(`${server.url}/chat/completions`, { ...hello, messages: [...hello.messages, ...hello.messages] });
    expect(failing.status).toBe(500);
    expect(((await failing.json()) as { error: { message: string; type: string } }).error).toMatchObject({ type: 'server_error', message: expect.stringContaining('only single messages are expected') });
    expect(() => server.assertScriptDone()).toThrow(/respond callback threw for request 2/);
  });
});

describe('onChunk', () => {
  it('stamps every streamed chunk, in order, before the client can read it', async () => {
    const sent: Array<{ index: number; content: unknown; time: number }> = [];
    const server = await start({
      script: [{ reply: { text: 'one two three', chunkDelayMs: 20 } }, { reply: { text: 'not streamed' } }],
      onChunk: ({ index, chunk, time }) => sent.push({ index, content: (chunk.choices as Array<{ delta: { content?: string } }> | undefined)?.[0]?.delta.content, time }),
    });
    const began = performance.now();
    const response = await postJson(`${server.url}/chat/completions`, { ...hello, stream: true });
    const reader = (response.body ?? new ReadableStream<Uint8Array>()).getReader();
    const firstRead = await reader.read();
    const firstReadAt = performance.now();
    let rest = '';
    for (let part = await reader.read(); !part.done; part = await reader.read()) rest += new TextDecoder().decode(part.value);
    const payloads = decodeSseData(new TextDecoder().decode(firstRead.value) + rest).slice(0, -1);
    expect(sent.map((entry) => entry.index)).toEqual(payloads.map((_, index) => index));
    expect(sent.map((entry) => entry.content)).toEqual(['', 'one', ' two', ' three', undefined]);
    expect(sent[0]?.time).toBeGreaterThanOrEqual(began);
    expect(sent[0]?.time).toBeLessThanOrEqual(firstReadAt);
    const gaps = sent.slice(1).map((entry, index) => entry.time - (sent[index]?.time ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(15);
    await postJson(`${server.url}/chat/completions`, hello);
    expect(sent).toHaveLength(payloads.length);
  });
});
