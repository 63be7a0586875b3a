// Removes a known secret value (the model API key) from text and from every string inside a value.
const MIN_SECRET_LENGTH = 4;
export const REDACTED = '[redacted]';

export type Redactor = <T>(value: T) => T;

function redactValue(value: unknown, secret: string): unknown {
  if (typeof value === 'string') return value.split(secret).join(REDACTED);
  if (Array.isArray(value)) return value.map((item: unknown) => redactValue(item, secret));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redactValue(key, secret), redactValue(item, secret)]));
  }
  return value;
}

/** A function that replaces `secret` with [redacted] everywhere; the identity when there is no secret worth hiding. */
export function createRedactor(secret: string | undefined): Redactor {
  if (secret === undefined || secret.length < MIN_SECRET_LENGTH) return (value) => value;
  // redactValue keeps the shape of what it is given: strings stay strings, objects stay objects.
  return <T>(value: T): T => redactValue(value, secret) as T;
}
