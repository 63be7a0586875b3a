// The one error the client throws: the server's `{ error: { code, message, details } }` plus the HTTP status.
import type { ErrorCode } from '@agent-generator/contracts';

export interface ApiErrorFields {
  readonly status: number;
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;
  constructor(fields: ApiErrorFields) {
    super(fields.message);
    this.status = fields.status;
    this.code = fields.code;
    this.details = fields.details ?? {};
  }

  get isUnauthenticated(): boolean {
    return this.code === 'unauthenticated';
  }
}

// A type-only import keeps the contracts' schemas (and zod) out of the first page's JavaScript;
// the server is the one that chooses from the closed set of codes.
function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && /^[a-z_]{1,40}$/.test(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an error envelope; anything else becomes an `unavailable` or `internal` error that says what came back. */
export function apiErrorOf(status: number, body: unknown): ApiError {
  const envelope = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (envelope && isErrorCode(envelope.code) && typeof envelope.message === 'string') {
    return new ApiError({ status, code: envelope.code, message: envelope.message, details: isRecord(envelope.details) ? envelope.details : {} });
  }
  const code: ErrorCode = status >= 500 || status === 0 ? 'unavailable' : 'internal';
  return new ApiError({ status, code, message: status === 0 ? 'The server could not be reached.' : `The server answered ${status} without an error description.` });
}
