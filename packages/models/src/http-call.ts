// One HTTP call to a provider with an inactivity deadline; failures come back as OperationalErrors.
import { UserError } from '@agent-generator/contracts';
import { startDeadline, type Deadline } from './deadline';
import { httpFailureError, type ErrorContext } from './provider-error';
import type { FetchFunction } from './providers/sdk-model-options';
import { toOperationalError } from './to-operational-error';

export interface ProviderCall {
  readonly context: ErrorContext;
  readonly url: string;
  readonly init: RequestInit;
  readonly fetch?: FetchFunction;
  readonly signal?: AbortSignal;
}

/** Classifies an error thrown while calling or reading; the caller's own abort passes through. */
export function callFailure(options: { readonly context: ErrorContext; readonly error: unknown; readonly deadline: Deadline; readonly signal: AbortSignal | undefined }): unknown {
  if (options.signal?.aborted === true && !options.deadline.timedOut) return options.signal.reason ?? options.error;
  if (options.error instanceof UserError) return options.error;
  return toOperationalError(options.context, options.error, options.deadline.timedOut);
}

/** Sends the request; resolves with a 2xx response whose body the caller reads under `deadline`. */
export async function openProviderCall(call: ProviderCall): Promise<{ readonly response: Response; readonly deadline: Deadline }> {
  const deadline = startDeadline({ timeoutMs: call.context.timeoutMs, ...(call.signal === undefined ? {} : { signal: call.signal }) });
  try {
    const response = await (call.fetch ?? globalThis.fetch)(call.url, { ...call.init, signal: deadline.signal });
    if (!response.ok) {
      const body = await response.text();
      throw httpFailureError(call.context, { status: response.status, headers: Object.fromEntries(response.headers.entries()), body });
    }
    return { response, deadline };
  } catch (error) {
    deadline.dispose();
    throw callFailure({ context: call.context, error, deadline, signal: call.signal });
  }
}

/** A whole JSON answer. */
export async function fetchProviderJson(call: ProviderCall): Promise<unknown> {
  const { response, deadline } = await openProviderCall(call);
  try {
    return (await response.json()) as unknown;
  } catch (error) {
    throw callFailure({ context: call.context, error, deadline, signal: call.signal });
  } finally {
    deadline.dispose();
  }
}
