// Small helpers of the run hub: a resettable wake-up and the events that end a run's log.
import type { StoredRunEvent } from '@agent-generator/contracts';

export interface Wake {
  resolve: (() => void) | undefined;
}

/** Resolves true when woken, false when the time ran out or the signal aborted. */
export function waitForWake(wake: Wake, options: { readonly timeoutMs: number; readonly signal?: AbortSignal }): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (woke: boolean): void => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      wake.resolve = undefined;
      resolve(woke);
    };
    const onAbort = (): void => finish(false);
    const timer = setTimeout(() => finish(false), options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    wake.resolve = () => finish(true);
  });
}

export function isTerminal(stored: StoredRunEvent): boolean {
  return stored.event.type === 'run-end' || stored.event.type === 'run-error';
}
