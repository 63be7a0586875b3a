// A benchmark client for one chat session's WebSocket: opens it with an API token, sends one
// message and records every run event envelope (seq, type, each reply word's arrival time) into a trace.
import WebSocket from 'ws';
import type { StreamTrace } from './stream-trace';

interface Envelope {
  readonly type: string;
  readonly seq?: number;
  readonly event?: { readonly type: string; readonly delta?: string; readonly code?: string; readonly message?: string };
  readonly error?: { readonly code: string; readonly message: string };
}

export interface ChatSocketClient {
  /** Sends `{type:'message', text}` and stamps the trace's sentAt. */
  send(text: string): void;
  /** Resolves when the run ends (run-end / run-error), the server answers an error, or the socket closes. */
  readonly done: Promise<void>;
  close(): void;
}

export async function openChatSocket(options: { readonly url: string; readonly token: string; readonly sessionId: string; readonly trace: StreamTrace }): Promise<ChatSocketClient> {
  const { trace } = options;
  const socket = new WebSocket(`${options.url.replace(/^http/, 'ws')}/api/chat/sessions/${options.sessionId}/stream`, { headers: { authorization: `Bearer ${options.token}` } });
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const end = (error?: string): void => {
    if (error !== undefined && trace.error === undefined && !trace.ended) trace.error = error;
    finish();
  };
  socket.on('message', (data) => {
    const time = performance.now();
    const envelope = JSON.parse(String(data)) as Envelope;
    if (envelope.type === 'error') return end(`server error ${envelope.error?.code ?? ''}: ${envelope.error?.message ?? ''}`);
    if (envelope.type !== 'event' || envelope.event === undefined) return;
    trace.seqs.push(envelope.seq ?? -1);
    trace.eventTypes.push(envelope.event.type);
    // Under load the server merges the deltas of one step that wait together: each reply word is a token.
    if (envelope.event.type === 'text-delta') for (const word of (envelope.event.delta ?? '').match(/ ?[^ ]+/g) ?? []) trace.tokens.push({ text: word, time });
    if (envelope.event.type === 'run-end') {
      trace.ended = true;
      end();
    }
    if (envelope.event.type === 'run-error') end(`run-error ${envelope.event.code ?? ''}: ${envelope.event.message ?? ''}`);
  });
  socket.on('close', () => end('the socket closed before the run ended'));
  socket.on('error', (error) => end(`socket error: ${error.message}`));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_request, response) => reject(new Error(`the WebSocket upgrade was refused with ${response.statusCode ?? 0}`)));
    socket.once('error', reject);
  });
  return {
    send(text) {
      trace.sentAt = performance.now();
      socket.send(JSON.stringify({ type: 'message', text }));
    },
    done,
    close: () => socket.close(),
  };
}
