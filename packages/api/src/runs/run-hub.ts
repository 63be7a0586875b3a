// Live delivery of run events: replay from the store, then live events, deduplicated by seq
// (ADR 0007). In one process events pass in memory; other processes are woken by the notifier
// and read the new rows from the store. A lost wake-up only delays delivery until the next poll.
import type { RunId, Store, StoredRunEvent } from '@agent-generator/contracts';
import { isTerminal, waitForWake, type Wake } from './run-wake';
import type { RunNotice, RunNotifier } from './run-notifier';

interface Subscriber {
  readonly buffer: StoredRunEvent[];
  readonly wake: Wake;
  stale: boolean;
  /** The last seq delivered. */
  cursor: number;
}

export interface RunHubOptions {
  readonly store: Store;
  readonly notifier?: RunNotifier | undefined;
  /** How often a waiting subscriber re-reads the store anyway (default 1000 ms). */
  readonly pollMs?: number;
}

const ENDED = new Set(['succeeded', 'failed', 'cancelled']);

export class RunHub {
  readonly #subscribers = new Map<string, Set<Subscriber>>();
  readonly #noticeHandlers = new Set<(notice: RunNotice) => void>();
  readonly #options: RunHubOptions;

  constructor(options: RunHubOptions) {
    this.#options = options;
  }

  /** Starts listening to the other processes' notices. */
  async start(): Promise<void> {
    await this.#options.notifier?.listen((notice) => this.#deliver(notice, undefined));
  }

  /** Called after events were stored: wakes local subscribers with them and notifies the other processes. */
  published(runId: string, events: ReadonlyArray<StoredRunEvent>): void {
    const last = events.at(-1);
    if (last === undefined) return;
    this.#deliver({ kind: 'events', runId, seq: last.seq }, events);
    this.#notifyOthers({ kind: 'events', runId, seq: last.seq });
  }

  /** Stop and queued notices: local handlers first, then every other process. */
  signal(notice: Exclude<RunNotice, { kind: 'events' }>): void {
    this.#deliver(notice, undefined);
    this.#notifyOthers(notice);
  }

  /** Every notice from this and other processes (the executor uses cancel and queued). */
  onNotice(handler: (notice: RunNotice) => void): () => void {
    this.#noticeHandlers.add(handler);
    return () => this.#noticeHandlers.delete(handler);
  }

  /** The run's events after `afterSeq`, in order and without duplicates, ending after run-end or run-error. */
  async *subscribe(runId: RunId, options: { readonly afterSeq: number; readonly signal?: AbortSignal }): AsyncGenerator<StoredRunEvent> {
    const subscriber: Subscriber = { buffer: [], wake: { resolve: undefined }, stale: true, cursor: options.afterSeq };
    const set = this.#subscribers.get(runId) ?? new Set<Subscriber>();
    this.#subscribers.set(runId, set.add(subscriber));
    const { store } = this.#options;
    try {
      while (options.signal?.aborted !== true) {
        if (subscriber.stale) {
          subscriber.stale = false;
          const rows = await store.runs.events(runId, { afterSeq: subscriber.cursor });
          for (const row of rows) {
            subscriber.cursor = row.seq;
            yield row;
            if (isTerminal(row)) return;
          }
          if (rows.length > 0) {
            subscriber.stale = true;
            continue;
          }
          const run = await store.runs.get(runId);
          if (run === undefined || (ENDED.has(run.status) && run.lastSeq <= subscriber.cursor)) return;
        }
        while (subscriber.buffer.length > 0 && !subscriber.stale) {
          const next = subscriber.buffer.shift();
          if (next === undefined || next.seq <= subscriber.cursor) continue;
          if (next.seq !== subscriber.cursor + 1) {
            subscriber.stale = true;
            break;
          }
          subscriber.cursor = next.seq;
          yield next;
          if (isTerminal(next)) return;
        }
        if (subscriber.stale || subscriber.buffer.length > 0) continue;
        const woke = await waitForWake(subscriber.wake, { timeoutMs: this.#options.pollMs ?? 1000, ...(options.signal ? { signal: options.signal } : {}) });
        if (!woke) subscriber.stale = true;
      }
    } finally {
      set.delete(subscriber);
      if (set.size === 0) this.#subscribers.delete(runId);
    }
  }

  #deliver(notice: RunNotice, events: ReadonlyArray<StoredRunEvent> | undefined): void {
    for (const handler of this.#noticeHandlers) handler(notice);
    if (notice.kind !== 'events') return;
    for (const subscriber of this.#subscribers.get(notice.runId) ?? []) {
      if (events !== undefined) subscriber.buffer.push(...events);
      // A notice about events this subscriber has (or holds in memory) is our own echo: no read needed.
      else if (notice.seq > Math.max(subscriber.cursor, subscriber.buffer.at(-1)?.seq ?? -1)) subscriber.stale = true;
      else continue;
      subscriber.wake.resolve?.();
    }
  }

  #notifyOthers(notice: RunNotice): void {
    // Delivered locally already; the notifier echoes to this process too, which dedup by seq absorbs.
    this.#options.notifier?.notify(notice).catch(() => undefined);
  }
}
