// What the server remembers about each request, with the credential removed.
import type { IncomingHttpHeaders } from 'node:http';

export interface RecordedRequest {
  readonly method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  readonly path: string;
  /** Lower-case names; credential headers are kept as `[redacted]` so tests see they were sent. */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body; the raw text when it is not JSON; undefined when empty. */
  readonly body: unknown;
  readonly time: Date;
}

export const REDACTED = '[redacted]';
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'api-key', 'x-api-key']);

export function recordHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const recorded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    recorded[name] = CREDENTIAL_HEADERS.has(name) ? REDACTED : Array.isArray(value) ? value.join(', ') : value;
  }
  return recorded;
}

/** Parsed JSON, or the raw text when it does not parse (the route answers 400 for that). */
export function parseBodyText(text: string): { readonly body: unknown; readonly isJson: boolean } {
  if (text.length === 0) return { body: undefined, isJson: false };
  try {
    return { body: JSON.parse(text) as unknown, isJson: true };
  } catch {
    return { body: text, isJson: false };
  }
}
