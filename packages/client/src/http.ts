// The transport under every client call: JSON in and out, the CSRF header on writes, errors as ApiError.
import { ApiError, apiErrorOf } from './api-error';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Readonly<Record<string, string | number | boolean | undefined>>;

export interface HttpOptions {
  /** Prefix of every path: '' for the same origin, or `http://host:port`. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  /** The CSRF token of the current session, if any (from sign-in or /api/auth/me). */
  readonly csrfToken?: () => string | undefined;
  /** Told about every 401, so the app can ask the user to sign in again without losing work. */
  readonly onUnauthenticated?: (error: ApiError) => void;
}

export interface RequestOptions {
  readonly body?: unknown;
  readonly query?: Query;
  /** Answer the raw text instead of JSON. */
  readonly as?: 'json' | 'text';
}

export interface Http {
  request<Answer>(method: Method, path: string, options?: RequestOptions): Promise<Answer>;
  url(path: string, query?: Query): string;
}

export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') parameters.set(key, String(value));
  const text = parameters.toString();
  return text ? `?${text}` : '';
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function createHttp(options: HttpOptions = {}): Http {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const url = (path: string, query?: Query) => `${base}${path}${queryString(query)}`;

  async function request<Answer>(method: Method, path: string, requestOptions: RequestOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (requestOptions.body !== undefined) headers['Content-Type'] = 'application/json';
    const csrf = method === 'GET' ? undefined : options.csrfToken?.();
    if (csrf) headers['X-CSRF-Token'] = csrf;
    let response: Response;
    try {
      response = await doFetch(url(path, requestOptions.query), {
        method,
        headers,
        credentials: 'same-origin',
        ...(requestOptions.body !== undefined ? { body: JSON.stringify(requestOptions.body) } : {}),
      });
    } catch {
      throw apiErrorOf(0, undefined);
    }
    if (!response.ok) {
      const error = apiErrorOf(response.status, await readBody(response));
      if (error.status === 401) options.onUnauthenticated?.(error);
      throw error;
    }
    if (requestOptions.as === 'text') return (await response.text()) as Answer;
    return (await readBody(response)) as Answer;
  }

  return { request, url };
}

export { ApiError };
