// Keeps credentials out of text: known secret values and anything that looks like an auth header.
import { SECRET_FIELDS, type ProviderSettings } from './provider-settings';

const MASK = '[redacted]';
const AUTH_PATTERNS = [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, /\b(api[-_]?key|x-api-key|x-goog-api-key|apikey|key)=([^&\s"']+)/gi];

/** Every credential value in the settings (short values are ignored: they would mask ordinary words). */
export function secretsOf(settings: ProviderSettings): ReadonlyArray<string> {
  return SECRET_FIELDS.flatMap((field) => {
    const value = settings[field];
    return value !== undefined && value.length >= 4 ? [value] : [];
  });
}

export function redact(text: string, secrets: ReadonlyArray<string>): string {
  let result = text;
  for (const secret of secrets) result = result.split(secret).join(MASK);
  result = result.replace(AUTH_PATTERNS[0] ?? /$^/, (_match, scheme: string) => `${scheme} ${MASK}`);
  return result.replace(AUTH_PATTERNS[1] ?? /$^/, (_match, name: string) => `${name}=${MASK}`);
}
