// Writes events to one run's log: numbers them after the stored tail, stores them, then publishes.
// Someone else may append too (an approval answer), so a seq conflict re-reads the tail and retries.
import { UserError, type RunEvent, type RunId, type Store, type StoredRunEvent } from '@agent-generator/contracts';
import type { RunHub } from './run-hub';

type DistributiveOmit<Value, Key extends PropertyKey> = Value extends unknown ? Omit<Value, Key> : never;
/** An event without its envelope; `at` is optional (now when absent). */
export type RunEventDraft = DistributiveOmit<RunEvent, 'runId' | 'seq' | 'at'> & { readonly at?: string };

const MAX_ATTEMPTS = 20;

export class RunLog {
  #lastSeq: number;

  constructor(private readonly context: { readonly store: Store; readonly hub: RunHub; readonly runId: RunId; readonly lastSeq: number; readonly now?: () => Date }) {
    this.#lastSeq = context.lastSeq;
  }

  async append(drafts: ReadonlyArray<RunEventDraft>): Promise<ReadonlyArray<StoredRunEvent>> {
    const { store, hub, runId } = this.context;
    for (let attempt = 1; ; attempt += 1) {
      const at = (this.context.now ?? (() => new Date()))().toISOString();
      const events = drafts.map((draft, index) => ({ at, ...draft, runId, seq: this.#lastSeq + 1 + index }) as RunEvent);
      try {
        await store.runs.appendEvents(runId, events);
      } catch (error) {
        if (!(error instanceof UserError && error.code === 'conflict') || attempt >= MAX_ATTEMPTS) throw error;
        const run = await store.runs.get(runId);
        if (run === undefined) throw error;
        this.#lastSeq = run.lastSeq;
        continue;
      }
      this.#lastSeq += events.length;
      const stored = events.map((event) => ({ runId, seq: event.seq, event }));
      hub.published(runId, stored);
      return stored;
    }
  }
}

/** Appends to a run's log from outside its executor (approval answers, expired leases). */
export async function appendToRun(options: { readonly store: Store; readonly hub: RunHub; readonly runId: RunId; readonly drafts: ReadonlyArray<RunEventDraft> }): Promise<ReadonlyArray<StoredRunEvent>> {
  const run = await options.store.runs.get(options.runId);
  if (run === undefined) throw new UserError('not_found', `Run ${options.runId} does not exist.`, { entity: 'run', id: options.runId });
  return new RunLog({ store: options.store, hub: options.hub, runId: options.runId, lastSeq: run.lastSeq }).append(options.drafts);
}
