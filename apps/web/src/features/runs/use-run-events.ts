// A run's events: the stored log first, then live over the run's WebSocket (SSE as the fallback)
// while it runs, each seq once and in order.
import { openRunStream, type SocketStatus } from '@agent-generator/client';
import type { RunEvent } from '@agent-generator/contracts';
import { useEffect, useState } from 'react';
import { runsApi, socketUrl } from '../chat/runs-api';
import { loadRunEvents } from './load-run-events';

export interface RunEventsState {
  readonly events: ReadonlyArray<RunEvent>;
  readonly loading: boolean;
  readonly error: string | undefined;
  readonly live: SocketStatus | undefined;
}

export function useRunEvents(runId: string, follow: boolean): RunEventsState {
  const [state, setState] = useState<RunEventsState>({ events: [], loading: true, error: undefined, live: undefined });
  useEffect(() => {
    let cancelled = false;
    let close: () => void = () => undefined;
    setState({ events: [], loading: true, error: undefined, live: undefined });
    loadRunEvents(runId).then(
      (stored) => {
        if (cancelled) return;
        setState((current) => ({ ...current, events: stored, loading: false }));
        const ended = stored.some((event) => event.type === 'run-end' || event.type === 'run-error');
        if (!follow || ended) return;
        const stream = openRunStream({
          runId,
          after: stored.length - 1,
          socketUrl: (after) => socketUrl(runsApi.runs.socketPath(runId, after)),
          sseUrl: (after) => runsApi.runs.sseUrl(runId, after),
          onEnvelope: (envelope) => setState((current) => (envelope.seq === current.events.length ? { ...current, events: [...current.events, envelope.event] } : current)),
          onStatus: (live) => setState((current) => ({ ...current, live })),
          onError: (error) => setState((current) => ({ ...current, error: error.message })),
        });
        close = () => stream.close();
      },
      (error: unknown) => !cancelled && setState((current) => ({ ...current, loading: false, error: error instanceof Error ? error.message : 'The events could not be read.' })),
    );
    return () => {
      cancelled = true;
      close();
    };
  }, [runId, follow]);
  return state;
}
