// The cross-process wake-up port of ADR 0007: notices carry no event data, only which run changed.
/** `events`: the run's log grew to `seq`; `cancel`: Stop was asked; `queued`: a new run waits for a worker. */
export type RunNotice =
  | { readonly kind: 'events'; readonly runId: string; readonly seq: number }
  | { readonly kind: 'cancel'; readonly runId: string }
  | { readonly kind: 'queued'; readonly runId: string };

/** Postgres LISTEN/NOTIFY in production (apps/server wires it with `pg`); absent on SQLite. */
export interface RunNotifier {
  notify(notice: RunNotice): Promise<void>;
  /** Delivers every notice from any process, this one included. */
  listen(handler: (notice: RunNotice) => void): Promise<void>;
  close(): Promise<void>;
}

export const RUN_NOTIFY_CHANNEL = 'agent_generator_runs';

/** `<runId>:<kind>[:<seq>]`, well under Postgres' 8000-byte payload limit. */
export function encodeNotice(notice: RunNotice): string {
  return notice.kind === 'events' ? `${notice.runId}:events:${notice.seq}` : `${notice.runId}:${notice.kind}`;
}

export function decodeNotice(payload: string): RunNotice | undefined {
  const [runId, kind, seq] = payload.split(':');
  if (runId === undefined || runId === '') return undefined;
  if (kind === 'events' && seq !== undefined && /^\d+$/.test(seq)) return { kind, runId, seq: Number(seq) };
  if (kind === 'cancel' || kind === 'queued') return { kind, runId };
  return undefined;
}
