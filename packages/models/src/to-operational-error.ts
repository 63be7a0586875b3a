// Classifies whatever a provider call threw (AI SDK errors, fetch errors, stream error parts).
import { OperationalError } from '@agent-generator/contracts';
import { PROVIDERS } from './provider-catalog';
import { httpFailureError, networkCode, networkError, timeoutError, type ErrorContext } from './provider-error';
import { redact } from './redact';

type Loose = Readonly<Record<string, unknown>>;
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null;

function headersOf(value: unknown): Record<string, string> {
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).flatMap(([name, header]) => (typeof header === 'string' ? [[name.toLowerCase(), header]] : [])));
}

/** Errors sent inside a stream after a 200 (Anthropic `error` events, Bedrock exception frames). */
function streamErrorStatus(error: Loose): number | undefined {
  const type = typeof error.type === 'string' ? error.type : Object.keys(error).find((key) => key.endsWith('Exception'));
  if (type === undefined) return undefined;
  if (/rate_limit|throttling/i.test(type)) return 429;
  if (/overloaded|api_error|internalServer|serviceUnavailable|modelStreamError/i.test(type)) return 503;
  if (/authentication|permission/i.test(type)) return 401;
  return 400;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (isObject(error) && typeof error.message === 'string') return error.message;
  if (isObject(error) && isObject(error.error) && typeof error.error.message === 'string') return error.error.message;
  return String(error);
}

/** Maps a failure to an OperationalError; `timedOut` says our own deadline cut the call. */
export function toOperationalError(context: ErrorContext, error: unknown, timedOut: boolean): OperationalError {
  if (error instanceof OperationalError) return error;
  if (timedOut) return timeoutError(context);
  if (isObject(error) && 'lastError' in error && error.lastError !== undefined) return toOperationalError(context, error.lastError, false);
  if (isObject(error) && typeof error.statusCode === 'number') {
    return httpFailureError(context, { status: error.statusCode, headers: headersOf(error.responseHeaders), body: typeof error.responseBody === 'string' ? error.responseBody : '' });
  }
  const code = networkCode(error);
  if (code !== undefined) return networkError(context, code);
  const inner = isObject(error) && isObject(error.error) ? error.error : error;
  const status = isObject(inner) ? streamErrorStatus(inner) : undefined;
  if (status !== undefined) return httpFailureError(context, { status, headers: {}, body: JSON.stringify({ message: messageOf(inner) }) });
  const label = PROVIDERS[context.provider].label;
  return new OperationalError('model_error', redact(`${label} failed: ${messageOf(error)}`, context.secrets), { provider: context.provider });
}
