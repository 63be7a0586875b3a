import { describe, expect, it } from 'vitest';
import { postJson, useLoopbackServers } from './http-test-support';
import { decodeSseData } from './sse-encoder';

const start = useLoopbackServers();
const hello = { model: 'loopback-model', messages: [{ role: 'user', content: 'Say hello' }] };
const longText = Array.from({ length: 200 }, (_, index) => `word${index}`).join(' ');

async function readFirstChunk(response: Response): Promise<{ reader: ReadableStreamDefaultReader<Uint8Array>; first: string }> {
  const body = response.body;
  if (body === null) throw new Error('no body');
  const reader = body.getReader();
  const { value } = await reader.read();
  return { reader, first: new TextDecoder().decode(value) };
}

async function readToEnd(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<'ended' | 'errored'> {
  try {
    for (;;) {
      const { done } = await reader.read();
      if (done) return 'ended';
    }
  } catch {
    return 'errored';
  }
}

describe('client aborts and delays', () => {
  it('survives a client that aborts mid-stream and keeps answering', async () => {
    const server = await start({ script: [{ reply: { text: longText, chunkDelayMs: 10 } }, { reply: { text: 'still here' } }] });
    const controller = new AbortController();
    const response = await postJson(`${server.url}/chat/completions`, { ...hello, stream: true }, { signal: controller.signal });
    const { reader, first } = await readFirstChunk(response);
    expect(first).toContain('"role":"assistant"');
    controller.abort();
    expect(await readToEnd(reader)).toBe('errored');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const next = await postJson(`${server.url}/chat/completions`, hello);
    expect(((await next.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]?.message.content).toBe('still here');
    expect(server.failures).toEqual([]);
    server.assertScriptDone();
  });

  it('holds a delayed reply long enough for a client timeout to fire', async () => {
    const server = await start({ script: [{ reply: { text: 'too late', delayMs: 10_000 } }, { reply: { text: 'on time', delayMs: 20 } }] });
    await expect(postJson(`${server.url}/chat/completions`, hello, { signal: AbortSignal.timeout(100) })).rejects.toThrow(/aborted|timeout/i);
    const response = await postJson(`${server.url}/chat/completions`, hello);
    expect(((await response.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]?.message.content).toBe('on time');
  });
});

describe('close', () => {
  it('cuts open streams and pending delays, and resolves', async () => {
    const server = await start({ script: [{ reply: { text: longText, chunkDelayMs: 20 } }, { reply: { text: 'never', delayMs: 60_000 } }] });
    const streaming = await postJson(`${server.url}/chat/completions`, { ...hello, stream: true });
    const { reader } = await readFirstChunk(streaming);
    const delayed = postJson(`${server.url}/chat/completions`, hello).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    await server.close();
    expect(await readToEnd(reader)).toBe('errored');
    expect(await delayed).toBe('cut');
    await expect(fetch(`${server.url}/models`)).rejects.toThrow();
  });
});

describe('concurrency', () => {
  it('answers many overlapping requests each with its own reply', async () => {
    const server = await start({
      respond: (request) => {
        const question = request.messages.at(-1)?.content ?? '';
        return { text: `answer to ${question}`, delayMs: 5 + (question.length % 3) * 10, chunkDelayMs: 1 };
      },
    });
    const questions = Array.from({ length: 25 }, (_, index) => `question ${index}`);
    const ids = new Set<string>();
    const answers = await Promise.all(
      questions.map(async (question, index) => {
        const response = await postJson(`${server.url}/chat/completions`, { ...hello, stream: index % 2 === 0, messages: [{ role: 'user', content: question }] });
        if (index % 2 === 1) {
          const body = (await response.json()) as { id: string; choices: Array<{ message: { content: string } }> };
          ids.add(body.id);
          return body.choices[0]?.message.content;
        }
        const chunks = decodeSseData(await response.text()).slice(0, -1).map((payload) => JSON.parse(payload) as { id: string; choices: Array<{ delta: { content?: string } }> });
        chunks.forEach((chunk) => ids.add(chunk.id));
        return chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
      }),
    );
    expect(answers).toEqual(questions.map((question) => `answer to ${question}`));
    expect(ids.size).toBe(questions.length);
    expect(server.requests).toHaveLength(25);
    expect(server.failures).toEqual([]);
  });
});
