// The one table from error code to HTTP status; every error response goes through it.
import type { ErrorCode } from '@agent-generator/contracts';

export const ERROR_STATUS = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  incompatible_selection: 422,
  rate_limited: 429,
  internal: 500,
  model_error: 502,
  unavailable: 503,
} as const satisfies Record<ErrorCode, number>;
