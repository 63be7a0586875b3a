// POST /api/projects/import with a zip file's bytes. The JSON client sends no binary bodies, so this
// one call speaks HTTP itself, with the same CSRF header, error shape and expiry handling.
import { apiErrorOf, type CreatedProject } from '@agent-generator/client';

export interface ImportZipOptions {
  readonly fetch?: typeof fetch;
  /** The CSRF token of the browser session, if any. */
  readonly csrfToken?: () => string | undefined;
  readonly onUnauthenticated?: () => void;
}

async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function importProjectZip(file: Blob, options: ImportZipOptions = {}): Promise<CreatedProject> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/zip' };
  const csrf = options.csrfToken?.();
  if (csrf) headers['X-CSRF-Token'] = csrf;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let response: Response;
  try {
    response = await doFetch('/api/projects/import', { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch {
    throw apiErrorOf(0, undefined);
  }
  const body = await bodyOf(response);
  if (response.ok) return body as CreatedProject;
  const error = apiErrorOf(response.status, body);
  if (error.status === 401) options.onUnauthenticated?.();
  throw error;
}
