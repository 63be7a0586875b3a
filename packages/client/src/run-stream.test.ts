// Tests of the run stream: resume through the URL after a drop, the end of the run, and the SSE
// fallback when WebSockets never get through (a refused port on loopback).
import type { RunEvent } from '@agent-generator/contracts';
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { openRunStream, type EventSourceLike } from './run-stream';
import type { RunEnvelope } from './runs-types';
import type { SocketFactory } from './stream-socket';

const nodeSocket: SocketFactory = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.onopen = () => handlers.open();
  socket.onmessage = (event) => handlers.message(event.data);
  socket.onclose = (event) => handlers.close(event.code);
  socket.onerror = () => undefined;
  return socket;
};

const at = '2026-01-01T00:00:00.000Z';
function envelope(seq: number, last = false): RunEnvelope {
  const event: RunEvent = last ? { type: 'run-end', runId: 'r', seq, at, status: 'succeeded' } : { type: 'text-delta', runId: 'r', seq, at, delta: 'x' };
  return { type: 'event', runId: 'r', seq, event };
}

async function until(check: () => boolean): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > 5000) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('openRunStream', () => {
  it('reconnects with ?after= the last delivered seq and stops at the end of the run', async () => {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const urls: string[] = [];
    server.on('connection', (socket, request) => {
      urls.push(request.url ?? '');
      if (urls.length === 1) {
        for (const seq of [0, 1, 2]) socket.send(JSON.stringify(envelope(seq)));
        setTimeout(() => socket.terminate(), 30);
      } else for (const seq of [2, 3]) socket.send(JSON.stringify(envelope(seq, seq === 3)));
    });
    const port = (server.address() as AddressInfo).port;
    const delivered: number[] = [];
    openRunStream({ runId: 'r', socketUrl: (after) => `ws://127.0.0.1:${port}/api/runs/r?after=${after}`, sseUrl: () => 'unused', onEnvelope: (item) => delivered.push(item.seq), createSocket: nodeSocket, backoff: { initialMs: 20, maxMs: 40 } });
    await until(() => delivered.length === 4);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(delivered).toEqual([0, 1, 2, 3]);
    expect(urls).toEqual(['/api/runs/r?after=-1', '/api/runs/r?after=2']);
    server.close();
  });

  it('falls back to SSE from the last seq when the socket never opens, and ignores repeats', async () => {
    const port = await refusedPort();
    const listeners = new Map<string, (event: { data?: unknown }) => void>();
    const sources: string[] = [];
    let closed = false;
    const createEventSource = (url: string): EventSourceLike => {
      sources.push(url);
      return { addEventListener: (type, listener) => void listeners.set(type, listener), close: () => void (closed = true) };
    };
    const delivered: number[] = [];
    const transports: string[] = [];
    openRunStream({
      runId: 'r',
      after: 1,
      socketUrl: (after) => `ws://127.0.0.1:${port}/api/runs/r?after=${after}`,
      sseUrl: (after) => `/api/runs/r/stream?after=${after}`,
      onEnvelope: (item) => delivered.push(item.seq),
      onStatus: (_status, transport) => transports.push(transport),
      createSocket: nodeSocket,
      createEventSource,
      backoff: { initialMs: 10, maxMs: 20 },
    });
    await until(() => sources.length === 1);
    expect(sources).toEqual(['/api/runs/r/stream?after=1']);
    const emit = listeners.get('event');
    for (const seq of [1, 2, 2, 3]) emit?.({ data: JSON.stringify(envelope(seq, seq === 3)) });
    expect(delivered).toEqual([2, 3]);
    expect(closed).toBe(true);
    expect(transports).toContain('sse');
  });
});
