// A WebSocket to a run or chat stream that reconnects with backoff and resumes each run after the
// last seq it delivered, so its listener sees every event exactly once and in order.
import { createSeqTracker } from './seq-tracker';
import type { ChatClientMessage, RunEnvelope, ServerMessage, StreamError } from './runs-types';

export type SocketStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface SocketHandlers {
  open(): void;
  message(data: unknown): void;
  close(code: number): void;
}

/** The part of a WebSocket the stream uses. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketLike;

export interface StreamSocketOptions {
  /** The URL of each (re)connection; a run socket puts its resume point in it. */
  readonly url: (lastSeq: (runId: string) => number) => string;
  /** `chat`: resumes runs with `resume` messages and can send; `run`: resumes through the URL. */
  readonly kind: 'chat' | 'run';
  readonly onEnvelope: (envelope: RunEnvelope) => void;
  readonly onError?: (error: StreamError) => void;
  readonly onStatus?: (status: SocketStatus) => void;
  /** After a reconnect (not the first open): a chat can look for runs started while it was away. */
  readonly onReconnect?: () => void;
  readonly createSocket?: SocketFactory;
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
}

export interface StreamSocket {
  /** Sends now when connected, else after the next (re)connection. */
  send(message: ChatClientMessage): void;
  /** Starts following a run after `afterSeq` (default -1): a run found elsewhere, or already shown up to a seq. */
  follow(runId: string, afterSeq?: number): void;
  close(): void;
}

const OPEN = 1;

export const browserSocket: SocketFactory = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.onopen = () => handlers.open();
  socket.onmessage = (event) => handlers.message(event.data);
  socket.onclose = (event) => handlers.close(event.code);
  return socket;
};

function parse(data: unknown): ServerMessage | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const message = JSON.parse(data) as Partial<ServerMessage> | null;
    return message && (message.type === 'event' || message.type === 'error') ? (message as ServerMessage) : undefined;
  } catch {
    return undefined;
  }
}

export function openStreamSocket(options: StreamSocketOptions): StreamSocket {
  const tracker = createSeqTracker();
  const createSocket = options.createSocket ?? browserSocket;
  const backoff = options.backoff ?? { initialMs: 250, maxMs: 10_000 };
  const outbox: ChatClientMessage[] = [];
  const resyncing = new Set<string>();
  let socket: SocketLike | undefined;
  let attempt = 0;
  let opened = false;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const transmit = (message: ChatClientMessage): boolean => {
    if (socket?.readyState !== OPEN) return false;
    socket.send(JSON.stringify(message));
    return true;
  };
  const resume = (runId: string): void => {
    resyncing.add(runId);
    transmit({ type: 'resume', runId, afterSeq: tracker.last(runId) });
  };

  const onEnvelope = (envelope: RunEnvelope): void => {
    const verdict = tracker.accept(envelope);
    if (verdict === 'deliver') {
      resyncing.delete(envelope.runId);
      options.onEnvelope(envelope);
    } else if (verdict === 'gap' && !resyncing.has(envelope.runId)) {
      // Something was lost on the way: ask again from the last delivered seq.
      if (options.kind === 'chat') resume(envelope.runId);
      else socket?.close(4000, 'resume');
    }
  };

  const connect = (): void => {
    options.onStatus?.(opened ? 'reconnecting' : 'connecting');
    const current = createSocket(options.url((runId) => tracker.last(runId)), {
      open() {
        if (current !== socket) return;
        attempt = 0;
        options.onStatus?.('open');
        resyncing.clear();
        if (options.kind === 'chat') for (const runId of tracker.unfinished()) resume(runId);
        for (let next = outbox[0]; next !== undefined && transmit(next); next = outbox[0]) outbox.shift();
        if (opened) options.onReconnect?.();
        opened = true;
      },
      message(data) {
        if (current !== socket) return;
        const message = parse(data);
        if (message?.type === 'event') onEnvelope(message);
        else if (message?.type === 'error') options.onError?.(message.error);
      },
      close() {
        if (current !== socket || closed) return;
        options.onStatus?.('reconnecting');
        if (closed) return;
        const delay = Math.min(backoff.maxMs, backoff.initialMs * 2 ** attempt);
        attempt += 1;
        timer = setTimeout(connect, delay * (0.5 + Math.random() / 2));
      },
    });
    socket = current;
  };
  connect();

  return {
    send(message) {
      if (!transmit(message)) outbox.push(message);
    },
    follow(runId, afterSeq) {
      tracker.follow(runId, afterSeq);
      if (options.kind === 'chat') resume(runId);
    },
    close() {
      closed = true;
      clearTimeout(timer);
      socket?.close(1000, 'done');
      options.onStatus?.('closed');
    },
  };
}
