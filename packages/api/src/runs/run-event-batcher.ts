// Group commit for one run's events: the first event is written at once; events that arrive while a
// write is in flight wait and go together in the next write (one transaction, then published together).
// Consecutive text deltas of one step that wait together become one delta: under load a run costs one
// event per write instead of one per token, and nothing is lost or reordered (ADR 0010).
import type { RunLog, RunEventDraft } from './run-log';

type TextDelta = Extract<RunEventDraft, { type: 'text-delta' }>;

/** The waiting delta `next` extends: the last queued event, if it is a text delta of the same step. */
function extendable(queue: ReadonlyArray<RunEventDraft>, next: RunEventDraft): TextDelta | undefined {
  const last = queue.at(-1);
  if (last?.type !== 'text-delta' || next.type !== 'text-delta' || last.stepId !== next.stepId) return undefined;
  return last;
}

const DEFAULT_MAX_BATCH = 256;

export interface RunEventBatcherOptions {
  readonly log: RunLog;
  /** Most events in one write (default 256); `add` waits while this many are queued. */
  readonly maxBatch?: number;
  /** Stamps `at` on events that arrive without one (default: now). */
  readonly now?: () => Date;
  /** Called once when a write fails; later `add` calls and `drained` reject with the same error. */
  readonly onError?: (error: unknown) => void;
}

export class RunEventBatcher {
  readonly #options: RunEventBatcherOptions;
  readonly #maxBatch: number;
  readonly #queue: RunEventDraft[] = [];
  readonly #waiting: Array<() => void> = [];
  #writing: Promise<void> | undefined;
  #failure: { readonly error: unknown } | undefined;

  constructor(options: RunEventBatcherOptions) {
    this.#options = options;
    this.#maxBatch = Math.max(1, Math.trunc(options.maxBatch ?? DEFAULT_MAX_BATCH));
  }

  /** Queues one event and starts a write when none is in flight; waits only while the queue is full. */
  async add(draft: RunEventDraft): Promise<void> {
    this.#throwIfFailed();
    const waiting = extendable(this.#queue, draft);
    if (waiting !== undefined && draft.type === 'text-delta') {
      // Keeps the first delta's time: the merged event is stamped when its text began to arrive.
      this.#queue[this.#queue.length - 1] = { ...waiting, delta: waiting.delta + draft.delta };
      return;
    }
    this.#queue.push(draft.at === undefined ? { ...draft, at: this.#now().toISOString() } : draft);
    this.#writing ??= this.#drain();
    while (this.#queue.length >= this.#maxBatch && this.#failure === undefined) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    this.#throwIfFailed();
  }

  /** Resolves when every queued event is stored and published; rejects with the write error if one failed. */
  async drained(): Promise<void> {
    while (this.#writing !== undefined) await this.#writing;
    this.#throwIfFailed();
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, this.#maxBatch);
        this.#wakeWaiting();
        await this.#options.log.append(batch);
      }
    } catch (error) {
      this.#failure = { error };
      this.#queue.length = 0;
      this.#options.onError?.(error);
    } finally {
      this.#writing = undefined;
      this.#wakeWaiting();
    }
  }

  #wakeWaiting(): void {
    for (const resolve of this.#waiting.splice(0)) resolve();
  }

  #throwIfFailed(): void {
    if (this.#failure !== undefined) throw this.#failure.error;
  }

  #now(): Date {
    return (this.#options.now ?? (() => new Date()))();
  }
}
