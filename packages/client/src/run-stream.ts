// Follows one run live: a WebSocket that resumes after the last delivered seq, falling back to SSE
// (EventSource, which resumes by Last-Event-ID) when WebSockets do not get through; ends with the run.
import { createSeqTracker } from './seq-tracker';
import { openStreamSocket, type SocketFactory, type SocketStatus, type StreamSocket } from './stream-socket';
import type { RunEnvelope, StreamError } from './runs-types';

/** The part of an EventSource the fallback uses. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: { readonly data?: unknown; readonly lastEventId?: string }) => void): void;
  close(): void;
}

export interface RunStreamOptions {
  readonly runId: string;
  readonly socketUrl: (after: number) => string;
  readonly sseUrl: (after: number) => string;
  readonly onEnvelope: (envelope: RunEnvelope) => void;
  readonly onStatus?: (status: SocketStatus, transport: 'websocket' | 'sse') => void;
  readonly onError?: (error: StreamError) => void;
  /** Resume after this seq (-1: from the start), e.g. what an earlier page load already showed. */
  readonly after?: number;
  readonly createSocket?: SocketFactory;
  readonly createEventSource?: (url: string) => EventSourceLike;
  /** Socket attempts that never opened before switching to SSE (default 2). */
  readonly fallbackAfter?: number;
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
}

export interface RunStream {
  close(): void;
}

const terminal = (envelope: RunEnvelope) => envelope.event.type === 'run-end' || envelope.event.type === 'run-error';

export function openRunStream(options: RunStreamOptions): RunStream {
  const tracker = createSeqTracker();
  tracker.follow(options.runId, options.after ?? -1);
  const last = () => tracker.last(options.runId);
  let socket: StreamSocket | undefined;
  let source: EventSourceLike | undefined;
  let failures = 0;
  let everOpened = false;
  let done = false;

  const deliver = (envelope: RunEnvelope): void => {
    if (done || tracker.accept(envelope) !== 'deliver') return;
    options.onEnvelope(envelope);
    if (terminal(envelope)) close();
  };

  const useSse = (): void => {
    socket?.close();
    socket = undefined;
    const create = options.createEventSource ?? ((url: string) => new EventSource(url, { withCredentials: true }));
    source = create(options.sseUrl(last()));
    options.onStatus?.('connecting', 'sse');
    source.addEventListener('open', () => options.onStatus?.('open', 'sse'));
    source.addEventListener('error', () => options.onStatus?.('reconnecting', 'sse'));
    source.addEventListener('event', (event) => {
      if (typeof event.data !== 'string') return;
      try {
        deliver(JSON.parse(event.data) as RunEnvelope);
      } catch {
        options.onError?.({ code: 'invalid_event', message: 'The server sent an event this page could not read.' });
      }
    });
  };

  const close = (): void => {
    done = true;
    socket?.close();
    source?.close();
  };

  if (options.createSocket === undefined && typeof WebSocket === 'undefined') useSse();
  else {
    socket = openStreamSocket({
      kind: 'run',
      url: () => options.socketUrl(last()),
      onEnvelope: deliver,
      ...(options.onError ? { onError: options.onError } : {}),
      ...(options.createSocket ? { createSocket: options.createSocket } : {}),
      ...(options.backoff ? { backoff: options.backoff } : {}),
      onStatus(status) {
        if (status === 'open') everOpened = true;
        if (status === 'reconnecting' && !everOpened && !done) {
          failures += 1;
          if (failures >= (options.fallbackAfter ?? 2)) return useSse();
        }
        options.onStatus?.(status, 'websocket');
      },
    });
  }
  return { close };
}
