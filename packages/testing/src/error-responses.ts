// Error bodies in OpenAI's shape, `{ error: { message, type, param, code } }`, and their statuses.

export interface OpenAiErrorBody {
  readonly message: string;
  readonly type: string;
  readonly param: string | null;
  readonly code: string | null;
}

/** An error the server answers with: HTTP status, body and extra headers (e.g. Retry-After). */
export interface ErrorReplyPlan {
  readonly status: number;
  readonly body: OpenAiErrorBody;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Thrown while validating a request; becomes a 400 invalid_request_error. */
export class InvalidRequestError extends Error {
  override readonly name = 'InvalidRequestError';
  constructor(
    message: string,
    readonly details: { readonly param?: string; readonly code?: string } = {},
  ) {
    super(message);
  }
}

const DEFAULTS_BY_STATUS: Readonly<Record<number, { readonly type: string; readonly code: string | null; readonly message: string }>> = {
  400: { type: 'invalid_request_error', code: null, message: 'The request is invalid.' },
  401: { type: 'invalid_request_error', code: 'invalid_api_key', message: 'Incorrect API key provided.' },
  404: { type: 'invalid_request_error', code: null, message: 'The requested resource does not exist.' },
  429: { type: 'requests', code: 'rate_limit_exceeded', message: 'Rate limit reached for requests. Please try again later.' },
  500: { type: 'server_error', code: null, message: 'The server had an error while processing your request.' },
  503: { type: 'server_error', code: null, message: 'The engine is currently overloaded, please try again later.' },
};

/** Builds an error reply with OpenAI's usual type and code for the status, overridable field by field. */
export function errorReply(
  status: number,
  overrides: { readonly message?: string; readonly type?: string; readonly code?: string | null; readonly param?: string | null; readonly retryAfter?: number } = {},
): ErrorReplyPlan {
  const defaults = DEFAULTS_BY_STATUS[status] ?? { type: status >= 500 ? 'server_error' : 'invalid_request_error', code: null, message: `Request failed with status ${status}.` };
  const body: OpenAiErrorBody = {
    message: overrides.message ?? defaults.message,
    type: overrides.type ?? defaults.type,
    param: overrides.param ?? null,
    code: overrides.code === undefined ? defaults.code : overrides.code,
  };
  return overrides.retryAfter === undefined ? { status, body } : { status, body, headers: { 'retry-after': String(overrides.retryAfter) } };
}

/** The 400 reply for a request that failed validation. */
export function invalidRequestReply(error: InvalidRequestError): ErrorReplyPlan {
  return errorReply(400, { message: error.message, param: error.details.param ?? null, code: error.details.code ?? null });
}
