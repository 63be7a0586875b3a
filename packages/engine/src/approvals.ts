// The approval desk of Ask mode: the engine waits on a call id, the caller answers it.

export interface Approvals {
  /** Answers a pending approval request; false when no request with this call id is waiting. */
  respond(callId: string, approved: boolean): boolean;
  /** Used by the engine: resolves with the answer, or false (refused) when the time runs out. */
  waitFor(callId: string, options: { readonly signal: AbortSignal; readonly timeoutMs: number }): Promise<boolean>;
}

export function createApprovals(): Approvals {
  const pending = new Map<string, (approved: boolean) => void>();
  return {
    respond(callId, approved) {
      const answer = pending.get(callId);
      if (answer === undefined) return false;
      answer(approved);
      return true;
    },
    waitFor(callId, { signal, timeoutMs }) {
      return new Promise<boolean>((resolve, reject) => {
        const settle = (): void => {
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          pending.delete(callId);
        };
        const onAbort = (): void => {
          settle();
          reject(signal.reason);
        };
        const timer = setTimeout(() => {
          settle();
          resolve(false);
        }, timeoutMs);
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        pending.set(callId, (approved) => {
          settle();
          resolve(approved);
        });
      });
    },
  };
}
