// What one benchmark client saw of one streamed reply: when it asked, each token with its arrival
// time, the envelope sequence numbers in arrival order, and how it ended.
export interface ReceivedToken {
  readonly text: string;
  /** `performance.now()` when the client had parsed the message carrying it. */
  readonly time: number;
}

export interface StreamTrace {
  readonly session: number;
  /** `performance.now()` when the message was sent (WebSocket) or the request started (SSE). */
  sentAt: number;
  readonly tokens: ReceivedToken[];
  /** Run event sequence numbers in arrival order (WebSocket only). */
  readonly seqs: number[];
  /** Event types in arrival order, for reports on what a failed stream ended with. */
  readonly eventTypes: string[];
  ended: boolean;
  error: string | undefined;
}

export function newTrace(session: number): StreamTrace {
  return { session, sentAt: 0, tokens: [], seqs: [], eventTypes: [], ended: false, error: undefined };
}

/** Resolves when every trace has ended, or after `timeoutMs` (the unfinished ones stay unended). */
export async function waitForAll(options: { readonly done: ReadonlyArray<Promise<void>>; readonly timeoutMs: number }): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), options.timeoutMs)));
  const finished = await Promise.race([Promise.all(options.done).then(() => true), timeout]);
  clearTimeout(timer);
  return finished;
}
