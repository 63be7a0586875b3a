// Small type guards and readers for validating untrusted JSON, each naming the offending parameter.
import { InvalidRequestError } from './error-responses';

export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** OpenAI's "invalid type" error for `param`, for the caller to throw. */
export function invalidType(param: string, expected: string, value: unknown): InvalidRequestError {
  return new InvalidRequestError(`Invalid type for '${param}': expected ${expected}, but got ${describe(value)} instead.`, { param, code: 'invalid_type' });
}

export function missingParameter(param: string): InvalidRequestError {
  return new InvalidRequestError(`Missing required parameter: '${param}'.`, { param, code: 'missing_required_parameter' });
}

export function requireObject(value: unknown, param: string): JsonObject {
  if (!isJsonObject(value)) throw invalidType(param, 'an object', value);
  return value;
}

export function requireString(object: JsonObject, key: string, param: string): string {
  const value = object[key];
  if (value === undefined) throw missingParameter(param);
  if (typeof value !== 'string') throw invalidType(param, 'a string', value);
  return value;
}

export function optionalString(object: JsonObject, key: string, param: string): string | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidType(param, 'a string', value);
  return value;
}

export function optionalArray(object: JsonObject, key: string, param: string): ReadonlyArray<unknown> | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalidType(param, 'an array', value);
  return value;
}
