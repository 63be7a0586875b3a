// The run's event stream: stamps runId, seq and time, buffers, and closes after the last event.
import type { RunEvent } from '@agent-generator/contracts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event as a step produces it; the channel adds the envelope. */
export type RunEventDraft = DistributiveOmit<RunEvent, 'runId' | 'seq' | 'at'>;

export class EventChannel implements AsyncIterable<RunEvent> {
  readonly #buffer: RunEvent[] = [];
  #wake: (() => void) | undefined;
  #closed = false;
  #seq = 0;

  constructor(private readonly envelope: { readonly runId: string; readonly now: () => Date }) {}

  get closed(): boolean {
    return this.#closed;
  }

  /** Queues an event; ignored once the run has ended, so late steps cannot follow the last event. */
  emit(draft: RunEventDraft): void {
    if (this.#closed) return;
    // A draft plus its envelope is a RunEvent; TypeScript cannot see that through the union.
    const event = { ...draft, runId: this.envelope.runId, seq: this.#seq, at: this.envelope.now().toISOString() } as RunEvent;
    this.#seq += 1;
    this.#buffer.push(event);
    this.#signal();
  }

  /** Queues the run's last event and closes the stream; only the first call counts. */
  finish(draft: RunEventDraft): void {
    if (this.#closed) return;
    this.emit(draft);
    this.#closed = true;
    this.#signal();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<RunEvent> {
    for (;;) {
      const next = this.#buffer.shift();
      if (next !== undefined) {
        yield next;
        continue;
      }
      if (this.#closed) return;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
  }

  #signal(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }
}
