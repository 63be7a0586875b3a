// The run's event stream: stamps runId, seq and time, buffers, and closes after the last event.
import type { RunEvent } from '@agent-generator/contracts';
import { AsyncQueue } from './async-queue';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event as a step produces it; the channel adds the envelope. */
export type RunEventDraft = DistributiveOmit<RunEvent, 'runId' | 'seq' | 'at'>;

export class EventChannel implements AsyncIterable<RunEvent> {
  readonly #queue = new AsyncQueue<RunEvent>();
  #seq = 0;

  constructor(private readonly envelope: { readonly runId: string; readonly now: () => Date }) {}

  get closed(): boolean {
    return this.#queue.closed;
  }

  /** Queues an event; ignored once the run has ended, so late steps cannot follow the last event. */
  emit(draft: RunEventDraft): void {
    if (this.#queue.closed) return;
    // A draft plus its envelope is a RunEvent; TypeScript cannot see that through the union.
    const event = { ...draft, runId: this.envelope.runId, seq: this.#seq, at: this.envelope.now().toISOString() } as RunEvent;
    this.#seq += 1;
    this.#queue.push(event);
  }

  /** Queues the run's last event and closes the stream; only the first call counts. */
  finish(draft: RunEventDraft): void {
    if (this.#queue.closed) return;
    this.emit(draft);
    this.#queue.close();
  }

  [Symbol.asyncIterator](): AsyncIterator<RunEvent> {
    return this.#queue[Symbol.asyncIterator]();
  }
}
