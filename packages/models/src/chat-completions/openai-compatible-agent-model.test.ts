// The OpenAI-compatible stream reader against the loopback server: a burst becomes few deltas with
// every character in order, a failure before the stream is retried, an error chunk mid-stream fails.
import type { ModelStreamPart } from '@agent-generator/contracts';
import { OperationalError } from '@agent-generator/contracts';
import { createLoopbackModelServer } from '@agent-generator/testing';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { createAgentModel } from '../create-agent-model';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function collect(stream: AsyncIterable<ModelStreamPart>): Promise<ModelStreamPart[]> {
  const parts: ModelStreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

/** A server that answers every request with these raw SSE frames, then ends; its base URL. */
async function rawSseServer(frames: ReadonlyArray<string>): Promise<string> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const frame of frames) response.write(frame);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

const words = Array.from({ length: 300 }, (_, index) => `w${index}`).join(' ');

it('reads a burst of chunks as few text deltas, with every character in order and the usage intact', async () => {
  const server = await createLoopbackModelServer({ script: [{ reply: { text: words } }] });
  closers.push(() => server.close());
  const parts = await collect(createAgentModel({ provider: 'openai-compatible', model: 'm', baseUrl: server.url, maxRetries: 0 }).stream({ messages: [{ role: 'user', content: 'go' }] }));
  const deltas = parts.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : []));
  expect(deltas.join('')).toBe(words);
  // 300 chunks written back to back arrive in far fewer reads.
  expect(deltas.length).toBeLessThan(100);
  expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'stop', usage: { inputTokens: expect.any(Number), outputTokens: 300 } });
});

it('retries a 429 and a 503 before the stream starts, then streams', async () => {
  const server = await createLoopbackModelServer({ script: [{ reply: { error: { status: 429, retryAfter: 0 } } }, { reply: { error: { status: 503 } } }, { reply: { text: 'third time lucky' } }] });
  closers.push(() => server.close());
  const model = createAgentModel({ provider: 'openai-compatible', model: 'm', baseUrl: server.url, maxRetries: 2 });
  const parts = await collect(model.stream({ messages: [{ role: 'user', content: 'go' }] }));
  expect(parts.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : [])).join('')).toBe('third time lucky');
  expect(server.requests).toHaveLength(3);
  server.assertScriptDone();
});

it('fails with model_error when the server sends an error chunk mid-stream', async () => {
  const baseUrl = await rawSseServer(['data: {"choices":[{"index":0,"delta":{"content":"Hel"}}]}\n\n', 'data: {"error":{"message":"the GPU fell over"}}\n\n']);
  const failure = await collect(createAgentModel({ provider: 'openai-compatible', model: 'm', baseUrl, maxRetries: 0 }).stream({ messages: [{ role: 'user', content: 'go' }] })).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(OperationalError);
  expect(failure).toMatchObject({ code: 'model_error', message: expect.stringContaining('the GPU fell over') });
});

it('fails with unavailable when the stream ends before the answer is finished, instead of passing on half an answer', async () => {
  const baseUrl = await rawSseServer(['data: {"choices":[{"index":0,"delta":{"content":"Half an ans"}}]}\n\n']);
  const failure = await collect(createAgentModel({ provider: 'ollama', model: 'm', baseUrl, maxRetries: 0 }).stream({ messages: [{ role: 'user', content: 'go' }] })).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(OperationalError);
  expect(failure).toMatchObject({ code: 'unavailable', message: expect.stringContaining('closed the stream before the answer was finished') });
});
