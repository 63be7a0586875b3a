// Turns the clients' traces and the loopback's send stamps into the chat benchmark's numbers:
// time to first token, added latency per token, missing/reordered tokens and seq gaps/duplicates.
import type { StreamTrace } from './stream-trace';

export interface TraceSummary {
  readonly sessions: number;
  /** Sessions whose run ended normally with every token, in order. */
  readonly complete: number;
  /** Milliseconds from send to the first token, per session that got one. */
  readonly ttft: ReadonlyArray<number>;
  /** Milliseconds from the loopback's write of a chunk to the client's receipt of it, per token. */
  readonly added: ReadonlyArray<number>;
  /** Added latency of each session's first and last token: growth through the stream means queueing. */
  readonly addedFirst: ReadonlyArray<number>;
  readonly addedLast: ReadonlyArray<number>;
  /** Per session, the loopback's achieved gap between tokens (the asked gap, plus this process's timer lag). */
  readonly loopbackGap: ReadonlyArray<number>;
  readonly tokensExpected: number;
  readonly tokensReceived: number;
  /** Text-delta events received (tokens ÷ this = tokens per event: how much the stream batched). */
  readonly deltaEvents: number;
  /** Expected tokens never received (dropped). */
  readonly tokensMissing: number;
  /** Tokens received out of order, twice, or with text the loopback never sent (e.g. re-chunked). */
  readonly tokensReordered: number;
  readonly tokensDuplicated: number;
  readonly tokensUnknown: number;
  readonly seqGaps: number;
  readonly seqDuplicates: number;
  readonly seqReorders: number;
  /** Distinct error texts with how many sessions ended with each. */
  readonly errors: ReadonlyMap<string, number>;
}

/** The reply the loopback streams for `tag`: `tokens` words, each its own content delta. */
export function replyWords(tag: string, tokens: number): ReadonlyArray<string> {
  return Array.from({ length: tokens }, (_, index) => `${index === 0 ? '' : ' '}${tag}t${index}`);
}

function seqFaults(seqs: ReadonlyArray<number>): { gaps: number; duplicates: number; reorders: number } {
  const seen = new Set<number>();
  let highest = -1;
  let duplicates = 0;
  let reorders = 0;
  for (const seq of seqs) {
    if (seen.has(seq)) duplicates += 1;
    else if (seq < highest) reorders += 1;
    seen.add(seq);
    highest = Math.max(highest, seq);
  }
  return { gaps: highest + 1 - seen.size, duplicates, reorders };
}

export function summarize(options: { readonly traces: ReadonlyArray<StreamTrace>; readonly tagOf: (session: number) => string; readonly tokens: number; readonly sentAt: ReadonlyMap<string, number> }): TraceSummary {
  const ttft: number[] = [];
  const added: number[] = [];
  const addedFirst: number[] = [];
  const addedLast: number[] = [];
  const loopbackGap: number[] = [];
  const errors = new Map<string, number>();
  const totals = { complete: 0, deltaEvents: 0, received: 0, missing: 0, reordered: 0, duplicated: 0, unknown: 0, gaps: 0, seqDuplicates: 0, seqReorders: 0 };
  for (const trace of options.traces) {
    const words = replyWords(options.tagOf(trace.session), options.tokens);
    const expected = new Map(words.map((word, index) => [word, index]));
    const seen = new Set<number>();
    let last = -1;
    let faults = 0;
    for (const token of trace.tokens) {
      const index = expected.get(token.text);
      const stamp = options.sentAt.get(token.text);
      if (index === undefined || stamp === undefined) {
        totals.unknown += 1;
        faults += 1;
        continue;
      }
      if (seen.has(index)) totals.duplicated += 1;
      else if (index < last) totals.reordered += 1;
      faults += seen.has(index) || index < last ? 1 : 0;
      seen.add(index);
      last = Math.max(last, index);
      added.push(token.time - stamp);
      if (index === 0) addedFirst.push(token.time - stamp);
      if (index === options.tokens - 1) addedLast.push(token.time - stamp);
    }
    const firstSent = options.sentAt.get(words[0] ?? '');
    const lastSent = options.sentAt.get(words.at(-1) ?? '');
    if (firstSent !== undefined && lastSent !== undefined && options.tokens > 1) loopbackGap.push((lastSent - firstSent) / (options.tokens - 1));
    const first = trace.tokens[0];
    if (first !== undefined) ttft.push(first.time - trace.sentAt);
    const missing = options.tokens - seen.size;
    const seq = seqFaults(trace.seqs);
    totals.received += trace.tokens.length;
    totals.deltaEvents += trace.eventTypes.filter((type) => type === 'text-delta').length;
    totals.missing += missing;
    totals.gaps += seq.gaps;
    totals.seqDuplicates += seq.duplicates;
    totals.seqReorders += seq.reorders;
    if (trace.ended && trace.error === undefined && missing === 0 && faults === 0) totals.complete += 1;
    const error = trace.error ?? (trace.ended ? undefined : 'no end within the time limit');
    if (error !== undefined) errors.set(error, (errors.get(error) ?? 0) + 1);
  }
  return {
    sessions: options.traces.length,
    complete: totals.complete,
    ttft,
    added,
    addedFirst,
    addedLast,
    loopbackGap,
    tokensExpected: options.traces.length * options.tokens,
    tokensReceived: totals.received,
    deltaEvents: totals.deltaEvents,
    tokensMissing: totals.missing,
    tokensReordered: totals.reordered,
    tokensDuplicated: totals.duplicated,
    tokensUnknown: totals.unknown,
    seqGaps: totals.gaps,
    seqDuplicates: totals.seqDuplicates,
    seqReorders: totals.seqReorders,
    errors,
  };
}
