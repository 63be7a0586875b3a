// Counts a run's model calls and tokens against its limits; crossing one stops the run.
import type { TokenUsage } from '@agent-generator/contracts';
import type { RunLimits } from './run-options';

/** A limit ended the run; becomes a `run-error` with code `limit_exceeded`. */
export class LimitExceededError extends Error {
  override readonly name = 'LimitExceededError';
  readonly code = 'limit_exceeded';
}

export class RunLimiter {
  #modelCalls = 0;
  #tokens = 0;

  constructor(readonly limits: RunLimits) {}

  get tokens(): number {
    return this.#tokens;
  }

  /** Called before each model call. */
  countModelCall(): void {
    if (this.#modelCalls >= this.limits.maxSteps) {
      throw new LimitExceededError(`The run reached its step limit (${this.limits.maxSteps} model calls) before the agents finished. Raise the step limit or simplify the task.`);
    }
    this.#modelCalls += 1;
  }

  /** Called after each model call with what it used. */
  countTokens(usage: TokenUsage): void {
    this.#tokens += usage.inputTokens + usage.outputTokens;
    if (this.#tokens > this.limits.maxTokens) {
      throw new LimitExceededError(`The run used ${this.#tokens} tokens, more than its limit of ${this.limits.maxTokens}. Raise the token limit or shorten the task.`);
    }
  }
}

export function timeLimitError(limits: RunLimits): LimitExceededError {
  return new LimitExceededError(`The run took longer than its time limit of ${formatSeconds(limits.timeoutMs)} and was stopped. Raise the time limit or simplify the task.`);
}

function formatSeconds(milliseconds: number): string {
  return `${Number((milliseconds / 1000).toFixed(1))} s`;
}
