// Retries a provider call that failed before anything streamed: 429 and server errors, as the AI SDK
// does for the other providers, waiting the provider's Retry-After when it says one (capped).
import { OperationalError } from '@agent-generator/contracts';

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 20_000;

function retryable(error: unknown): error is OperationalError {
  if (!(error instanceof OperationalError)) return false;
  if (error.code === 'rate_limited') return true;
  // Server errors carry their status; timeouts and refused connections do not and are not retried.
  return error.code === 'unavailable' && typeof error.details.status === 'number';
}

function delayFor(error: OperationalError, attempt: number): number {
  const seconds = error.details.retryAfterSeconds;
  const asked = typeof seconds === 'number' ? seconds * 1000 : BASE_DELAY_MS * 2 ** attempt;
  return Math.min(asked, MAX_DELAY_MS);
}

function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, milliseconds);
    function done(): void {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }
    function aborted(): void {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    }
    signal?.addEventListener('abort', aborted, { once: true });
  });
}

export async function withRetries<Result>(options: { readonly retries: number; readonly signal: AbortSignal | undefined }, call: () => Promise<Result>): Promise<Result> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= options.retries || !retryable(error) || options.signal?.aborted === true) throw error;
      await sleep(delayFor(error, attempt), options.signal);
    }
  }
}
