// Per-run sequence bookkeeping of a stream: delivers each seq once, in order, and spots gaps.
import type { RunEnvelope } from './runs-types';

export type SeqVerdict = 'deliver' | 'duplicate' | 'gap';

export interface SeqTracker {
  /** `deliver` for the next seq of its run, `duplicate` for one already delivered, `gap` when some are missing. */
  accept(envelope: RunEnvelope): SeqVerdict;
  /** The last seq delivered for a run; -1 before its first event. */
  last(runId: string): number;
  /** Runs seen whose last delivered event is not run-end or run-error. */
  unfinished(): ReadonlyArray<string>;
  /** Starts tracking a run as delivered up to `afterSeq` (default -1); no effect on a run already tracked. */
  follow(runId: string, afterSeq?: number): void;
}

export function createSeqTracker(): SeqTracker {
  const lastSeq = new Map<string, number>();
  const finished = new Set<string>();
  return {
    accept(envelope) {
      const last = lastSeq.get(envelope.runId) ?? -1;
      if (envelope.seq <= last) return 'duplicate';
      if (envelope.seq > last + 1) return 'gap';
      lastSeq.set(envelope.runId, envelope.seq);
      if (envelope.event.type === 'run-end' || envelope.event.type === 'run-error') finished.add(envelope.runId);
      return 'deliver';
    },
    last: (runId) => lastSeq.get(runId) ?? -1,
    unfinished: () => [...lastSeq.keys()].filter((runId) => !finished.has(runId)),
    follow(runId, afterSeq = -1) {
      if (!lastSeq.has(runId)) lastSeq.set(runId, afterSeq);
    },
  };
}
