// Replaces the values of secret-named fields (password, token, cookie, …) in a log object, at any
// depth up to MAX_DEPTH. Written for the hot path: an object with no secret key and no nested
// object (every access-log line) is returned as it is, without a copy. pino's own `redact` with
// wildcard paths cost about three times the rest of a log line.
/** Field names whose values are secrets, as the code spells them. */
export const SECRET_FIELD_NAMES = ['password', 'token', 'secret', 'sessionSecret', 'clientSecret', 'authorization', 'cookie', 'databaseUrl', 'accessToken', 'refreshToken', 'idToken', 'csrfToken', 'apiKey', 'xApiKey'] as const;
// Matched ignoring case, `-` and `_`, so `Authorization` and `access_token` count too.
const SECRET_KEYS = new Set(SECRET_FIELD_NAMES.map((name) => name.toLowerCase()));
const MAX_DEPTH = 6;
export const REDACTED = '[redacted]';

// Log lines reuse a handful of field names, so each name is judged once (bounded, in case of many).
const judged = new Map<string, boolean>();
const MAX_JUDGED = 1_000;

function isSecretKey(key: string): boolean {
  const known = judged.get(key);
  if (known !== undefined) return known;
  const secret = SECRET_KEYS.has(key.toLowerCase().replace(/[-_]/g, ''));
  if (judged.size >= MAX_JUDGED) judged.clear();
  judged.set(key, secret);
  return secret;
}

function needsCopy(value: object): boolean {
  for (const [key, field] of Object.entries(value)) {
    if (isSecretKey(key) || (typeof field === 'object' && field !== null && !(field instanceof Error))) return true;
  }
  return false;
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null || value instanceof Error) return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (!needsCopy(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) copy[key] = isSecretKey(key) ? REDACTED : redactValue(field, depth + 1);
  return copy;
}

/** The log object with every secret-named field's value replaced by `[redacted]`. */
export function redactSecrets(fields: Record<string, unknown>): Record<string, unknown> {
  return needsCopy(fields) ? (redactValue(fields, 0) as Record<string, unknown>) : fields;
}
