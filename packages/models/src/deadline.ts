// An inactivity deadline for one provider call: fires when nothing arrives for `timeoutMs`.

export interface Deadline {
  /** Aborts when the deadline passes or the caller's signal aborts. */
  readonly signal: AbortSignal;
  /** True once the deadline (not the caller) aborted the call. */
  readonly timedOut: boolean;
  /** Progress was made: restart the clock. */
  touch(): void;
  dispose(): void;
}

export function startDeadline(options: { readonly timeoutMs: number; readonly signal?: AbortSignal }): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // touch() only notes the time (it runs per received chunk); the timer re-arms itself for what is left.
  let lastProgress = performance.now();
  const arm = (delayMs: number): void => {
    timer = setTimeout(() => {
      const idleMs = performance.now() - lastProgress;
      if (idleMs < options.timeoutMs) return arm(options.timeoutMs - idleMs);
      timedOut = true;
      controller.abort(new Error(`no answer within ${options.timeoutMs} ms`));
    }, delayMs);
  };
  arm(options.timeoutMs);
  return {
    signal: options.signal === undefined ? controller.signal : AbortSignal.any([controller.signal, options.signal]),
    get timedOut() {
      return timedOut;
    },
    touch: () => {
      lastProgress = performance.now();
    },
    dispose: () => {
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
