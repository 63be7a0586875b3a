// The relayed event stream of one project run: the project's events under our run id, re-numbered
// gap-free from 0, run-start first, exactly one run-end or run-error last, secrets redacted.
import type { RunEvent } from '@agent-generator/contracts';
import { AsyncQueue } from '../async-queue';
import type { RunEventDraft } from '../event-channel';
import type { Redactor } from './redact';

type StartDraft = Extract<RunEventDraft, { type: 'run-start' }>;
type EndDraft = Extract<RunEventDraft, { type: 'run-end' | 'run-error' }>;

export interface RelayChannelOptions {
  readonly runId: string;
  /** The run-start to send when the runtime must end a run the project never started. */
  readonly start: () => StartDraft;
  readonly redact: Redactor;
  readonly now: () => Date;
}

export class RelayChannel implements AsyncIterable<RunEvent> {
  readonly #queue = new AsyncQueue<RunEvent>();
  #started = false;
  #seq = 0;

  constructor(private readonly options: RelayChannelOptions) {}

  get finished(): boolean {
    return this.#queue.closed;
  }

  /** Passes on one event the project emitted; a repeated run-start and anything after the end are dropped. */
  relay(event: RunEvent): void {
    if (this.#queue.closed || (this.#started && event.type === 'run-start')) return;
    if (!this.#started && event.type !== 'run-start') this.#push({ ...this.options.start(), at: this.#now() });
    this.#push(event);
  }

  /** Starts the run now, before the project does (its own run-start is then dropped), with notices for the person. */
  begin(notices: ReadonlyArray<string>): void {
    if (this.#queue.closed || this.#started) return;
    this.#push({ ...this.options.start(), ...(notices.length === 0 ? {} : { notices: [...notices] }), at: this.#now() });
  }

  /** Ends the run with an event of the runtime's own, unless it has ended already. */
  finish(draft: EndDraft): void {
    if (this.#queue.closed) return;
    if (!this.#started) this.#push({ ...this.options.start(), at: this.#now() });
    this.#push({ ...draft, at: this.#now() });
  }

  [Symbol.asyncIterator](): AsyncIterator<RunEvent> {
    return this.#queue[Symbol.asyncIterator]();
  }

  #now(): string {
    return this.options.now().toISOString();
  }

  #push(event: RunEventDraft & { readonly at: string }): void {
    // The envelope completes the draft; the project's own envelope fields are replaced.
    const stamped = { ...this.options.redact(event), runId: this.options.runId, seq: this.#seq } as RunEvent;
    this.#seq += 1;
    this.#started = true;
    this.#queue.push(stamped);
    if (stamped.type === 'run-end' || stamped.type === 'run-error') this.#queue.close();
  }
}
