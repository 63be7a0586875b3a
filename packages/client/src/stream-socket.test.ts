// Tests of the reconnecting stream socket against a real WebSocket server on loopback: resume after a
// dropped connection, duplicates and gaps, messages queued while away.
import type { RunEvent } from '@agent-generator/contracts';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import type { RunEnvelope } from './runs-types';
import { openStreamSocket, type SocketFactory, type StreamSocket } from './stream-socket';

const nodeSocket: SocketFactory = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.onopen = () => handlers.open();
  socket.onmessage = (event) => handlers.message(event.data);
  socket.onclose = (event) => handlers.close(event.code);
  socket.onerror = () => undefined;
  return socket;
};

function envelope(runId: string, seq: number): RunEnvelope {
  const event: RunEvent = { type: 'text-delta', runId, seq, at: '2026-01-01T00:00:00.000Z', delta: `t${seq} ` };
  return { type: 'event', runId, seq, event };
}

interface Harness {
  readonly url: string;
  readonly received: Array<{ readonly connection: number; readonly message: unknown }>;
  onMessage(handler: (socket: ServerSocket, message: { type: string; [key: string]: unknown }, connection: number) => void): void;
  connections(): number;
  close(): Promise<void>;
}

async function startServer(): Promise<Harness> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const received: Array<{ connection: number; message: unknown }> = [];
  let handler: (socket: ServerSocket, message: { type: string; [key: string]: unknown }, connection: number) => void = () => undefined;
  let count = 0;
  server.on('connection', (socket) => {
    count += 1;
    const connection = count;
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string };
      received.push({ connection, message });
      handler(socket, message, connection);
    });
  });
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/stream`,
    received,
    onMessage: (next) => void (handler = next),
    connections: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

const send = (socket: ServerSocket, seqs: ReadonlyArray<number>, runId = 'run-1') => {
  for (const seq of seqs) socket.send(JSON.stringify(envelope(runId, seq)));
};

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function chatSocket(harness: Harness, delivered: RunEnvelope[]): Promise<StreamSocket> {
  const socket = openStreamSocket({ kind: 'chat', url: () => harness.url, onEnvelope: (item) => delivered.push(item), createSocket: nodeSocket, backoff: { initialMs: 20, maxMs: 50 } });
  cleanup.push(() => socket.close());
  return socket;
}

describe('openStreamSocket', () => {
  it('resumes after a dropped connection from the last delivered seq, dropping replayed duplicates', async () => {
    const harness = await startServer();
    cleanup.push(() => harness.close());
    harness.onMessage((socket, message, connection) => {
      if (message.type === 'message' && connection === 1) {
        send(socket, [0, 1, 2, 3, 4]);
        setTimeout(() => socket.terminate(), 50);
      }
      // The second connection overlaps what was already delivered: 3 and 4 come again.
      if (message.type === 'resume') send(socket, [3, 4, 5, 6, 7]);
    });
    const delivered: RunEnvelope[] = [];
    const socket = await chatSocket(harness, delivered);
    socket.send({ type: 'message', text: 'hello' });
    await until(() => delivered.length >= 8);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(delivered.map((item) => item.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(harness.connections()).toBe(2);
    expect(harness.received.find((item) => item.connection === 2)?.message).toEqual({ type: 'resume', runId: 'run-1', afterSeq: 4 });
  });

  it('asks again from the last seq when an event is missing, and never delivers out of order', async () => {
    const harness = await startServer();
    cleanup.push(() => harness.close());
    harness.onMessage((socket, message) => {
      if (message.type === 'message') send(socket, [0, 1, 3]);
      if (message.type === 'resume') send(socket, [2, 3, 4]);
    });
    const delivered: RunEnvelope[] = [];
    const socket = await chatSocket(harness, delivered);
    socket.send({ type: 'message', text: 'hello' });
    await until(() => delivered.length >= 5);
    expect(delivered.map((item) => item.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(harness.received.map((item) => item.message)).toContainEqual({ type: 'resume', runId: 'run-1', afterSeq: 1 });
  });

  it('keeps messages sent while disconnected and sends them after the reconnect', async () => {
    const harness = await startServer();
    cleanup.push(() => harness.close());
    harness.onMessage((socket, message, connection) => {
      if (message.type === 'message' && connection === 1) socket.terminate();
    });
    const delivered: RunEnvelope[] = [];
    const socket = await chatSocket(harness, delivered);
    socket.send({ type: 'message', text: 'first' });
    await until(() => harness.received.length === 1);
    socket.send({ type: 'approval', callId: 'call-1', approved: true });
    await until(() => harness.received.length === 2);
    expect(harness.received[1]).toEqual({ connection: 2, message: { type: 'approval', callId: 'call-1', approved: true } });
  });

  it('does not reconnect a run socket after the run ended and close() was called', async () => {
    const harness = await startServer();
    cleanup.push(() => harness.close());
    const delivered: RunEnvelope[] = [];
    const socket = openStreamSocket({ kind: 'run', url: (last) => `${harness.url}?after=${last('run-1')}`, onEnvelope: (item) => delivered.push(item), createSocket: nodeSocket, backoff: { initialMs: 20, maxMs: 50 } });
    await until(() => harness.connections() === 1);
    socket.close();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(harness.connections()).toBe(1);
  });
});
