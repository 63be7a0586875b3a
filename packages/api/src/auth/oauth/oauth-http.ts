// HTTP calls to sign-in providers: bounded in time and size, failures reported as operational.
import { OperationalError, UserError } from '@agent-generator/contracts';

const TIMEOUT_MS = 10_000;

export interface ProviderHttp {
  readonly fetch: typeof fetch;
  /** Names the provider in error messages. */
  readonly label: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function call(http: ProviderHttp, url: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await http.fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new OperationalError('unavailable', `${http.label} did not answer (${error instanceof Error ? error.message : String(error)}); try again.`, { provider: http.label });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new OperationalError('unavailable', `${http.label} answered ${response.status} with something that is not JSON.`, { provider: http.label, status: response.status });
  }
  const error = isRecord(body) && typeof body.error === 'string' ? body.error : undefined;
  if (!response.ok || error !== undefined) {
    // The provider refused the code or token: the sign-in attempt failed, not our server.
    throw new UserError('unauthenticated', `${http.label} refused the sign-in (${error ?? `HTTP ${response.status}`}); start again.`, { provider: http.label });
  }
  return body;
}

export async function getJson(http: ProviderHttp, url: string, headers: Record<string, string>): Promise<unknown> {
  return call(http, url, { headers: { Accept: 'application/json', ...headers } });
}

export async function postForm(http: ProviderHttp, url: string, form: Record<string, string>): Promise<Record<string, unknown>> {
  const body = await call(http, url, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  if (!isRecord(body)) throw new OperationalError('unavailable', `${http.label} answered with an unexpected token response.`, { provider: http.label });
  return body;
}

export function accessTokenOf(http: ProviderHttp, body: Record<string, unknown>): string {
  if (typeof body.access_token !== 'string' || body.access_token === '') throw new OperationalError('unavailable', `${http.label} sent no access token.`, { provider: http.label });
  return body.access_token;
}

export function stringField(body: unknown, key: string): string | null {
  const value = isRecord(body) ? body[key] : undefined;
  return typeof value === 'string' && value !== '' ? value : null;
}

export { isRecord };
