// Turns any provider failure into an OperationalError a user understands, with no credential in it.
import { OperationalError } from '@agent-generator/contracts';
import { PROVIDERS } from './provider-catalog';
import type { ProviderKind } from './provider-settings';
import { redact } from './redact';

export interface ErrorContext {
  readonly provider: ProviderKind;
  /** The API root the call went to; only its origin appears in messages. */
  readonly baseUrl?: string;
  readonly secrets: ReadonlyArray<string>;
  readonly timeoutMs: number;
}

/** An HTTP answer that was not a success. */
export interface HttpFailure {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const SETTINGS_HINT = 'Check Settings → Providers.';

function make(context: ErrorContext, options: { readonly code: 'unauthenticated' | 'rate_limited' | 'unavailable' | 'model_error'; readonly message: string; readonly details?: Readonly<Record<string, unknown>> }): OperationalError {
  return new OperationalError(options.code, redact(options.message, context.secrets), { provider: context.provider, ...options.details });
}

function originOf(baseUrl: string | undefined): string {
  if (baseUrl === undefined) return '';
  try {
    return ` at ${new URL(baseUrl).origin}`;
  } catch {
    return '';
  }
}

/** The provider's own explanation from a JSON error body, when there is one. */
function providerMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const nested = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined);
    const candidates = [nested(parsed.error, 'message'), parsed.error, parsed.message, parsed.Message, nested(nested(parsed.errors, '0'), 'message'), parsed.errorMessage];
    const text = candidates.find((candidate): candidate is string => typeof candidate === 'string' && candidate.length > 0);
    return text === undefined ? undefined : text.length > 300 ? `${text.slice(0, 297)}...` : text;
  } catch {
    return undefined;
  }
}

/** Seconds to wait, from Retry-After / retry-after-ms headers or a Google RetryInfo detail. */
export function retryAfterSeconds(failure: HttpFailure): number | undefined {
  const milliseconds = Number(failure.headers['retry-after-ms']);
  if (Number.isFinite(milliseconds) && milliseconds > 0) return Math.ceil(milliseconds / 1000);
  const header = failure.headers['retry-after'];
  if (header !== undefined) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  }
  const delay = /"retryDelay"\s*:\s*"(\d+(?:\.\d+)?)s"/.exec(failure.body)?.[1];
  return delay === undefined ? undefined : Math.ceil(Number(delay));
}

function isCredentialRejection(context: ErrorContext, failure: HttpFailure): boolean {
  if (failure.status === 401 || failure.status === 403) return true;
  // Google answers a bad API key with 400 INVALID_ARGUMENT and reason API_KEY_INVALID.
  return failure.status === 400 && (context.provider === 'gemini' || context.provider === 'vertex') && failure.body.includes('API_KEY_INVALID');
}

export function httpFailureError(context: ErrorContext, failure: HttpFailure): OperationalError {
  const label = PROVIDERS[context.provider].label;
  const status = failure.status;
  const details = { status };
  if (isCredentialRejection(context, failure)) {
    const what = context.provider === 'bedrock' ? 'the AWS credentials' : 'the API key';
    return make(context, { code: 'unauthenticated', message: `${label} rejected ${what} (${status}). ${SETTINGS_HINT}`, details });
  }
  if (status === 429) {
    const seconds = retryAfterSeconds(failure);
    const when = seconds === undefined ? 'Try again shortly.' : `Try again in ${seconds} s.`;
    return make(context, { code: 'rate_limited', message: `${label} is rate-limiting requests (429). ${when}`, details: { ...details, ...(seconds === undefined ? {} : { retryAfterSeconds: seconds }) } });
  }
  if (status >= 500 || status === 408) {
    return make(context, { code: 'unavailable', message: `${label} had a server error (${status}). Try again in a moment.`, details });
  }
  const said = providerMessage(failure.body);
  const reason = said === undefined ? '' : `: ${said}`;
  if (status === 404) return make(context, { code: 'model_error', message: `${label} answered 404 Not Found${reason}. Check the model name and base URL in Settings → Providers.`, details });
  return make(context, { code: 'model_error', message: `${label} refused the request (${status})${reason}`, details });
}

export function timeoutError(context: ErrorContext): OperationalError {
  const seconds = Math.round(context.timeoutMs / 100) / 10;
  return make(context, { code: 'unavailable', message: `${PROVIDERS[context.provider].label} did not answer within ${seconds} s. Try again, or raise the timeout in Settings → Providers.`, details: { timeoutMs: context.timeoutMs } });
}

const NETWORK_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  UND_ERR_SOCKET: 'connection closed',
};

/** The first network error code in an error's cause chain, e.g. ECONNREFUSED. */
export function networkCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current !== undefined && current !== null && depth < 6; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code in NETWORK_CODES) return code;
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) current = errors[0];
    else current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function networkError(context: ErrorContext, code: string): OperationalError {
  const label = PROVIDERS[context.provider].label;
  const local = context.provider === 'ollama' || context.provider === 'ollabridge' || context.provider === 'openai-compatible';
  const hint = local ? ' Is it running?' : ' Check the base URL and your network.';
  return make(context, { code: 'unavailable', message: `Could not reach ${label}${originOf(context.baseUrl)} (${NETWORK_CODES[code] ?? code}).${hint}`, details: { cause: code } });
}
