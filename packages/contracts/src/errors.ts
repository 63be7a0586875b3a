// The closed set of error codes and the audience-based taxonomy every transport maps from.
export const ERROR_CODES = [
  'invalid_input',
  'incompatible_selection',
  'not_found',
  'conflict',
  'unauthenticated',
  'forbidden',
  'rate_limited',
  'payload_too_large',
  'model_error',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetails {
  readonly [key: string]: unknown;
}

/** Something the caller can fix; the message says what and how. */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }
}

/** A transient failure of something we depend on (network, provider, disk). */
export class OperationalError extends Error {
  override readonly name = 'OperationalError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }
}
