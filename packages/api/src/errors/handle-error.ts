// The API's one error handler: known errors map through the status table; anything else is a bug,
// logged with its stack and answered as `internal` without leaking details.
import { OperationalError, UserError, type ErrorCode, type ErrorDetails } from '@agent-generator/contracts';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../app-env';
import { errorBody } from './error-body';
import { ERROR_STATUS } from './error-status';

interface Classified {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details: ErrorDetails;
  readonly headers?: Record<string, string>;
}

function fromHttpException(error: HTTPException): Classified {
  // The unread rest of the body makes the connection unusable, so it is closed after the answer.
  if (error.status === 413) return { code: 'payload_too_large', message: 'The request body is too large; send less data (see MAX_BODY_BYTES).', details: {}, headers: { Connection: 'close' } };
  if (error.status === 415) return { code: 'invalid_input', message: 'Send the body as JSON with Content-Type: application/json.', details: {} };
  if (error.status === 401) return { code: 'unauthenticated', message: error.message || 'Sign in first.', details: {} };
  if (error.status >= 400 && error.status < 500) return { code: 'invalid_input', message: error.message || 'The request is not valid.', details: {} };
  return { code: 'internal', message: 'Something went wrong on our side.', details: {} };
}

function classify(error: unknown): Classified | undefined {
  if (error instanceof UserError || error instanceof OperationalError) {
    const retryAfter = error.details.retryAfterSeconds;
    return { code: error.code, message: error.message, details: error.details, ...(typeof retryAfter === 'number' ? { headers: { 'Retry-After': String(retryAfter) } } : {}) };
  }
  if (error instanceof HTTPException) return fromHttpException(error);
  return undefined;
}

export function handleError(error: unknown, context: Context<AppEnv>): Response {
  const logger = context.get('logger');
  const known = classify(error);
  if (known === undefined) {
    const requestId = context.get('requestId');
    logger.error({ err: error }, 'unexpected error');
    return context.json(errorBody('internal', `Something went wrong on our side. Quote request id ${requestId} when you report it.`, { requestId }), 500);
  }
  const status = ERROR_STATUS[known.code];
  if (error instanceof OperationalError) logger.warn({ code: known.code, message: known.message }, 'operational error');
  else logger.debug({ code: known.code, message: known.message }, 'request refused');
  return context.json(errorBody(known.code, known.message, known.details), status, known.headers);
}
